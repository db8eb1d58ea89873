import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos clientes perdimos este año?" answered "Ningún cliente habitual
// dejó de comprar este año": the year was read as the time they were quiet through, and every
// customer bought in it. Customers lost in a long period are now the regular ones who bought in it
// and nothing in the last four weeks; "which customers did we lose this quarter?" was refused. A
// customer quiet through a period named ("no han comprado en los últimos 3 meses") keeps its reading.
// Checked against SQL over the same store.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly period?: { readonly from: string; readonly to: string } };
  readonly data: { readonly lapsed: number; readonly customers: readonly number[] };
}

/** Regular customers (2 orders or more) whose last purchase falls in [from, before). */
async function lastBoughtBetween(from: string, before: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id FROM transactions GROUP BY 1
     HAVING count(DISTINCT order_id) >= 2 AND max(purchase_date)::DATE >= DATE '${from}'
        AND max(purchase_date)::DATE < DATE '${before}'
     ORDER BY sum(items) DESC, customer_id`,
  );
  return rows.map((r) => Number(r.customer_id));
}

describe('customers lost in a period', () => {
  it.each([
    ['¿cuántos clientes perdimos este año?', 'es'],
    ['which customers did we lose this year?', 'en'],
    ['clientes perdidos en los últimos 4 meses', 'es'],
    ['customers we lost this quarter', 'en'],
  ])('%s: bought in it, nothing in the last four weeks', async (question, lang) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.intent).toBe('lapsed_customers');
    const period = r.entities.period!;
    const quietFrom = daysAfter(server().lastDay, -27);
    const expected = await lastBoughtBetween(period.from, quietFrom);
    expect(expected.length).toBeGreaterThan(0);
    expect(r.data.lapsed).toBe(expected.length);
    expect(r.data.customers).toEqual(expected.slice(0, r.data.customers.length));
  });

  it('keeps a period the customers were quiet through', async () => {
    const r = await server().ask<Reply>('¿qué clientes no han comprado en los últimos 2 meses?', 'es');
    const period = r.entities.period!;
    const expected = await lastBoughtBetween('1900-01-01', period.from);
    expect(r.data.lapsed).toBe(expected.length);
  });
});
