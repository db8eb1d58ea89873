import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { brandNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Clientes que compran la marca 24 pero no la 34" was not understood ("la 34" read as a count of
// 34): the offer list of buyers of one product who did not buy another took products only. A brand
// now goes on either side ("but not brand 34", "que no compran la marca 34", "pero no la 34" after a
// brand, a product against a brand). Checked against SQL over the same store and period.
const server = useChatServer();

let a = '';
let b = '';
let product = 0;

/** "Brand 7" is "la marca 7" / "brand 7": the number alone after the word. */

beforeAll(async () => {
  const brands = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 2`,
  );
  a = String(brands[0]!.brand);
  b = String(brands[1]!.brand);
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT t.product_id::DOUBLE AS id FROM transactions t JOIN products p USING (product_id)
     WHERE p.brand = '${a}' GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  product = Number(top!.id);
});

/** Customers who bought (net) what `first` selects in the period and nothing of what `second` does. */
async function expected(first: string, second: string, period: { from: string; to: string }) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH win AS (SELECT t.*, p.brand, p.package FROM transactions t JOIN products p USING (product_id)
                  WHERE t.purchase_date BETWEEN DATE '${period.from}' AND DATE '${period.to}'),
          x AS (SELECT customer_id FROM win WHERE ${first} GROUP BY 1 HAVING sum(items) > 0),
          y AS (SELECT DISTINCT customer_id FROM win WHERE ${second} AND items > 0)
     SELECT customer_id::DOUBLE AS id FROM x WHERE customer_id NOT IN (SELECT customer_id FROM y)`,
  );
  return rows.length;
}

const fill = (q: string) =>
  q
    .replace('{a}', a)
    .replace('{b}', b)
    .replace('{na}', brandNumber(a))
    .replace('{nb}', brandNumber(b))
    .replace('{p}', String(product));

interface ButNot {
  readonly found?: number;
  readonly brand?: string;
  readonly product?: number;
  readonly excluded?: string | number;
  readonly period?: { from: string; to: string };
}

describe('buyers of a brand who did not buy another', () => {
  it.each([
    ['clientes que compran la marca {na} pero no la {nb}', 'es'],
    ['customers who buy brand {na} but not brand {nb}', 'en'],
    ['clientes de la marca {na} que no compran la marca {nb}', 'es'],
    ['quienes compran la marca {na} pero nunca la {nb}', 'es'],
    ['who buys {a} but never bought {b}?', 'en'],
    ['clientes que compran la marca {na} excepto los que compran la {nb}', 'es'],
    ['who buys brand {na} without buying brand {nb}', 'en'],
  ] as const)('%s', async (q, lang) => {
    const asked = fill(q);
    const r: ChatResponse = await server().ask(asked);
    expectAnsweredAs(asked, r, 'product_buyers', lang);
    const d = r.data as ButNot;
    expect({ asked, brand: d.brand, excluded: d.excluded }).toEqual({ asked, brand: a, excluded: b });
    const want = await expected(`brand = '${a}'`, `brand = '${b}'`, d.period!);
    expect({ asked, found: d.found }).toEqual({ asked, found: want });
    expect(r.answer).toContain(lang === 'es' ? `no compraron la marca ${b}` : `did not buy brand ${b}`);
  });

  it('a product against a brand', async () => {
    const asked = fill('clientes que compran el {p} pero no la marca {nb}');
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, 'product_buyers', 'es');
    const d = r.data as ButNot;
    expect({ product: d.product, excluded: d.excluded }).toEqual({ product, excluded: b });
    expect(d.found).toBe(await expected(`product_id = ${product}`, `brand = '${b}'`, d.period!));
  });

  // "Clientes que compran latas pero no botellas" listed the buyers of bottles, the kind left out.
  it.each([
    ['clientes que compran latas pero no botellas', 'es'],
    ['customers who buy cans but not bottles', 'en'],
    ['restaurantes que compran latas pero no botellas', 'es'],
  ] as const)('a kind against another: %s', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'product_buyers', lang);
    const d = r.data as ButNot & { package?: string };
    expect({ q, bought: d.package, excluded: d.excluded }).toEqual({
      q,
      bought: 'LATA',
      excluded: 'BOTELLA',
    });
    const restaurants = q.startsWith('restaurantes');
    const want = restaurants
      ? await expected(
          `package = 'LATA' AND customer_id IN (SELECT customer_id FROM customers WHERE customer_type = 'RESTAURANT')`,
          `package = 'BOTELLA'`,
          d.period!,
        )
      : await expected(`package = 'LATA'`, `package = 'BOTELLA'`, d.period!);
    expect({ q, found: d.found }).toEqual({ q, found: want });
    expect(r.answer).toContain(lang === 'es' ? 'no compraron botellas' : 'did not buy bottles');
  });

  // "1 de los 1 cliente que compraron …": when every buyer of the first product left out the second,
  // the count read as a fraction of itself. One buyer is "the only customer" (several, "none of the 5
  // customers …": the fixture has no such week to check it on).
  it.each([
    [1, 'es', 'la semana pasada', 'El único cliente (restaurantes) que compró', 'de los 1'],
    [1, 'en', 'last week', 'The only customer (restaurants) who bought', 'of the 1'],
  ] as const)(
    'every one of %i buyers left the other product out (%s)',
    async (n, lang, week, lead, never) => {
      // Restaurants over a short period: over the default twelve weeks every product has many buyers.
      const probe = await server().ask(fill(`clientes que compran el {p} pero no la marca {nb} ${week}`));
      const { from, to } = (probe.data as ButNot).period!;
      // A product with exactly n restaurants among its buyers in the period, and one none of them bought.
      const [pair] = await queryRows(
        server().fx.store.connection,
        `WITH win AS (SELECT * FROM transactions WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}'),
            buyers AS (SELECT product_id, customer_id FROM win
                       WHERE customer_id IN (SELECT customer_id FROM customers WHERE customer_type = 'RESTAURANT')
                       GROUP BY 1, 2 HAVING sum(items) > 0),
            few AS (SELECT product_id FROM buyers GROUP BY 1 HAVING count(*) = ${n})
       SELECT f.product_id::DOUBLE AS a, o.product_id::DOUBLE AS b
       FROM few f, (SELECT DISTINCT product_id FROM win WHERE items > 0) o
       WHERE o.product_id <> f.product_id
         AND NOT EXISTS (SELECT 1 FROM win w JOIN buyers x ON x.customer_id = w.customer_id
                         WHERE x.product_id = f.product_id AND w.product_id = o.product_id AND w.items > 0)
       ORDER BY 1, 2 LIMIT 1`,
      );
      expect(pair, `a product with ${n} buyer(s) from ${from} to ${to}`).toBeDefined();
      const asked =
        lang === 'es'
          ? `restaurantes que compran el producto ${pair!.a} pero no el producto ${pair!.b} ${week}`
          : `restaurants who bought product ${pair!.a} but not product ${pair!.b} ${week}`;
      const r = await server().ask(asked);
      expectAnsweredAs(asked, r, 'product_buyers', lang);
      const d = r.data as ButNot & { buyers?: number };
      expect({ asked, found: d.found, buyers: d.buyers }).toEqual({ asked, found: n, buyers: n });
      expect(r.answer).toContain(lead);
      expect(r.answer).not.toContain(never);
    },
  );

  it('"clientes que no compran hace un mes" stays the lapsed customers', async () => {
    expect((await server().ask('clientes que no compran hace un mes')).intent).toBe('lapsed_customers');
  });
});
