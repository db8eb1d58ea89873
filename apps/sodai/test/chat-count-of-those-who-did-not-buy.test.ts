import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "¿Cuántos clientes no compraron el mes pasado?" answered how many did buy (79), as if the "no" were
// not there: a count of customers who did not buy now counts those, first.
const server = useChatServer();
const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/** Registered customers (of a type) with no purchase in [from, to]. */
async function notBuying(from: string, to: string, where = 'TRUE'): Promise<number> {
  const [r] = await sql(
    `SELECT count(*)::DOUBLE AS n FROM customers c WHERE ${where} AND customer_id NOT IN (
       SELECT customer_id FROM transactions WHERE purchase_date >= DATE '${from}' AND purchase_date <= DATE '${to}')`,
  );
  return Number(r!.n);
}

describe('how many customers did not buy', () => {
  it.each([
    ['¿cuántos clientes no compraron el mes pasado?', 'es'],
    ['how many customers did not buy last month?', 'en'],
    ["how many customers didn't order last month?", 'en'],
  ] as const)('"%s" counts those with no purchase in the period, first', async (q, lang) => {
    const reply = await ask(q);
    const p = reply.entities.period!;
    const n = await notBuying(p.from, p.to);
    expect(reply.intent).toBe('count_customers');
    expect(reply.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
    expect(reply.data).toMatchObject({ not_buying: n });
  });

  it('"¿cuántos restaurantes no compraron la semana pasada?" counts restaurants only', async () => {
    const reply = await ask('¿cuántos restaurantes no compraron la semana pasada?');
    const p = reply.entities.period!;
    const n = await notBuying(p.from, p.to, "c.customer_type = 'RESTAURANT'");
    expect(reply.answer.startsWith(`${n} `)).toBe(true);
  });

  it('"¿cuántos clientes nunca han comprado?" counts those with no purchase at all', async () => {
    const [r] = await sql(
      'SELECT count(*)::DOUBLE AS n FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions)',
    );
    const reply = await ask('¿cuántos clientes nunca han comprado?');
    expect(reply.intent).toBe('count_customers');
    expect(reply.answer.startsWith(`${Number(r!.n)} `)).toBe(true);
  });

  it('"¿cuántos clientes compraron el mes pasado?" still counts those who bought', async () => {
    const reply = await ask('¿cuántos clientes compraron el mes pasado?');
    expect(reply.data).not.toHaveProperty('not_buying');
  });
});
