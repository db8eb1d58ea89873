import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// After "¿cuáles son los mejores clientes?", "¿y el 100010 es mayorista?" repeated the ranking (with
// 100010 taken for a product): a follow-up that asks something of its own is that question, and
// a number the ranking cannot take is about that customer. Real follow-ups keep working.
const server = useChatServer();
let session = 0;
const newSession = () => `follow-up-${String(session++).padStart(4, '0')}`;

let customer: { id: number; type: string; orders: number };
let another: number;

beforeAll(async () => {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id, any_value(c.customer_type) AS type, count(DISTINCT order_id)::DOUBLE AS orders
     FROM transactions JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 1 LIMIT 2`,
  );
  customer = { id: Number(rows[0]!.id), type: String(rows[0]!.type), orders: Number(rows[0]!.orders) };
  another = Number(rows[1]!.id);
});

async function after(first: string, next: string) {
  const sid = newSession();
  await server().inSession(first, sid);
  return server().inSession(next, sid);
}

describe('a follow-up that asks something new', () => {
  it('"¿y el X es mayorista?" after a ranking answers yes or no about X', async () => {
    const reply = await after('¿cuáles son los mejores clientes?', `¿y el ${customer.id} es mayorista?`);
    expect({ intent: reply.intent, customer: reply.entities.customer_id }).toEqual({
      intent: 'customer_info',
      customer: customer.id,
    });
    expect(reply.answer).toMatch(customer.type === 'MAYORISTA' ? /^Sí[.,]/ : /^No\b/);
  });

  it('"¿y el X qué compró?" after a ranking gives X\'s purchases', async () => {
    const reply = await after('¿cuáles son los mejores clientes?', `¿y el ${customer.id} qué compró?`);
    expect(reply.intent).toBe('customer_history');
    expect(reply.data).toMatchObject({ customer: customer.id, orders: customer.orders });
  });

  it('"¿y el X?" after a ranking of customers is about customer X, never a product X', async () => {
    const reply = await after('best customers last month', `and ${customer.id}?`);
    expect(reply.entities.customer_id).toBe(customer.id);
    expect(reply.entities.product_id).toBeUndefined();
  });

  it('"¿y cuántos son mayoristas?" after a ranking counts them', async () => {
    const reply = await after('¿cuáles son los mejores clientes?', '¿y cuántos son mayoristas?');
    expect(reply.intent).toBe('count_customers');
  });

  it('"¿y el Y?" after advice for X is the same advice for Y', async () => {
    const reply = await after(`¿qué le ofrezco al cliente ${customer.id}?`, `¿y el ${another}?`);
    expect({ intent: reply.intent, customer: reply.entities.customer_id }).toEqual({
      intent: 'recommend',
      customer: another,
    });
  });

  it('"¿y en latas?" after a ranking narrows the ranking', async () => {
    const reply = await after('lo más vendido del último mes', '¿y en latas?');
    expect({ intent: reply.intent, pkg: reply.entities.package }).toEqual({
      intent: 'top_products',
      pkg: 'LATA',
    });
  });
});
