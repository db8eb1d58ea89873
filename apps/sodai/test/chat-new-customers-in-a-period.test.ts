import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatNumber, useChatServer } from './chat-server.ts';
import { tableColumn } from './chat-replies.ts';

// "clientes nuevos este mes", "new customers last month", "who started buying in February" had no
// answer (the help text). They list the customers whose first purchase in the data falls in the
// period, with the period's units only, checked here against SQL over the same store.
const server = useChatServer();

/** The first and last day of month `m` (1-12) of `year`. */
function month(year: number, m: number): { from: string; to: string } {
  const from = new Date(Date.UTC(year, m - 1, 1));
  const to = new Date(Date.UTC(year, m, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Customers whose first purchase is in [from, to], by units bought in the period, of an optional type. */
async function newCustomers(from: string, to: string, type?: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH firsts AS (SELECT customer_id, min(purchase_date) AS first FROM transactions WHERE items > 0 GROUP BY 1)
     SELECT t.customer_id::DOUBLE AS id, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN firsts f USING (customer_id) JOIN customers c USING (customer_id)
     WHERE f.first BETWEEN DATE '${from}' AND DATE '${to}'
       AND t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
       ${type ? `AND c.customer_type = '${type}'` : ''}
     GROUP BY 1 ORDER BY units DESC, min(f.first), 1`,
  );
  // Items may be fractional (boxes split); the chat shows whole units.
  return rows.map((r) => ({ id: Number(r.id), units: Math.round(Number(r.units)) }));
}

const shown = (r: ChatResponse) =>
  tableColumn(r, 1).map((id, i) => ({
    id: Number(id),
    units: Number(tableColumn(r, 4)[i]!.replace(/[.,]/g, '')),
  }));

describe('new customers in a period', () => {
  it.each([
    ['new customers last month', 'en', -1],
    ['clientes nuevos el mes pasado', 'es', -1],
    ['who started buying in February?', 'en', 2],
    ['¿quiénes compraron por primera vez en febrero?', 'es', 2],
    ['¿cuántos clientes captamos en marzo?', 'es', 3],
    ['first-time buyers in April', 'en', 4],
  ] as const)(
    '"%s" lists those whose first purchase is in the period, with its units only',
    async (q, lang, m) => {
      const last = server().lastDay;
      const year = Number(last.slice(0, 4));
      const period = m === -1 ? month(year, Number(last.slice(5, 7)) - 1) : month(year, m);
      const r = await server().ask(q);
      expect({
        q,
        intent: r.intent,
        answered: r.answered,
        lang: r.lang,
        period: r.entities.period?.from,
      }).toEqual({
        q,
        intent: 'new_customers',
        answered: true,
        lang,
        period: period.from,
      });
      const expected = await newCustomers(period.from, period.to);
      expect(expected.length).toBeGreaterThan(0);
      expect(shown(r)).toEqual(expected.slice(0, 5));
      // The count of all of them comes first, not only of the rows shown.
      expect(r.answer.startsWith(chatNumber(expected.length, lang))).toBe(true);
    },
  );

  it('"restaurantes nuevos" narrows to that type, and a type with none says there were none', async () => {
    const last = server().lastDay;
    const year = Number(last.slice(0, 4));
    for (let m = 2; m <= Number(last.slice(5, 7)) - 1; m++) {
      const { from, to } = month(year, m);
      const r = await server().ask(
        `restaurantes nuevos en ${['', 'enero', 'febrero', 'marzo', 'abril', 'mayo'][m]}`,
      );
      const expected = await newCustomers(from, to, 'RESTAURANT');
      expect({ m, intent: r.intent, type: r.entities.customer_type }).toEqual({
        m,
        intent: 'new_customers',
        type: 'RESTAURANT',
      });
      if (expected.length === 0) expect(r.answer).toMatch(/^No hubo clientes nuevos/);
      else expect(shown(r)).toEqual(expected.slice(0, 5));
    }
  });

  it('a period that starts where the data starts says every early buyer shows as new', async () => {
    const [first] = await queryRows(
      server().fx.store.connection,
      'SELECT min(purchase_date)::DATE::VARCHAR AS d FROM transactions',
    );
    const day = String(first!.d);
    const r = await server().ask(
      `new customers in ${['January', 'February', 'March'][Number(day.slice(5, 7)) - 1]}`,
    );
    expect(r.intent).toBe('new_customers');
    expect(r.answer).toContain(`the data starts on ${chatDay(day, 'en')}`);
  });

  it('"more" continues the list of new customers', async () => {
    const sid = 'new-customers-more';
    await server().inSession('top 2 new customers in January', sid);
    const r = await server().inSession('more', sid);
    const { from, to } = month(Number(server().lastDay.slice(0, 4)), 1);
    expect(r.intent).toBe('new_customers');
    expect(shown(r)).toEqual((await newCustomers(from, to)).slice(2, 4));
  });
});
