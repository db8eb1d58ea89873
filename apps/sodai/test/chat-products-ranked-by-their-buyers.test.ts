import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "which product has the most buyers?" and "¿qué producto tiene más
// clientes?" gave unknown: no rule ranked products by how many customers bought them. Products,
// brands (and other kinds of product) are now ranked by their distinct buyers in the period named
// (default the last four weeks, as the rankings by units), most or fewest first, checked against SQL.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Ranked {
  readonly product?: number;
  readonly brand?: string;
  readonly buyers: number;
  readonly units: number;
}
interface Answer {
  readonly period: Period;
  readonly grain: string;
  readonly direction: 'most' | 'fewest';
  readonly buyers_in_scope: number;
  readonly products?: readonly Ranked[];
  readonly brands?: readonly Ranked[];
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: Answer;
}

/** Items by distinct customers with a line bought in `p`, as SQL counts them. */
async function expectedRanking(byBrand: boolean, p: Period, fewest: boolean) {
  const item = byBrand ? 'p.brand' : 't.product_id';
  const order = fewest ? 'ASC' : 'DESC';
  return queryRows(
    server().fx.store.connection,
    `SELECT ${item}::VARCHAR AS item, count(DISTINCT t.customer_id) FILTER (WHERE t.items > 0)::DOUBLE AS buyers,
            sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id)
     WHERE t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'
     GROUP BY ${item} HAVING count(DISTINCT t.customer_id) FILTER (WHERE t.items > 0) > 0
     ORDER BY buyers ${order}, units ${order}, ${item} LIMIT 5`,
  );
}

describe('products and brands ranked by how many customers bought them', () => {
  it.each([
    ['which product has the most buyers?', 'en', false, false, undefined],
    ['¿qué producto tiene más clientes?', 'es', false, false, undefined],
    ['which brand has the most customers in march?', 'en', true, false, ['2024-03-01', '2024-03-31']],
    ['¿cuál es la marca que compran más clientes en abril?', 'es', true, false, ['2024-04-01', '2024-04-30']],
    [
      'which products were bought by the fewest customers in april?',
      'en',
      false,
      true,
      ['2024-04-01', '2024-04-30'],
    ],
    ['¿qué marcas tienen menos compradores en febrero?', 'es', true, true, ['2024-02-01', '2024-02-29']],
    ['top brands by number of buyers', 'en', true, false, undefined],
  ] as const)('%s', async (q, lang, byBrand, fewest, named) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('top_products');
    expect(r.data.grain).toBe(byBrand ? 'brand' : 'product');
    expect(r.data.direction).toBe(fewest ? 'fewest' : 'most');
    if (named) expect([r.data.period.from, r.data.period.to]).toEqual(named);
    else expect(r.data.period.to).toBe(server().lastDay);
    const want = await expectedRanking(byBrand, r.data.period, fewest);
    const got = (byBrand ? r.data.brands : r.data.products) ?? [];
    expect(got.map((g) => String(g.brand ?? g.product))).toEqual(want.map((w) => String(w.item)));
    expect(got.map((g) => g.buyers)).toEqual(want.map((w) => Number(w.buyers)));
    // Fractional units (a pack split across lines) add up in another order in SQL.
    got.forEach((g, i) => expect(g.units).toBeCloseTo(Number(want[i]!.units), 6));
    expect(r.answer).toContain(chatNumber(Number(want[0]!.buyers), lang));
    expect(r.answer).toMatch(lang === 'es' ? /con (más|menos) clientes/ : /with the (most|fewest) customers/);
  });

  it.each([
    ['¿qué marca perdió más clientes?', 'movers'],
    ['¿qué clientes compran más productos?', 'top_customers'],
    ['¿qué marca se vende más?', 'top_products'],
  ] as const)('%s is still answered as before', async (q, intent) => {
    const r = await server().ask<Reply>(q);
    expect(r.intent).toBe(intent);
    expect(r.data.buyers_in_scope).toBeUndefined();
  });
});
