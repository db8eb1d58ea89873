import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "which brand lost the most customers?" listed the lapsed customers and
// "¿qué marca perdió más clientes?" the customers who bought less: neither ranked brands. Brands
// (or products, packages …) are now ranked by the change in their distinct buyers (a line bought)
// between the period (default the last 4 weeks) and the one before, those that lost (or gained)
// most first, checked against SQL over the same store. "¿Qué clientes perdimos?" stays the lapsed.
const server = useChatServer();

type Answer = {
  readonly period: { readonly from: string; readonly to: string };
  readonly compare_to: { readonly from: string; readonly to: string };
  readonly moved: number;
  readonly values: readonly {
    readonly value: string | number;
    readonly buyers_now: number;
    readonly buyers_before: number;
  }[];
};

async function ranked(d: Answer, column: string, down: boolean, where: string) {
  const within = (p: { from: string; to: string }) =>
    `t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'`;
  return queryRows(
    server().fx.store.connection,
    `WITH per AS (
       SELECT ${column} AS value,
              count(DISTINCT t.customer_id) FILTER (WHERE ${within(d.period)})::DOUBLE AS now,
              count(DISTINCT t.customer_id) FILTER (WHERE ${within(d.compare_to)})::DOUBLE AS before
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.items > 0 AND ${where} GROUP BY 1)
     SELECT * FROM per WHERE now ${down ? '<' : '>'} before
     ORDER BY now - before ${down ? 'ASC' : 'DESC'}, value`,
  );
}

describe('brands ranked by the customers they lost or gained', () => {
  it.each([
    ['which brand lost the most customers?', 'en', 'p.brand', true, 'TRUE', 'lost customers'],
    ['¿qué marca perdió más clientes?', 'es', 'p.brand', true, 'TRUE', 'perdieron clientes'],
    ['la marca que más clientes perdió en abril', 'es', 'p.brand', true, 'TRUE', 'perdieron clientes'],
    ['which brands gained the most buyers last month?', 'en', 'p.brand', false, 'TRUE', 'gained customers'],
    [
      '¿qué productos perdieron más clientes restaurantes?',
      'es',
      't.product_id::DOUBLE',
      true,
      "c.customer_type = 'RESTAURANT'",
      'perdieron clientes',
    ],
    ['¿qué envase ganó más clientes en marzo?', 'es', 'p.package', false, 'TRUE', 'ganaron clientes'],
  ] as const)('%s', async (q, lang, column, down, where, words) => {
    const r = await server().ask(q, lang);
    expect({ q, intent: r.intent, direction: r.entities.direction }).toEqual({
      q,
      intent: 'movers',
      direction: down ? 'down' : 'up',
    });
    const d = r.data as Answer;
    expect(d.values).toBeDefined();
    const want = await ranked(d, column, down, where);
    expect(d.moved).toBe(want.length);
    expect(d.values.map((v) => [String(v.value), v.buyers_before, v.buyers_now])).toEqual(
      want.slice(0, 5).map((w) => [String(w.value), Number(w.before), Number(w.now)]),
    );
    // None that moved that way is said as such (the packages are few); the brands always move.
    if (want.length === 0) expect(r.answer).toMatch(lang === 'es' ? /^No hay / : /^No /);
    else expect(r.answer).toContain(words);
    if (column === 'p.brand') expect(want.length).toBeGreaterThan(0);
  });

  it('the customers lost are still the lapsed ones', async () => {
    expect((await server().ask('¿qué clientes perdimos?', 'es')).intent).toBe('lapsed_customers');
  });
});
