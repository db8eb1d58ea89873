import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, chatPercent, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué porcentaje de clientes están activos?" gave the customer master by
// type ("Los 1569 clientes registrados por tipo: almacenes de abarrotes 1160 …"): "porcentaje de
// clientes" read as the customer mix, and the active customers were read only as a count. The share
// of active customers (those who bought in the period named or the last 4 weeks) among the
// registered, of a type if named, is now answered with both counts, checked against SQL here.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly registered: number;
    readonly active?: number;
    readonly share_active?: number;
  };
}

describe('the share of active customers', () => {
  it.each([
    ['¿qué porcentaje de clientes están activos?', 'es', 'TRUE'],
    ['what percentage of our customers are active?', 'en', 'TRUE'],
    ['¿cuántos de nuestros clientes siguen activos?', 'es', 'TRUE'],
    ['what share of customers is active?', 'en', 'TRUE'],
    ['¿qué proporción de los restaurantes están activos?', 'es', `c.customer_type = 'RESTAURANT'`],
    ['percentage of active customers in april', 'en', 'TRUE'],
  ] as const)('%s', async (q, lang, where) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'count_customers' });
    const { from, to } = r.data.period!;
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT (SELECT count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id)
               WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where})::DOUBLE AS active,
              (SELECT count(*) FROM customers c WHERE ${where})::DOUBLE AS registered`,
    );
    const active = Number(want!.active);
    const registered = Number(want!.registered);
    expect(r.data.active).toBe(active);
    expect(r.data.registered).toBe(registered);
    expect(r.data.share_active).toBeCloseTo(active / registered, 9);
    expect(r.answer).toContain(chatPercent(active / registered, lang));
    expect(r.answer).toContain(chatNumber(registered, lang));
  });

  it.each([
    ['¿qué porcentaje de clientes son restaurantes?', 'customer_mix'],
    ['customer mix by type', 'customer_mix'],
    ['¿cuántos clientes inactivos hay?', 'lapsed_customers'],
  ] as const)('"%s" keeps its answer', async (q, intent) => {
    expect({ q, intent: (await server().ask<Reply>(q)).intent }).toEqual({ q, intent });
  });
});
