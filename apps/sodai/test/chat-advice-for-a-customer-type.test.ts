import { beforeAll, describe, expect, it } from 'vitest';
import { ChatAssistant } from '../src/chat/assistant.ts';
import { duckDbChatSource } from '../src/chat/data-source.ts';
import type { ChatResponse } from '../src/contract/api.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿qué le vendo a los minimarkets?", "what should I offer restaurants?", "productos recomendados
// para mayoristas" asked for one customer. They list the products the type's customers are most
// likely to buy next week: the served model's probabilities summed over the type's scored customers
// (expected buyers), checked here against /predict for every candidate pair of the type, with the
// type's size from the customer master.
const server = useChatServer();

/** How people name a type in questions, singular stem → plural, es and en (only for writing them). */
const PLURALS: Readonly<Record<string, { es: string; en: string }>> = {
  ABARROTES: { es: 'almacenes', en: 'grocery stores' },
  MAYORISTA: { es: 'mayoristas', en: 'wholesalers' },
  RESTAURANT: { es: 'restaurantes', en: 'restaurants' },
  SUPERMERCADO: { es: 'supermercados', en: 'supermarkets' },
  MINIMARKET: { es: 'minimarkets', en: 'minimarkets' },
};

/** The same types in the singular ("un restaurante nuevo", "a new wholesaler"). */
const SINGULARS: Readonly<Record<string, { es: string; en: string }>> = {
  ABARROTES: { es: 'almacén', en: 'grocery store' },
  MAYORISTA: { es: 'mayorista', en: 'wholesaler' },
  RESTAURANT: { es: 'restaurante', en: 'restaurant' },
  SUPERMERCADO: { es: 'supermercado', en: 'supermarket' },
  MINIMARKET: { es: 'minimarket', en: 'minimarket' },
};

const TEMPLATES = [
  ['¿qué le vendo a los {es}?', 'es'],
  ['what should I offer {en}?', 'en'],
  ['productos recomendados para {es}', 'es'],
  // Not tuned on.
  ['¿qué les puedo ofrecer a los {es} esta semana?', 'es'],
  ['recommendations for {en}', 'en'],
  ['what will {en} buy next week?', 'en'],
  ['¿qué van a comprar los {es} la próxima semana?', 'es'],
  ['any suggestions for {en}?', 'en'],
] as const;

let types: { type: string; customers: number }[] = [];

beforeAll(async () => {
  const rows = await queryRows(
    server().fx.store.connection,
    'SELECT customer_type AS type, count(*)::DOUBLE AS n FROM customers GROUP BY 1 ORDER BY n DESC, 1',
  );
  // The data's own types (whatever they are called), those the questions can name in words.
  types = rows
    .map((r) => ({ type: String(r.type), customers: Number(r.n) }))
    .filter((t) => PLURALS[t.type] !== undefined);
  expect(types.length).toBeGreaterThanOrEqual(2);
});

/** Every candidate pair of the type's customers, scored by /predict, summed per product, best first. */
async function expectedBuyers(type: string) {
  const s = server();
  const pairs = await queryRows(
    s.fx.store.connection,
    `SELECT d.customer_id::DOUBLE AS c, d.product_id::DOUBLE AS p
     FROM prediction_dataset d JOIN customers c USING (customer_id)
     WHERE c.customer_type = '${type}' ORDER BY 1, 2`,
  );
  const byProduct = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += 1000) {
    const batch = pairs
      .slice(i, i + 1000)
      .map((r) => ({ customer_id: Number(r.c), product_id: Number(r.p) }));
    const res = await s.app.inject({ method: 'POST', url: '/predict', payload: { pairs: batch } });
    const predictions = res.json<{ predictions: { product_id: number; probability: number }[] }>()
      .predictions;
    for (const p of predictions)
      byProduct.set(p.product_id, (byProduct.get(p.product_id) ?? 0) + p.probability);
  }
  const customers = new Set(pairs.map((r) => Number(r.c))).size;
  const ranked = [...byProduct].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return { customers, ranked };
}

const shownProducts = (r: ChatResponse) => (r.table?.rows ?? []).map((row) => Number(row[1]));

