import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, chatPercent, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos clientes activos tenemos?" and "how many active customers do we
// have?" answered "Hay 1569 clientes registrados; 1490 han comprado al menos una vez": a customer who
// bought once in January is no active one. Active customers are now those who bought in the period
// named or the last 4 weeks, said with the window and against the registered ones (of the type
// asked), checked against SQL here. Inactive customers and the plain count are unchanged.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly registered: number;
    readonly active?: number;
  };
}

describe('active customers', () => {
  it.each([
    ['¿cuántos clientes activos tenemos?', 'es', 'TRUE', 'clientes activos', 'últimas 4 semanas'],
    ['how many active customers do we have?', 'en', 'TRUE', 'active customers', 'last 4 weeks'],
    ['how many customers are active?', 'en', 'TRUE', 'active customers', 'last 4 weeks'],
    [
      '¿cuántos restaurantes activos hay?',
      'es',
      `c.customer_type = 'RESTAURANT'`,
      // One or several: 'restaurante activo', 'restaurantes activos'.
      'restaurante',
      'últimas 4 semanas',
    ],
    ['clientes activos en marzo', 'es', 'TRUE', 'clientes activos', 'marzo'],
  ] as const)('%s', async (q, lang, where, who, window) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('count_customers');
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
    expect(r.answer).toContain(`${chatNumber(active, lang)} ${who}`);
    expect(r.answer).toContain(window);
    expect(r.answer).toContain(chatPercent(active / registered, lang));
    expect(r.answer).toContain(chatNumber(registered, lang));
  });

  it('the default window ends on the last day of data', async () => {
    const r = await server().ask<Reply>('¿cuántos clientes activos tenemos?', 'es');
    const [last] = await queryRows(
      server().fx.store.connection,
      `SELECT max(purchase_date)::VARCHAR AS day FROM transactions`,
    );
    expect(r.data.period!.to).toBe(String(last!.day));
  });

  it.each([
    ['¿cuántos clientes tenemos?', 'es', 'count_customers'],
    ['¿cuántos clientes inactivos hay?', 'es', 'lapsed_customers'],
  ] as const)('%s is unchanged', async (q, lang, intent) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe(intent);
    expect(r.data.active).toBeUndefined();
  });
});
