import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Qué productos nunca se vendieron?" got the total weekly trend and "which products have never
// sold?" the slowest of the last four weeks. Both now get the catalogue's products with no sale
// in all the data (of the brand or package named): how many of how many, and the first by id,
// which "more" pages through. Checked against SQL over the same store.
const server = useChatServer();

let brand = '';

interface NeverSold {
  readonly catalogue?: number;
  readonly never_sold?: number;
  readonly products?: readonly number[];
}

/** Products within `where` (over `products p`) never in a sale: how many of how many, the first `k` from `offset`. */
async function neverSold(where = 'TRUE', k = 5, offset = 0) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT p.product_id::DOUBLE AS id, p.product_id NOT IN (SELECT product_id FROM transactions) AS never
     FROM products p WHERE ${where} ORDER BY 1`,
  );
  const never = rows.filter((r) => r.never === true).map((r) => Number(r.id));
  return { catalogue: rows.length, never_sold: never.length, products: never.slice(offset, offset + k) };
}

beforeAll(async () => {
  // A brand with products both sold and never sold, when the data has one.
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM products p
     GROUP BY 1 ORDER BY count(*) FILTER (WHERE p.product_id NOT IN (SELECT product_id FROM transactions)) DESC, 1 LIMIT 1`,
  );
  brand = String(b!.brand);
});

describe('the products that never sold', () => {
  it.each([
    ['¿qué productos nunca se vendieron?', 'es'],
    ['which products have never sold?', 'en'],
    // Not tuned on.
    ['cuantos productos no se vendieron nunca', 'es'],
    ['products that never sold a single unit', 'en'],
    ['articulos q jamas se vendieron', 'es'],
  ] as const)('"%s"', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'slow_movers', lang);
    const d = r.data as NeverSold;
    const expected = await neverSold();
    expect({ q, catalogue: d.catalogue, never_sold: d.never_sold, products: d.products }).toEqual({
      q,
      ...expected,
    });
    expect(r.answer).toMatch(
      lang === 'es'
        ? new RegExp(
            `^${expected.never_sold} de los ${expected.catalogue} productos del catálogo nunca se vendi`,
          )
        : new RegExp(
            `^${expected.never_sold} of the ${expected.catalogue} products in the catalogue never sold`,
          ),
    );
  });

  it('of a brand named: its products only', async () => {
    const q = `productos de la ${brand.toLowerCase()} que nunca se vendieron`;
    const r = await server().ask(q);
    const d = r.data as NeverSold;
    expect({ catalogue: d.catalogue, never_sold: d.never_sold, products: d.products }).toEqual(
      await neverSold(`p.brand = '${brand}'`),
    );
  });

  it('"más" pages on through them', async () => {
    const session = 'never-sold-more';
    await server().inSession('que productos nunca se vendieron', session);
    const r = await server().inSession('más', session);
    expect((r.data as NeverSold).products).toEqual((await neverSold('TRUE', 5, 5)).products);
  });
});

describe('guards: the slowest of a period and customers who never bought keep their answers', () => {
  it('"productos que menos se venden" ranks the slowest of the last weeks', async () => {
    const r = await server().ask('productos que menos se venden');
    expect({ intent: r.intent, never: (r.data as NeverSold).never_sold }).toEqual({
      intent: 'slow_movers',
      never: undefined,
    });
  });

  it('"clientes que nunca compraron" counts customers', async () => {
    expect((await server().ask('clientes que nunca compraron')).intent).toBe('count_customers');
  });
});
