import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "ke le puedo vender al 188331 q no compre" got the usual offer: the products he already buys.
// Asking to sell a customer what he does not buy ("que no compre", "that he doesn't buy", "algo
// nuevo", "never bought") now lists the products he never bought that most other customers of his
// type bought in the last twelve weeks, checked here against SQL over the same store.
const server = useChatServer();

let customer = 0;

/** The products other customers of `id`'s type bought in the last 12 weeks and `id` never did, most buyers first. */
async function newTo(id: number): Promise<number[]> {
  const last = server().lastDay;
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH peers AS (SELECT customer_id FROM customers WHERE customer_id <> ${id}
                    AND customer_type = (SELECT customer_type FROM customers WHERE customer_id = ${id})),
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

beforeAll(async () => {
  // A customer who buys and has products left to discover: the busiest one with at least three.
  const rows = await queryRows(
    server().fx.store.connection,
    'SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(*) DESC, 1',
  );
  for (const r of rows) {
    if ((await newTo(Number(r.id))).length >= 3) {
      customer = Number(r.id);
      break;
    }
  }
});

const ask = (q: string) => server().ask(q.replace('{c}', String(customer)));

describe('products a customer does not buy yet', () => {
  it.each([
    ['ke le puedo vender al {c} q no compre', 'es'],
    ['¿qué le ofrezco al cliente {c} que todavía no compre?', 'es'],
    ['que productos no compra el {c}', 'es'],
    ['algo nuevo para ofrecerle al {c}', 'es'],
    ['que le puedo vender al {c} que nunca haya comprado', 'es'],
    ['what can I sell {c} that he doesnt buy', 'en'],
    ['anything new I could offer customer {c}?', 'en'],
    ['which products has customer {c} never bought', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'recommend', lang);
    const expected = await newTo(customer);
    expect(expected.length).toBeGreaterThan(0);
    expect({
      q,
      products: (r.data as { products: { product: number }[] }).products.map((p) => p.product),
    }).toEqual({
      q,
      products: expected,
    });
  });
});

describe('guards: the usual offer, what he skipped, what he bought', () => {
  it.each([
    ['¿qué le puedo vender al {c}?', 'recommend'],
    ['what should I offer customer {c} this week?', 'recommend'],
    ['¿qué no ha pedido este mes el {c}?', 'customer_history'],
    ['what did customer {c} not buy this week?', 'customer_history'],
    ['¿qué productos compró el {c} en noviembre?', 'customer_history'],
  ] as const)('%s', async (q, intent) => {
    const r = await ask(q);
    expect({
      q,
      intent: r.intent,
      products: 'products' in (r.data ?? {}) && 'peers_buying' in (r.data ?? {}),
    }).toEqual({
      q,
      intent,
      products: false,
    });
  });
});
