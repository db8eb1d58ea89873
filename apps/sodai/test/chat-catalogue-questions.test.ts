import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "List products in the KEG package", "¿qué productos vienen en lata de 0,25?" had no answer, and
// "what sizes does brand 34 sell?" got the brand's weekly sales. Questions about the catalogue now
// list its products of that kind (how many first, each with its units ever sold) or the values of
// the attribute asked, from the product table, checked here against SQL over the same store.
const server = useChatServer();

let brand = '';
beforeAll(async () => {
  // A brand with more than one size, so the sizes are a list.
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT brand FROM products GROUP BY 1 HAVING count(DISTINCT size) > 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  brand = String(b!.brand);
});

/** Products where `where` holds, most units ever sold first, and how many, computed here. */
async function catalogue(where: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT p.product_id::DOUBLE AS id, coalesce(sum(t.items), 0)::DOUBLE AS units
     FROM products p LEFT JOIN transactions t USING (product_id) WHERE ${where}
     GROUP BY 1 ORDER BY units DESC, id`,
  );
  return rows.map((r) => Number(r.id));
}

describe('questions about the catalogue', () => {
  it.each([
    ['list products in the KEG package', 'en', "p.package = 'KEG'"],
    ['¿qué productos vienen en lata de 0,25?', 'es', "p.package = 'LATA' AND abs(p.size - 0.25) < 0.0005"],
    ['show me the products in cans', 'en', "p.package = 'LATA'"],
    ['¿qué productos hay en botella?', 'es', "p.package = 'BOTELLA'"],
    ['which products does brand {b} have?', 'en', "p.brand = '{b}'"],
    ['¿cuáles son los productos de la marca {b}?', 'es', "p.brand = '{b}'"],
  ] as const)('"%s" lists the catalogue\'s products of that kind', async (q, lang, where) => {
    const question = q.replace('{b}', brand);
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'count_products', lang);
    const expected = await catalogue(where.replace('{b}', brand));
    expect(expected.length).toBeGreaterThan(0);
    expect((r.data as { found: number }).found).toBe(expected.length);
    expect(tableColumn(r, 1)).toEqual(expected.slice(0, 20).map(String));
    expect(r.answer).toContain(chatNumber(expected.length, lang));
  });

  it.each([
    ['what sizes does brand {b} sell?', 'en', 'size'],
    ['¿qué tamaños tiene la marca {b}?', 'es', 'size'],
    ['¿en qué envases viene la marca {b}?', 'es', 'package'],
    ['which packages does brand {b} come in?', 'en', 'package'],
  ] as const)('"%s" lists the values of that attribute', async (q, lang, column) => {
    const question = q.replace('{b}', brand);
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'count_products', lang);
    const rows = await queryRows(
      server().fx.store.connection,
      `SELECT DISTINCT ${column} AS v FROM products WHERE brand = '${brand}' ORDER BY 1`,
    );
    const values = (r.data as { values: { value: unknown }[] }).values.map((v) => Number(v.value) || v.value);
    expect([...values].sort()).toEqual(rows.map((x) => Number(x.v) || x.v).sort());
  });

  it('"¿cuántos productos distintos vendemos?" counts the catalogue and those sold', async () => {
    const r = await server().ask('¿cuántos productos distintos vendemos?');
    const [c] = await queryRows(
      server().fx.store.connection,
      `SELECT (SELECT count(*) FROM products)::DOUBLE AS n, (SELECT count(DISTINCT product_id) FROM transactions)::DOUBLE AS s`,
    );
    expect(r.intent).toBe('count_products');
    expect(r.data).toMatchObject({ registered: Number(c!.n), sold: Number(c!.s) });
  });

  it.each([
    ['¿qué productos de la marca {b} se venden más?', 'top_products'],
    ['¿qué lata se vende más?', 'top_products'],
    ['¿qué productos vendimos en lata la semana pasada?', 'top_products'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q.replace('{b}', brand));
    expect({ q, intent: r.intent, listed: 'found' in r.data || 'values' in r.data }).toEqual({
      q,
      intent,
      listed: false,
    });
  });
});
