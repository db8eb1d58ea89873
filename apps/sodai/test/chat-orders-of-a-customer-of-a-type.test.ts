import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos pedidos hace en promedio un mayorista por semana?" gave every
// wholesaler's orders of an average week added up (273,9): "un mayorista" with "pedidos" was read as
// the size of an order. Counting the orders of one customer of a type is the orders per customer;
// "how big is a restaurant order?" (a list of best sellers before) is the size of an order.
const server = useChatServer();

interface Answer {
  readonly period?: { readonly from: string; readonly to: string };
  readonly orders_per_customer?: number;
}

describe('the orders of a customer of a type', () => {
  it.each([
    ['¿cuántos pedidos hace en promedio un mayorista por semana?', 'es', 'MAYORISTA'],
    ['how many orders does a restaurant place per month?', 'en', 'RESTAURANT'],
    ['¿cuántos pedidos hace un restaurante al mes?', 'es', 'RESTAURANT'],
    ['number of orders a wholesaler places a week', 'en', 'MAYORISTA'],
  ] as const)('%s', async (q, lang, type) => {
    const r = await server().ask(q, lang);
    const d = r.data as Answer;
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT count(DISTINCT t.order_id)::DOUBLE / count(DISTINCT t.customer_id) AS each
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE c.customer_type = '${type}'
         AND t.purchase_date BETWEEN DATE '${d.period!.from}' AND DATE '${d.period!.to}'`,
    );
    expect(d.orders_per_customer).toBeCloseTo(Number(want!.each), 6);
    expect(r.answer).toContain(chatNumber(Number(want!.each), lang, 1));
  });

  it.each([
    ['¿cuál es el pedido promedio de un restaurante?', 'es'],
    ['average order of a wholesaler', 'en'],
    ['how big is a restaurant order?', 'en'],
  ] as const)('%s still asks the size of an order', async (q, lang) => {
    expect((await server().ask(q, lang)).intent).toBe('order_size');
  });
});
