import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Questions of the second round: "¿qué marca le gusta al 100012?" got the customer's history,
// "productos que nadie compró el mes pasado" the best sellers, "¿cuántos clientes compraron el 20012 y
// el 20055?" took 20055 for an unknown customer, and "¿el 100010 compra seguido?" read "El cliente
// 100010 en 11 días distintos" with no verb.
const server = useChatServer();
const ask = (message: string) => server().ask(message);
let customer: number;
let products: [number, number];

beforeAll(async () => {
  const c = server().fx.store.connection;
  const [top] = await queryRows(
    c,
    'SELECT customer_id::DOUBLE AS c FROM transactions GROUP BY 1 ORDER BY count(DISTINCT order_id) DESC LIMIT 1',
  );
  customer = Number(top!.c);
  const two = await queryRows(
    c,
    'SELECT product_id::DOUBLE AS p FROM transactions GROUP BY 1 ORDER BY sum(items) DESC LIMIT 2',
  );
  products = [Number(two[0]!.p), Number(two[1]!.p)];
});

describe('liking, nobody buying, two products, how often', () => {
  it.each([
    ['¿qué marca le gusta al {c}?', 'es'],
    ['which brand does {c} like?', 'en'],
  ] as const)('"%s" ranks that customer\'s brands', async (q, lang) => {
    const reply = await ask(q.replace('{c}', String(customer)));
    expect({ intent: reply.intent, group_by: reply.entities.group_by, lang: reply.lang }).toEqual({
      intent: 'top_products',
      group_by: 'brand',
      lang,
    });
    expect(reply.entities.customer_id).toBe(customer);
  });

  it('"productos que nadie compró el mes pasado" asks for what sold least, not the best sellers', async () => {
    expect((await ask('productos que nadie compró el mes pasado')).intent).toBe('slow_movers');
    expect((await ask('which products did nobody buy last month?')).intent).toBe('slow_movers');
  });

  it('"¿cuántos clientes compraron el P1 y el P2?" takes no product for a customer', async () => {
    const reply = await ask(`¿cuántos clientes compraron el ${products[0]} y el ${products[1]}?`);
    expect(reply.entities.customer_id).toBeUndefined();
    expect(reply.answered).toBe(true);
  });

  it.each([
    ['¿el {c} compra seguido?', /^El cliente \d+ compró en \d+ días distintos/],
    ['how often does customer {c} buy?', /^Customer \d+ bought on \d+ different days/],
  ] as const)('"%s" says the customer bought on so many days', async (q, words) => {
    const reply = await ask(q.replace('{c}', String(customer)));
    expect(reply.intent).toBe('customer_frequency');
    expect(reply.answer).toMatch(words);
  });
});
