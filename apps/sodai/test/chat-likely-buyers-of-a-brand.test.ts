import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import type { ChatResponse } from '../src/contract/api.ts';

// "¿quién va a comprar productos de la marca X la próxima semana?" asked which product ("¿De qué
// producto?"): the prediction took one product. It now aggregates over the brand's (or package's)
// products: each customer's chance to buy at least one, 1 − ∏(1 − p), from the served model's
// probabilities, checked here against /predict over every candidate pair of the kind.
const server = useChatServer();
let brand: string;

beforeAll(async () => {
  // The brand with most candidate pairs, so several customers have a chance to buy it.
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand FROM prediction_dataset d JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  brand = String(b!.brand);
});

/** Every customer's chance to buy some product of the kind, from /predict, likeliest first. */
async function chances(where: string) {
  const s = server();
  const pairs = await queryRows(
    s.fx.store.connection,
    `SELECT d.customer_id::DOUBLE AS c, d.product_id::DOUBLE AS p
     FROM prediction_dataset d JOIN products p USING (product_id) WHERE ${where} ORDER BY 1, 2`,
  );
  const none = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += 1000) {
    const batch = pairs
      .slice(i, i + 1000)
      .map((r) => ({ customer_id: Number(r.c), product_id: Number(r.p) }));
    const res = await s.app.inject({ method: 'POST', url: '/predict', payload: { pairs: batch } });
    for (const p of res.json<{ predictions: { customer_id: number; probability: number }[] }>().predictions)
      none.set(p.customer_id, (none.get(p.customer_id) ?? 1) * (1 - p.probability));
  }
  return [...none]
    .map(([customer, n]) => ({ customer, probability: 1 - n }))
    .sort((a, b) => b.probability - a.probability || a.customer - b.customer);
}

const expectBuyers = (
  data: Record<string, unknown>,
  expected: { customer: number; probability: number }[],
) => {
  const buyers = data.buyers as { customer: number; probability: number }[];
  expect(buyers.map((b) => b.customer)).toEqual(expected.slice(0, 5).map((e) => e.customer));
  buyers.forEach((b, i) => expect(b.probability).toBeCloseTo(expected[i]!.probability, 4));
  expect(data.scored_customers).toBe(expected.length);
};

describe('likely buyers of a brand or a kind of product', () => {
  it.each([
    ['¿quién va a comprar productos de la marca {b} la próxima semana?', 'es'],
    ['who will buy {b} next week?', 'en'],
    // Not tuned on.
    ['¿qué clientes comprarán {b} la semana que viene?', 'es'],
    ['which customers are likely to buy brand {b}?', 'en'],
    ['¿a quién le vendo la marca {b}?', 'es'],
  ] as const)('"%s" ranks customers by their chance to buy any of its products', async (template, lang) => {
    const q = template.replace('{b}', brand);
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'likely_buyers', lang);
    expect({ q, brand: r.entities.brand, product: r.entities.product_id }).toEqual({
      q,
      brand,
      product: undefined,
    });
    const expected = await chances(`p.brand = '${brand}'`);
    expect(expected.length).toBeGreaterThan(0);
    expectBuyers(r.data, expected);
    expect(r.answer).toContain(String(expected[0]!.customer));
  });

  it.each([
    ['¿qué clientes van a comprar latas la próxima semana?', 'es'],
    ['who is likely to buy cans next week?', 'en'],
  ] as const)('"%s" does the same for a package', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'likely_buyers', lang);
    expectBuyers(r.data, await chances(`p.package = 'LATA'`));
  });

  it.each([
    [
      'es',
      'compara el producto {p} y el {q}',
      '¿quién va a comprar productos de la marca {b} la próxima semana?',
    ],
    ['en', '¿quién comprará el producto {p}?', 'and who will buy brand {b} next week?'],
  ] as const)(
    'a brand named after a product question is the brand, not the product remembered (%s)',
    async (_lang, first, then) => {
      const [a, b] = await queryRows(
        server().fx.store.connection,
        'SELECT product_id::DOUBLE AS p FROM prediction_dataset GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2',
      );
      const session = `kind-after-product-${_lang}`;
      await server().inSession(first.replace('{p}', String(a!.p)).replace('{q}', String(b!.p)), session);
      const r = await server().inSession<ChatResponse>(then.replace('{b}', brand), session);
      expect({ intent: r.intent, brand: r.entities.brand, product: r.entities.product_id }).toEqual({
        intent: 'likely_buyers',
        brand,
        product: undefined,
      });
      expectBuyers(r.data, await chances(`p.brand = '${brand}'`));
    },
  );

  it('one product still gets its own buyers', async () => {
    const [p] = await queryRows(
      server().fx.store.connection,
      'SELECT product_id::DOUBLE AS p FROM prediction_dataset GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
    );
    const r = await server().ask(`¿quién va a comprar el producto ${p!.p} la próxima semana?`);
    expect({ intent: r.intent, product: r.data.product }).toEqual({ intent: 'likely_buyers', product: p!.p });
  });
});
