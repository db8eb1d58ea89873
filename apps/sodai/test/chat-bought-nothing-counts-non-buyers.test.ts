import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "How many customers bought nothing in December?" answered how many did buy: only "did not buy",
// "didn't order" and the Spanish "no compraron" read as a count of those who did not. "Bought
// nothing", "no purchases", "zero orders", "no hicieron ningún pedido" say the same with the
// negation on the purchase, not on the verb.
const server = useChatServer();

/** Registered customers with no purchase in [from, to]. */
async function notBuying(from: string, to: string): Promise<number> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT count(*)::DOUBLE AS n FROM customers WHERE customer_id NOT IN (
       SELECT customer_id FROM transactions WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}')`,
  );
  return Number(r!.n);
}

describe('bought nothing counts those who did not buy', () => {
  it.each([
    ['how many customers bought nothing in april?', 'en'],
    ['how many customers made no purchases last month?', 'en'],
    ['how many customers had no orders in april?', 'en'],
    ['number of customers with no purchases in april', 'en'],
    ['how many customers placed zero orders last week?', 'en'],
    ['how many clients ordered nothing last month?', 'en'],
    ["how many of our customers didn't place a single order in april?", 'en'],
    ['count of customers without any purchase last month', 'en'],
    ['¿cuántos clientes no hicieron ningún pedido en abril?', 'es'],
    ['¿cuántos clientes no tuvieron compras en abril?', 'es'],
    ['¿cuántos clientes no registraron compras el mes pasado?', 'es'],
    ['¿cuántos clientes tuvieron cero pedidos la semana pasada?', 'es'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q, lang);
    const p = r.entities.period!;
    const n = await notBuying(p.from, p.to);
    expect({ q, intent: r.intent, data: r.data }).toMatchObject({
      q,
      intent: 'count_customers',
      data: { not_buying: n },
    });
    expect(r.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
    expect(r.answer).toContain(lang === 'es' ? 'no compr' : 'did not buy');
  });

  it.each([
    ['how many customers bought in april?', 'en'],
    ['¿cuántos clientes hicieron pedidos en abril?', 'es'],
    ['how many customers bought something last month?', 'en'],
  ] as const)('%s still counts those who bought', async (q, lang) => {
    const r = await server().ask(q, lang);
    expect({ q, data: r.data }).not.toMatchObject({ q, data: { not_buying: expect.any(Number) } });
  });
});
