import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { tableColumn } from './chat-replies.ts';

// "Clientes que compran X todas las semanas" / "customers who buy X every week" got the latest
// buyers (or the likely ones). Regular buyers are those who bought in most of the recent weeks: at
// least 6 of the last 8 (three quarters of a period's weeks), most weeks first, with the rule said.
// Checked here against SQL over seven-day weeks counted back from the period's last day.
const server = useChatServer();

let brand = '';
beforeAll(async () => {
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY count(DISTINCT t.customer_id) DESC, 1 LIMIT 1`,
  );
  brand = String(b!.brand);
});

interface Span {
  readonly from: string;
  readonly to: string;
}
const last8Weeks = (): Span => ({ from: daysAfter(server().lastDay, -55), to: server().lastDay });
const april = (): Span => {
  const y = server().lastDay.slice(0, 4);
  return { from: `${y}-04-01`, to: `${y}-04-30` };
};

/** Customers with a purchase in at least `needed` of the weeks, most weeks, then units, first. */
async function regular({ from, to }: Span, where: string, needed: number, weeks: number) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH w AS (
       SELECT t.customer_id, floor(date_diff('day', t.purchase_date, DATE '${to}') / 7) AS week, sum(t.items) AS units
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}
       GROUP BY 1, 2 HAVING sum(t.items) > 0)
     SELECT customer_id::DOUBLE AS id, count(*)::DOUBLE AS weeks, sum(units) AS units
     FROM w GROUP BY 1 HAVING count(*) >= ${needed} ORDER BY weeks DESC, units DESC, id`,
  );
  return {
    found: rows.length,
    every: rows.filter((r) => Number(r.weeks) === weeks).length,
    ids: rows.slice(0, 5).map((r) => String(r.id)),
  };
}

describe('customers who buy something every week', () => {
  it.each([
    [
      'clientes que compran el 20036 todas las semanas',
      'es',
      'product_buyers',
      't.product_id = 20036',
      last8Weeks,
      8,
    ],
    [
      'customers who buy product 20036 every week',
      'en',
      'product_buyers',
      't.product_id = 20036',
      last8Weeks,
      8,
    ],
    ['¿quién compra la marca {b} cada semana?', 'es', 'top_customers', "p.brand = '{b}'", last8Weeks, 8],
    ['which customers buy brand {b} weekly?', 'en', 'top_customers', "p.brand = '{b}'", last8Weeks, 8],
    ['which customers buy every week?', 'en', 'top_customers', 'true', last8Weeks, 8],
    ['¿qué clientes compran latas semanalmente?', 'es', 'top_customers', "p.package = 'LATA'", last8Weeks, 8],
    ['regular buyers of product 20036 in april', 'en', 'product_buyers', 't.product_id = 20036', april, 5],
    [
      '¿quiénes compran el 20036 semana a semana?',
      'es',
      'product_buyers',
      't.product_id = 20036',
      last8Weeks,
      8,
    ],
    ['clientes fijos de la marca {b}', 'es', 'top_customers', "p.brand = '{b}'", last8Weeks, 8],
  ] as const)(
    '"%s" lists the customers who bought in most weeks',
    async (q, lang, intent, where, span, weeks) => {
      const question = q.replace('{b}', brand);
      const r = await server().ask(question);
      const needed = Math.ceil(weeks * 0.75);
      const expected = await regular(span(), where.replace('{b}', brand), needed, weeks);
      expect(expected.found).toBeGreaterThan(0);
      const d = r.data as { weeks?: number; needed?: number; found?: number; every_week?: number };
      expect({ question, intent: r.intent, lang: r.lang, weeks: d.weeks, needed: d.needed }).toEqual({
        question,
        intent,
        lang,
        weeks,
        needed,
      });
      expect({ found: d.found, every: d.every_week, ids: tableColumn(r, 1) }).toEqual({
        found: expected.found,
        every: expected.every,
        ids: expected.ids,
      });
      // The rule is said: how many of how many weeks.
      expect(r.answer).toContain(
        lang === 'es'
          ? `al menos ${needed} de las ${weeks} semanas`
          : `at least ${needed} of the ${weeks} weeks`,
      );
    },
  );

  it.each([
    ['¿quién compró el 20036?', 'product_buyers'],
    ['¿quién va a comprar el 20036?', 'likely_buyers'],
    ['¿qué clientes compran los lunes?', 'top_customers'],
    ['¿cuál es la canasta habitual del cliente 100026?', 'customer_basket'],
    ['¿qué clientes compran más?', 'top_customers'],
  ] as const)('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, regular: 'every_week' in r.data }).toEqual({ q, intent, regular: false });
  });
});
