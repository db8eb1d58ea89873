import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "clientes que no han comprado este mes" counted every registered customer
// with no purchase this month (those who never bought among them) and listed nobody, while "customers
// who haven't made any purchase this month" listed the lapsed customers. "No han comprado", "todavía
// no compran", "no han hecho ningún pedido" over a period that runs to the data's end (or none) now
// read as the English does: the regular customers who bought before and nothing since the period
// began, checked against SQL over the same store (and said "este mes", not "en este mes"). A period
// already over keeps its own answer.
const server = useChatServer();

/** Customers (of `type`) with 2 orders or more whose last transaction is before `from`, biggest first. */
async function lapsedBefore(from: string, type?: string): Promise<number[]> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT t.customer_id::DOUBLE AS id FROM transactions t JOIN customers c USING (customer_id)
     WHERE ${type ? `c.customer_type = '${type}'` : 'TRUE'}
     GROUP BY t.customer_id
     HAVING count(DISTINCT t.order_id) >= 2 AND max(t.purchase_date) < DATE '${from}'
     ORDER BY sum(t.items) DESC, t.customer_id`,
  );
  return rows.map((r) => Number(r.id));
}

describe('the customers who have not bought so far', () => {
  it.each([
    ['clientes que no han comprado este mes', 'es', undefined],
    ['¿qué clientes no han comprado este mes?', 'es', undefined],
    ['¿quiénes todavía no han hecho ningún pedido este mes?', 'es', undefined],
    ['restaurantes que aún no compran este mes', 'es', 'RESTAURANT'],
    ['mayoristas que no nos han pedido esta semana', 'es', 'MAYORISTA'],
    ["customers who haven't made any purchase this month", 'en', undefined],
  ] as const)('%s', async (q, lang, type) => {
    const r = await server().ask(q, lang);
    expect({ q, intent: r.intent, type: r.entities.customer_type }).toEqual({
      q,
      intent: 'lapsed_customers',
      type,
    });
    const from = r.entities.period!.from;
    const expected = await lapsedBefore(from, type);
    const d = r.data as { lapsed: number; customers: number[] };
    expect(d.lapsed).toBe(expected.length);
    expect(d.customers).toEqual(expected.slice(0, 5));
    // "No han comprado nada este mes", not "… en este mes".
    if (lang === 'es') expect(r.answer).not.toMatch(/\ben est[ae] /);
  });

  it.each([
    ['mayoristas que no compraron el mes pasado', 'count_customers'],
    ['clientes que no han comprado en marzo', 'count_customers'],
    ['¿qué clientes no compraron la semana pasada?', 'top_customers'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    expect((await server().ask(q, 'es')).intent).toBe(intent);
  });
});
