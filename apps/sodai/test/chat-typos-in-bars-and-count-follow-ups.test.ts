import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// Questions of the fourth round: "more then 40 units", "menos de 3 vces", "more than 5 different
// products" lost or misread their bar; "whats customer 100033" got the history; "the model, is it
// accurate?" the version record; and after a list, "¿cuántos son?" was not understood and "¿y cuántas
// unidades fueron en total?" dropped the list's period.
const server = useChatServer();
const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);
let session = 0;
async function after(first: string, next: string) {
  const sid = `count-follow-up-${String(session++).padStart(4, '0')}`;
  await server().inSession(first, sid);
  return server().inSession(next, sid);
}

describe('typos and adjectives around a bar', () => {
  it.each([
    ['which customers bought more then 40 units last month', { op: 'gt', value: 40, of: 'units' }],
    ['cuantos clientes compraron menos de 3 vces el mes pasado', { op: 'lt', value: 3, of: 'orders' }],
    ['how many customers bought more than 5 different products', { op: 'gt', value: 5, of: 'products' }],
  ] as const)('"%s"', async (q, bar) => {
    expect((await ask(q)).entities.threshold).toEqual(bar);
  });
});

describe('what a customer is, how good the model is', () => {
  it('"whats customer X" gives the customer\'s type', async () => {
    const [c] = await sql(
      'SELECT customer_id::DOUBLE AS id, customer_type AS t FROM customers ORDER BY 1 LIMIT 1',
    );
    const reply = await ask(`whats customer ${Number(c!.id)}`);
    expect(reply.intent).toBe('customer_info');
    expect(reply.data).toMatchObject({ customer_type: String(c!.t) });
  });

  it('"the model, is it accurate?" asks how good it is', async () => {
    expect((await ask('the model, is it accurate?')).intent).toBe('model_performance');
  });
});

describe('how many, after a list', () => {
  it('"¿cuántos son?" after the best customers counts the buyers of the same four weeks', async () => {
    const reply = await after('¿cuáles son los mejores clientes?', '¿cuántos son?');
    const to = server().lastDay;
    const [r] = await sql(
      `SELECT count(DISTINCT customer_id)::DOUBLE AS n FROM transactions
       WHERE purchase_date >= DATE '${daysAfter(to, -27)}' AND purchase_date <= DATE '${to}'`,
    );
    expect(reply.intent).toBe('count_customers');
    expect(reply.answer.startsWith(`${Number(r!.n)} `)).toBe(true);
  });

  it('"¿y cuántos productos son?" after the best sellers counts the products sold', async () => {
    const reply = await after('lo más vendido del último mes', '¿y cuántos productos son?');
    const p = reply.entities.period!;
    const [r] = await sql(
      `SELECT count(DISTINCT product_id)::DOUBLE AS n FROM transactions
       WHERE purchase_date >= DATE '${p.from}' AND purchase_date <= DATE '${p.to}'`,
    );
    expect(reply.intent).toBe('count_products');
    expect(reply.answer.startsWith(`${Number(r!.n)} `)).toBe(true);
  });

  it('"¿y cuántas unidades fueron en total?" keeps the list\'s period', async () => {
    const reply = await after('lo más vendido del mes pasado', '¿y cuántas unidades fueron en total?');
    expect(reply.intent).toBe('sales_trend');
    const p = reply.entities.period!;
    expect(p.label).toBe('el último mes');
    const [r] = await sql(
      `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date >= DATE '${p.from}' AND purchase_date <= DATE '${p.to}'`,
    );
    expect(reply.answer.split('. ')[0]).toContain(`${chatNumber(Number(r!.u), 'es')} unidades`);
  });
});