describe('advice for a type of customer', () => {
  it.each(TEMPLATES)('"%s" ranks what that type will likely buy next week', async (template, lang) => {
    for (const { type, customers } of types.slice(0, 2)) {
      const q = template.replace(`{${lang}}`, PLURALS[type]![lang]);
      const r = await server().ask(q);
      expectAnsweredAs(q, r, 'recommend', lang);
      expect({ q, type: r.entities.customer_type, customer: r.entities.customer_id }).toEqual({
        q,
        type,
        customer: undefined,
      });
      const expected = await expectedBuyers(type);
      expect(expected.ranked.length).toBeGreaterThan(0);
      expect({ q, customers: r.data.customers, scored: r.data.scored_customers }).toEqual({
        q,
        customers,
        scored: expected.customers,
      });
      expect(shownProducts(r)).toEqual(expected.ranked.slice(0, 5).map(([p]) => p));
      const figures = r.data.products as { product: number; expected_buyers: number }[];
      figures.forEach((f, i) => expect(f.expected_buyers).toBeCloseTo(expected.ranked[i]![1], 3));
      // The type's size is said in the answer.
      expect(r.answer).toContain(` ${customers.toLocaleString(lang === 'es' ? 'es-ES' : 'en-US')} `);
    }
  });

  it.each([
    ['recommend something for a new {en}', 'en'],
    ['¿qué le ofrezco a un {es} nuevo?', 'es'],
    ['what should I offer a new {en}?', 'en'],
    ['recomendaciones para un {es} que recién empieza a comprar', 'es'],
  ] as const)(
    '"%s" (a customer with no history yet) gets the advice for its type',
    async (template, lang) => {
      const { type } = types[0]!;
      const q = template.replace(`{${lang}}`, SINGULARS[type]![lang]);
      const r = await server().ask(q);
      expectAnsweredAs(q, r, 'recommend', lang);
      expect({ q, type: r.entities.customer_type, customer: r.entities.customer_id }).toEqual({
        q,
        type,
        customer: undefined,
      });
      expect(shownProducts(r)).toEqual((await expectedBuyers(type)).ranked.slice(0, 5).map(([p]) => p));
    },
  );

  it('new customers asked about are still the new customers, not advice', async () => {
    for (const q of ['¿qué clientes nuevos tuvimos este mes?', 'which restaurants are new this month?']) {
      expect({ q, intent: (await server().ask(q)).intent }).toEqual({ q, intent: 'new_customers' });
    }
  });

  it("a type named by the data's own name is read too", async () => {
    const { type } = types[0]!;
    const r = await server().ask(`¿qué le ofrezco a los clientes ${type.toLowerCase()}?`);
    expect({ intent: r.intent, type: r.entities.customer_type }).toEqual({ intent: 'recommend', type });
    expect(shownProducts(r)).toEqual((await expectedBuyers(type)).ranked.slice(0, 5).map(([p]) => p));
  });

  it('without a served model it says so and ranks what most of the type bought in the last four weeks', async () => {
    const { type, customers } = types[0]!;
    const s = server();
    const assistant = new ChatAssistant({
      data: duckDbChatSource(new DbLane(s.fx.store.connection)),
      serving: { current: () => undefined },
      now: () => new Date(),
    });
    const r = await assistant.ask({ message: `what should I offer ${PLURALS[type]!.en}?`, lang: 'en' });
    expect({ intent: r.intent, from: r.data.from, customers: r.data.customers }).toEqual({
      intent: 'recommend',
      from: 'history',
      customers,
    });
    expect(r.answer).toMatch(/^No model is serving predictions, so this is from purchase history/);
    const expected = await queryRows(
      s.fx.store.connection,
      `SELECT t.product_id::DOUBLE AS p, count(DISTINCT t.customer_id)::DOUBLE AS buyers
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE c.customer_type = '${type}' AND t.purchase_date >= DATE '${s.lastDay}' - 27
       GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY buyers DESC, sum(t.items) DESC, 1 LIMIT 5`,
    );
    expect(r.data.products).toEqual(expected.map((e) => ({ product: e.p, buyers: e.buyers })));
  });

  it('one customer still gets their own advice, and a ranking of past sales stays one', async () => {
    const [top] = await queryRows(
      server().fx.store.connection,
      'SELECT customer_id::DOUBLE AS c FROM prediction_dataset GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
    );
    const one = await server().ask(`¿qué le ofrezco al cliente ${top!.c}?`);
    expect({ intent: one.intent, customer: one.data.customer }).toEqual({
      intent: 'recommend',
      customer: top!.c,
    });
    const past = await server().ask(`top products for ${PLURALS[types[0]!.type]!.en} last month`);
    expect(past.intent).toBe('top_products');
  });
});
