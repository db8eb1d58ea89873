import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "What data do we have?", "¿hasta qué fecha hay datos?", "¿desde cuándo hay datos?" had no answer
// (the help text). They get the transactions' first and last day and how many orders, customers and
// products the data holds, checked here against SQL over the same store, and the last batch loaded.
const server = useChatServer();

/** The data's span and sizes, computed here without the chat's code. */
async function coverage() {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT min(purchase_date)::DATE::VARCHAR AS first, max(purchase_date)::DATE::VARCHAR AS last,
            count(DISTINCT order_id)::DOUBLE AS orders, count(DISTINCT customer_id)::DOUBLE AS buyers,
            (SELECT count(*) FROM customers)::DOUBLE AS customers,
            (SELECT count(*) FROM products)::DOUBLE AS products
     FROM transactions`,
  );
  return {
    first: String(r!.first),
    last: String(r!.last),
    orders: Number(r!.orders),
    buyers: Number(r!.buyers),
    customers: Number(r!.customers),
    products: Number(r!.products),
  };
}

describe('what data we have and until when', () => {
  it.each([
    ['what data do we have?', 'en'],
    ['¿hasta qué fecha hay datos?', 'es'],
    ['¿desde cuándo hay datos?', 'es'],
    ["what's the date range of the data?", 'en'],
    ['¿cuál es el último día con datos?', 'es'],
    ['how far back does the data go?', 'en'],
    ['¿qué período cubren los datos?', 'es'],
    ['until when do we have sales?', 'en'],
    ['¿de qué fechas son los datos?', 'es'],
    ['what period does the dataset cover?', 'en'],
    ['¿hasta cuándo llegan las ventas?', 'es'],
  ] as const)('"%s" gives the first and last day and the data\'s size', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'last_batch', lang);
    const c = await coverage();
    expect(r.data).toMatchObject({
      first_day: c.first,
      last_day: c.last,
      orders: c.orders,
      customers_with_purchases: c.buyers,
      customers: c.customers,
      products: c.products,
    });
    for (const figure of [
      chatDay(c.first, lang),
      chatDay(c.last, lang),
      chatNumber(c.orders, lang),
      chatNumber(c.customers, lang),
      chatNumber(c.products, lang),
    ])
      expect(r.answer).toContain(figure);
  });

  it('names the last batch loaded, from the ingestion log', async () => {
    const [batch] = await server().fx.store.ingestions(1);
    const r = await server().ask('what data do we have?');
    if (batch) {
      expect(r.answer).toContain(batch.batchId);
      expect(r.data).toMatchObject({ last_batch: { batch_id: batch.batchId } });
    } else expect(r.data).not.toHaveProperty('last_batch');
  });

  it.each([
    ['¿qué datos tienes del cliente 100010?', 'customer_history'],
    ['ventas de la semana pasada', 'sales_trend'],
    ['los datos estan al dia?', 'last_batch'],
    ['hay drift en los datos?', 'drift_status'],
    // Quarantined rows are the last batch's report, not the data's span.
    ['¿cuántos datos se pusieron en cuarentena?', 'last_batch'],
    ['how much data was quarantined?', 'last_batch'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, coverage: 'first_day' in r.data }).toEqual({ q, intent, coverage: false });
  });
});
