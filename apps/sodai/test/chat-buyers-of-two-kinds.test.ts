import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos clientes compran latas y botellas?" counted the buyers of bottles
// alone (1483): the first kind named was dropped in silence. Two kinds of product named together in
// a question about customers are now the customers who bought both (or either, "latas o botellas"),
// each kind alone, and those who bought the most of them; checked against SQL.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly values?: readonly string[];
    readonly either?: boolean;
    readonly both?: number;
    readonly only_first?: number;
    readonly only_second?: number;
    readonly customers?: readonly { readonly customer: number }[];
  };
}

/** Customers with a line of units of each package, over the whole history or one month, as SQL counts them. */
async function expected(
  first: string,
  second: string,
  from = '1900-01-01',
  to = '2999-12-31',
  type?: string,
) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `WITH k AS (
       SELECT t.customer_id, bool_or(p.package = '${first}' AND t.items > 0) AS a, bool_or(p.package = '${second}' AND t.items > 0) AS b
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' ${type ? `AND c.customer_type = '${type}'` : ''}
       GROUP BY 1)
     SELECT count(*) FILTER (WHERE a AND b)::DOUBLE AS both, count(*) FILTER (WHERE a AND NOT b)::DOUBLE AS only_a,
            count(*) FILTER (WHERE b AND NOT a)::DOUBLE AS only_b FROM k`,
  );
  return { both: Number(r!.both), onlyA: Number(r!.only_a), onlyB: Number(r!.only_b) };
}

describe('customers of two kinds of product', () => {
  it.each([
    ['¿cuántos clientes compran latas y botellas?', 'es', ['LATA', 'BOTELLA'], false, undefined, undefined],
    ['how many customers buy both bottles and cans?', 'en', ['BOTELLA', 'LATA'], false, undefined, undefined],
    [
      '¿cuántos clientes compraron latas o botellas en abril?',
      'es',
      ['LATA', 'BOTELLA'],
      true,
      ['2024-04-01', '2024-04-30'],
      undefined,
    ],
    [
      '¿qué restaurantes compran botellas y latas?',
      'es',
      ['BOTELLA', 'LATA'],
      false,
      undefined,
      'RESTAURANT',
    ],
  ] as const)('%s', async (q, lang, values, either, period, type) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('count_customers');
    expect(r.data.values).toEqual(values);
    expect(r.data.either).toBe(either);
    const want = await expected(values[0], values[1], period?.[0], period?.[1], type);
    expect([r.data.both, r.data.only_first, r.data.only_second]).toEqual([want.both, want.onlyA, want.onlyB]);
    expect(want.both + want.onlyA + want.onlyB).toBeGreaterThan(0);
    const lead = either ? want.both + want.onlyA + want.onlyB : want.both;
    expect(r.answer.startsWith(`${chatNumber(lead, lang)} `)).toBe(true);
    expect(r.data.customers!.length).toBeGreaterThan(0);
  });

  it.each([
    ['¿qué clientes compran latas pero no botellas?', 'product_buyers'],
    ['ventas de latas y botellas', 'top_products'],
    ['¿cuántos clientes compran latas?', 'count_customers'],
  ] as const)('%s is answered as before', async (q, intent) => {
    const r = await server().ask<Reply>(q, 'es');
    expect(r.intent).toBe(intent);
    expect(r.data.both).toBeUndefined();
  });
});
