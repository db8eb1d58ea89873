import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuáles son los mejores clientes de latas y botellas?" ranked the buyers of
// bottles alone: of two kinds of product named in a ranking, the first was dropped in silence. A
// ranking of customers or products over two kinds now counts both (a filter "package IN (…)", said
// "latas y botellas"); checked against SQL.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly table?: { readonly rows: readonly (readonly string[])[] };
}

describe('a ranking over two kinds of product', () => {
  it.each([
    [
      '¿cuáles son los mejores clientes de latas y botellas?',
      'es',
      'top_customers',
      'customer_id',
      "'LATA', 'BOTELLA'",
    ],
    ['top products in bottles or cans', 'en', 'top_products', 'product_id', "'BOTELLA', 'LATA'"],
  ] as const)('%s', async (q, lang, intent, item, packages) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe(intent);
    const from = daysAfter(server().lastDay, -27);
    const want = await queryRows(
      server().fx.store.connection,
      `SELECT t.${item}::DOUBLE AS id FROM transactions t JOIN products p USING (product_id)
       WHERE p.package IN (${packages}) AND t.purchase_date BETWEEN DATE '${from}' AND DATE '${server().lastDay}'
       GROUP BY t.${item} HAVING sum(t.items) > 0 ORDER BY sum(t.items) DESC, t.${item} LIMIT 5`,
    );
    expect(want.length).toBeGreaterThan(0);
    // The first column is the rank; the second the customer or product.
    expect(r.table!.rows.map((row) => row[1])).toEqual(want.map((w) => String(Number(w.id))));
    expect(r.answer).toMatch(lang === 'es' ? /\(latas y botellas\)/ : /\(bottles and cans\)/);
  });
});
