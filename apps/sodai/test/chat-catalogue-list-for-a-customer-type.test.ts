import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// The catalogue list ignored a customer type ("and for restaurants?" after "list products in the KEG
// package") yet named it in "based on", as if it had filtered by it; "lista de productos KEG" had no
// answer at all ("lista" was dropped as "listo", ready). The catalogue is the same for every customer,
// so a type now narrows what the list can show per type: the units sold to it (and the products with
// sales to it). The list itself is still the whole catalogue of that kind; "based on" says each thing
// applied and nothing else. Checked against SQL over the same store.
const server = useChatServer();

/** The catalogue's products where `where` holds, most units sold to `type` first (all of them when none). */
async function listed(where: string, type?: string) {
  const sold = type
    ? `(SELECT t.product_id, sum(t.items) AS units FROM transactions t JOIN customers c USING (customer_id)
        WHERE c.customer_type = '${type}' GROUP BY 1)`
    : `(SELECT product_id, sum(items) AS units FROM transactions GROUP BY 1)`;
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT p.product_id::DOUBLE AS id, coalesce(s.units, 0)::DOUBLE AS units, s.product_id IS NOT NULL AS sold
     FROM products p LEFT JOIN ${sold} s USING (product_id) WHERE ${where} ORDER BY units DESC, id`,
  );
  return { ids: rows.map((r) => String(r.id)), sold: rows.filter((r) => r.sold).length };
}

describe('the catalogue list for a customer type', () => {
  it.each([
    ['lista de productos en lata para restaurantes', 'es', "p.package = 'LATA'", 'RESTAURANT'],
    ['list products in cans for restaurants', 'en', "p.package = 'LATA'", 'RESTAURANT'],
    ['¿qué productos hay en botella para minimarkets?', 'es', "p.package = 'BOTELLA'", 'MINIMARKET'],
    ['show me the bottle products for wholesalers', 'en', "p.package = 'BOTELLA'", 'MAYORISTA'],
  ] as const)('"%s" lists the catalogue with the units sold to that type', async (q, lang, where, type) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'count_products', lang);
    const expected = await listed(where, type);
    const d = r.data as { found: number; with_sales: number };
    expect({ q, found: d.found, withSales: d.with_sales, ids: tableColumn(r, 1) }).toEqual({
      q,
      found: expected.ids.length,
      withSales: expected.sold,
      ids: expected.ids.slice(0, 20),
    });
    const to = lang === 'es' ? / vendidas a \S+/ : / sold to \S+/;
    expect({ q, answer: r.answer }).toMatchObject({ q, answer: expect.stringMatching(to) });
    expect(r.based_on).toHaveLength(3);
    expect(r.based_on[2]).toMatch(
      lang === 'es'
        ? /^unidades vendidas a \S+ en todo el historial$/
        : /^units sold to \S+ over the whole history$/,
    );
  });

  it('"and for restaurants?" after a catalogue list narrows its units, and says so only there', async () => {
    const session = 'catalogue-type-1';
    await server().inSession('list products in the KEG package', session);
    const r = await server().inSession('and for restaurants?', session);
    expect({ intent: r.intent, catalogue: 'with_sales' in r.data }).toEqual({
      intent: 'count_products',
      catalogue: true,
    });
    const expected = await listed("p.package = 'KEG'", 'RESTAURANT');
    expect(tableColumn(r, 1)).toEqual(expected.ids.slice(0, 20));
    expect(r.based_on.filter((b) => /restaurant/i.test(b))).toEqual([
      'units sold to restaurants over the whole history',
    ]);
  });

  it.each([
    ['lista de productos en lata', 'es', "p.package = 'LATA'", 'unidades vendidas en todo el historial'],
    ['list products in the KEG package', 'en', "p.package = 'KEG'", 'units sold over the whole history'],
  ] as const)('"%s" (no type) lists every customer\'s units as before', async (q, lang, where, basis) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'count_products', lang);
    expect(tableColumn(r, 1)).toEqual((await listed(where)).ids.slice(0, 20));
    expect(r.based_on.at(-1)).toBe(basis);
  });

  it.each([
    ['listo', 'small_talk'],
    ['listo, gracias', 'small_talk'],
    ['¿qué productos compran los restaurantes?', undefined],
    ['which products do restaurants buy the most?', undefined],
  ] as const)('"%s" is no catalogue list', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, catalogue: 'with_sales' in r.data }).toEqual({ q, catalogue: false });
    if (intent) expect(r.intent).toBe(intent);
  });
});
