import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Qué no compra el cliente 176403 que otros restaurantes sí?" got the customer's history. Asking
// what a customer does not buy that others do ("que otros … sí", "que los demás sí compran", "that
// other restaurants do", "his peers") now lists the products he never bought that his peers bought
// in the last twelve weeks: the customers of the type named, else of his own type. Checked against
// SQL over the same store.
const server = useChatServer();

let customer = 0;

/** The products customers of `type` (other than `id`) bought in the last 12 weeks and `id` never did. */
async function newTo(id: number, type: string): Promise<number[]> {
  const last = server().lastDay;
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH peers AS (SELECT customer_id FROM customers WHERE customer_id <> ${id} AND customer_type = '${type}'),
          theirs AS (SELECT product_id, count(DISTINCT customer_id) AS buyers, sum(items) AS units
                     FROM transactions JOIN peers USING (customer_id)
                     WHERE purchase_date BETWEEN DATE '${daysAfter(last, -83)}' AND DATE '${last}'
                     GROUP BY 1 HAVING sum(items) > 0)
     SELECT product_id::DOUBLE AS id FROM theirs
     WHERE product_id NOT IN (SELECT product_id FROM transactions WHERE customer_id = ${id} AND items > 0)
     ORDER BY buyers DESC, units DESC, id LIMIT 5`,
  );
  return rows.map((r) => Number(r.id));
}

/** The customer's own type, from the customers table. */
async function typeOf(id: number): Promise<string> {
  const [row] = await queryRows(
    server().fx.store.connection,
    `SELECT customer_type AS t FROM customers WHERE customer_id = ${id}`,
  );
  return String(row!.t);
}

beforeAll(async () => {
  // A busy customer with products left to discover next to his own type, restaurants and wholesalers.
  const rows = await queryRows(
    server().fx.store.connection,
    'SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 200',
  );
  for (const r of rows) {
    const id = Number(r.id);
    const found = await Promise.all(
      [await typeOf(id), 'RESTAURANT', 'MAYORISTA'].map(async (type) => (await newTo(id, type)).length),
    );
    if (found.every((n) => n > 0)) {
      customer = id;
      break;
    }
  }
});

const ask = (q: string) => {
  expect(customer).toBeGreaterThan(0);
  return server().ask(q.replace('{c}', String(customer)));
};

describe('products his peers buy and a customer does not', () => {
  it.each([
    ['¿qué no compra el cliente {c} que otros restaurantes sí?', 'es', 'RESTAURANT'],
    ['q no pide el {c} q otros mayoristas si piden', 'es', 'MAYORISTA'],
    ['que productos no lleva el {c} que los demas clientes si llevan', 'es', undefined],
    ['what does {c} not buy that other restaurants do', 'en', 'RESTAURANT'],
    ['which products does customer {c} not order that his peers buy', 'en', undefined],
    ['what doesnt {c} buy that other customers do', 'en', undefined],
  ] as const)('%s', async (q, lang, named) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'recommend', lang);
    const peers = named ?? (await typeOf(customer));
    const expected = await newTo(customer, peers);
    expect(expected.length).toBeGreaterThan(0);
    expect({
      q,
      peers: (r.data as { customer_type?: string }).customer_type,
      products: ((r.data as { products?: { product: number }[] }).products ?? []).map((p) => p.product),
    }).toEqual({ q, peers, products: expected });
  });
});

describe('guards: what he skipped, what others buy, the usual offer', () => {
  it.each([
    ['que no compro el {c} la semana pasada', 'customer_history'],
    ['que compran otros restaurantes', 'top_products'],
    ['¿qué le ofrezco al {c}?', 'recommend'],
    ['what did customer {c} not buy this week?', 'customer_history'],
  ] as const)('%s', async (q, intent) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, newTo: 'peers_buying' in (r.data ?? {}) }).toEqual({
      q,
      intent,
      newTo: false,
    });
  });
});
