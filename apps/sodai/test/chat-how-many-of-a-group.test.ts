import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "¿Cuántos clientes compran poco?" and "how many products are growing?" listed the customers or
// products instead of saying how many: a "how many" question about a group of customers, products
// or brands now answers with the count first (then the list), checked against SQL over the store.
const server = useChatServer();
const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/**
 * Of the customers (or products) that bought (sold) in the 4 weeks to the last day or the 12 weeks
 * before, how many moved under half the median net units in those 4 weeks, and how many there are.
 */
async function littleOf(grain: 'customer_id' | 'product_id', where = 'TRUE') {
  const last = server().lastDay;
  const from = daysAfter(last, -27);
  const [r] = await sql(
    `WITH ranked AS (
       SELECT t.${grain}, coalesce(sum(t.items) FILTER (WHERE t.purchase_date >= DATE '${from}'), 0) AS units
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE ${where} AND t.purchase_date >= DATE '${from}' - 84 AND t.purchase_date <= DATE '${last}'
       GROUP BY 1 HAVING max(t.items) > 0)
     SELECT count(*) FILTER (WHERE units < (SELECT median(units) FROM ranked) / 2)::DOUBLE AS little,
            count(*)::DOUBLE AS ranked
     FROM ranked`,
  );
  return { little: Number(r!.little), ranked: Number(r!.ranked) };
}

/** How many products sold more (or less) in the last 4 weeks than in the 4 before, with ≥ 10 units in one. */
async function moversCount(direction: 'up' | 'down') {
  const last = server().lastDay;
  const from = daysAfter(last, -27);
  const before = daysAfter(last, -55);
  const [r] = await sql(
    `SELECT count(*)::DOUBLE AS n FROM (
       SELECT product_id,
              coalesce(sum(items) FILTER (WHERE purchase_date >= DATE '${from}'), 0) AS now,
              coalesce(sum(items) FILTER (WHERE purchase_date < DATE '${from}'), 0) AS before
       FROM transactions WHERE purchase_date >= DATE '${before}' AND purchase_date <= DATE '${last}'
       GROUP BY 1)
     WHERE greatest(now, before) >= 10 AND now ${direction === 'up' ? '>' : '<'} before`,
  );
  return Number(r!.n);
}

describe('a "how many" question about a group answers with the number first', () => {
  it.each([
    ['¿cuántos clientes compran poco?', 'es'],
    ['how many customers buy little?', 'en'],
    ['cuantos clientes compran muy poco', 'es'],
    ['number of customers buying little', 'en'],
  ] as const)('"%s" says how many customers bought little, of how many', async (q, lang) => {
    const { little, ranked } = await littleOf('customer_id');
    const r = await ask(q);
    expect(r.intent).toBe('small_customers');
    expect(r.answer.startsWith(`${chatNumber(little, lang)} `)).toBe(true);
    expect(r.answer).toContain(chatNumber(ranked, lang));
    // The list still follows.
    expect(r.table?.rows.length).toBeGreaterThan(0);
  });

  it('"¿cuántos restaurantes compran poco?" counts among restaurants only', async () => {
    const { little, ranked } = await littleOf('customer_id', "c.customer_type = 'RESTAURANT'");
    const r = await ask('¿cuántos restaurantes compran poco?');
    expect(r.answer).toMatch(new RegExp(`^${little} de ${ranked} clientes? `));
  });

  it.each([
    ['¿cuántos productos se venden poco?', 'es'],
    ['how many products are slow movers?', 'en'],
  ] as const)('"%s" says how many products sold little', async (q, lang) => {
    const { little, ranked } = await littleOf('product_id');
    const r = await ask(q);
    expect(r.intent).toBe('slow_movers');
    expect(r.answer.startsWith(`${chatNumber(little, lang)} `)).toBe(true);
    expect(r.answer).toContain(chatNumber(ranked, lang));
  });

  it.each([
    ['¿cuántos productos están creciendo?', 'up', 'es'],
    ['how many products are growing?', 'up', 'en'],
    ['cuantos productos bajaron', 'down', 'es'],
  ] as const)('"%s" says how many products rose or fell', async (q, direction, lang) => {
    const n = await moversCount(direction);
    const r = await ask(q);
    expect(r.intent).toBe('movers');
    expect(r.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
  });

  it.each([
    ['¿qué clientes compran poco?', 'small_customers'],
    ['¿qué productos están creciendo?', 'movers'],
  ])('"%s" (which, not how many) still opens with the list', async (q, intent) => {
    const r = await ask(q);
    expect(r.intent).toBe(intent);
    expect(r.answer).toMatch(/^Los (?:clientes|productos) que (?:más|menos) /);
  });

  it.each([
    ['productos en caída', 'down'],
    ['marcas en alza', 'up'],
  ] as const)('"%s" ranks the items by their change', async (q, direction) => {
    const r = await ask(q);
    expect(r.intent).toBe('movers');
    expect(r.entities.direction ?? 'up').toBe(direction);
  });
});
