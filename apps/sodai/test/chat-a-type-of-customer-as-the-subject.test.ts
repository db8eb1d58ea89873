import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { bestSellingBrand, chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data: "¿qué supermercados compraron la marca 24 en diciembre?" listed brand 24's
// products, and "how many cans did wholesalers buy last month?" counted the wholesalers who bought
// cans. A kind of customer asked for with "qué / which" is who is asked about; a kind of container
// counted with "cuántas / how many" is the units bought.
const server = useChatServer();

const TYPES = {
  restaurantes: 'RESTAURANT',
  restaurants: 'RESTAURANT',
  mayoristas: 'MAYORISTA',
  wholesalers: 'MAYORISTA',
};

const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function sql(query: string) {
  return queryRows(server().fx.store.connection, query);
}

describe('a type of customer asked for with "qué" / "which"', () => {
  it.each([
    ['¿qué restaurantes compraron la marca {brand} en marzo?', 'restaurantes'],
    ['which wholesalers bought brand {brand} in march?', 'wholesalers'],
    ['qué mayoristas llevaron la marca {brand} en marzo', 'mayoristas'],
    ['what restaurants bought {name} in march', 'restaurants'],
  ] as const)('%s lists those customers', async (template, typeWord) => {
    const type = TYPES[typeWord];
    // The brand customers of that type bought most in March 2024 (the fixture's sales run to mid-May).
    const brand = await bestSellingBrand(
      server(),
      `c.customer_type = ${quoted(type)} AND t.purchase_date BETWEEN '2024-03-01' AND '2024-03-31'`,
    );
    const r = await server().ask(
      template.replace('{brand}', brand.replace(/^Brand /, '')).replace('{name}', brand),
    );
    const [top] = await sql(
      `SELECT t.customer_id FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE p.brand = ${quoted(brand)} AND c.customer_type = ${quoted(type)}
         AND t.purchase_date BETWEEN '2024-03-01' AND '2024-03-31'
       GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
    );
    expect({ intent: r.intent, type: r.entities.customer_type, brand: r.entities.brand }).toEqual({
      intent: 'top_customers',
      type,
      brand,
    });
    expect(r.answer).toContain(String(top!.customer_id));
  });

  it.each([['¿qué compraron los restaurantes en marzo?'], ['what did wholesalers buy in march?']])(
    '%s still lists what they bought',
    async (q) => {
      expect((await server().ask(q)).intent).toBe('top_products');
    },
  );
});

describe('containers counted with "cuántas" / "how many"', () => {
  it.each([
    ['how many cans did wholesalers buy in march?', 'wholesalers', 'LATA', 'en'],
    ['¿cuántas latas compraron los mayoristas en marzo?', 'mayoristas', 'LATA', 'es'],
    ['how many bottles did restaurants buy in march', 'restaurants', 'BOTELLA', 'en'],
    ['cuantas botellas se llevaron los restaurantes en marzo', 'restaurantes', 'BOTELLA', 'es'],
  ] as const)('%s gives the units bought', async (q, typeWord, pkg, lang) => {
    const r = await server().ask(q);
    const [sum] = await sql(
      `SELECT sum(t.items)::DOUBLE AS units FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE p.package = ${quoted(pkg)} AND c.customer_type = ${quoted(TYPES[typeWord])}
         AND t.purchase_date BETWEEN '2024-03-01' AND '2024-03-31'`,
    );
    expect({ intent: r.intent, package: r.entities.package }).toEqual({
      intent: 'sales_trend',
      package: pkg,
    });
    expect(r.answer).toContain(chatNumber(Number(sum!.units), lang));
  });

  it.each([['how many wholesalers bought cans in march?'], ['¿cuántos clientes compraron latas en marzo?']])(
    '%s still counts the customers',
    async (q) => {
      expect((await server().ask(q)).intent).toBe('count_customers');
    },
  );
});
