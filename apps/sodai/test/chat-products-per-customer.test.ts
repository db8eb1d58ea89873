import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "How many products does each customer buy?" answered the catalogue's count of products, and
// "¿cuántas marcas compra cada cliente?" the count of customers. They ask how many different
// products (brands) a customer buys: the mean over the customers who bought in the period,
// checked against SQL over the same store.
const server = useChatServer();

interface Answer {
  readonly period?: { readonly from: string; readonly to: string };
  readonly products_per_customer?: number;
  readonly brands_per_customer?: number;
}

async function distinctPerCustomer(
  period: { from: string; to: string },
  where = 'TRUE',
  of = 't.product_id',
) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT avg(n)::DOUBLE AS avg FROM (
       SELECT t.customer_id, count(DISTINCT ${of}) AS n
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND ${where}
       GROUP BY 1)`,
  );
  return Number(r!.avg);
}

describe('distinct products per customer', () => {
  it.each([
    ['how many products does each customer buy?', 'en', 'TRUE'],
    ['¿cuántos productos distintos compra cada cliente?', 'es', 'TRUE'],
    ['how many different products does the average customer buy in april?', 'en', 'TRUE'],
    ['¿cuántos productos compra en promedio un restaurante al mes?', 'es', "c.customer_type = 'RESTAURANT'"],
    ['average number of products per customer in march', 'en', 'TRUE'],
  ] as const)('%s', async (q, lang, where) => {
    const r = await server().ask(q, lang);
    const d = r.data as Answer;
    expect(r.intent).toBe('sales_trend');
    const expected = await distinctPerCustomer(d.period!, where);
    expect(d.products_per_customer).toBeCloseTo(expected, 6);
    expect(r.answer).toContain(chatNumber(expected, lang, 1));
  });

  it.each([
    ['¿cuántas marcas compra cada cliente?', 'es', 'TRUE'],
    ['how many different brands does each wholesaler buy in april?', 'en', "c.customer_type = 'MAYORISTA'"],
  ] as const)('%s counts brands', async (q, lang, where) => {
    const r = await server().ask(q, lang);
    const d = r.data as Answer;
    const expected = await distinctPerCustomer(d.period!, where, 'p.brand');
    expect(d.brands_per_customer).toBeCloseTo(expected, 6);
    expect(r.answer).toContain(chatNumber(expected, lang, 1));
    expect(r.answer).toMatch(lang === 'es' ? /marcas? distintas?/ : /different brands?/);
  });

  it('"¿cuántos productos hay en el catálogo?" still counts the catalogue', async () => {
    expect((await server().ask('¿cuántos productos hay en el catálogo?')).intent).toBe('count_products');
  });
});
