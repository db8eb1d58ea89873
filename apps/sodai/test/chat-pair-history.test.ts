import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, useChatServer } from './chat-server.ts';

// "¿El 100001 compró el 20113 alguna vez?" got the customer's whole history, product ignored.
const server = useChatServer();
/** A customer and a product it bought on several days, with what the store says of the pair. */
let pair: { customer: number; product: number; orders: number; last: string; units: number };

interface Reply {
  intent: string;
  answer: string;
  data: Record<string, unknown>;
}
const ask = (message: string, lang: 'es' | 'en') => server().ask<Reply>(message, lang);

beforeAll(async () => {
  const [row] = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS customer, product_id::DOUBLE AS product,
            count(DISTINCT order_id)::DOUBLE AS orders, sum(items)::DOUBLE AS units,
            max(purchase_date)::DATE::VARCHAR AS last
     FROM transactions GROUP BY ALL HAVING count(DISTINCT order_id) >= 3
     ORDER BY orders DESC, customer, product LIMIT 1`,
  );
  pair = {
    customer: Number(row!.customer),
    product: Number(row!.product),
    orders: Number(row!.orders),
    units: Number(row!.units),
    last: String(row!.last),
  };
});

describe("a customer's purchases of one product", () => {
  it.each([
    ['¿el cliente {c} compró el producto {p} alguna vez?', 'es'],
    ['when did customer {c} last buy product {p}?', 'en'],
    ['¿cuándo fue la última vez que el cliente {c} pidió el producto {p}?', 'es'],
  ] as const)('%s: that product only, with its orders and last purchase', async (template, lang) => {
    const q = template.replace('{c}', String(pair.customer)).replace('{p}', String(pair.product));
    const r = await ask(q, lang);
    expect(r.intent).toBe('customer_history');
    expect(r.answer).toContain(lang === 'es' ? `producto ${pair.product}` : `product ${pair.product}`);
    expect(r.answer).toContain(
      lang === 'es' ? `hizo ${pair.orders} pedidos` : `placed ${pair.orders} orders`,
    );
    expect(r.answer).toContain(chatDay(pair.last, lang));
    expect(r.answer).not.toMatch(/productos distintos|different products/);
  });
});

describe("a customer's history over a period", () => {
  it.each(['es', 'en'] as const)(
    'names the period once in the sentence, its dates in one pair of parentheses (%s)',
    async (lang) => {
      const r = await ask(
        lang === 'es'
          ? `¿cuántos productos distintos compró el cliente ${pair.customer} en las últimas 8 semanas?`
          : `how many different products did customer ${pair.customer} buy in the last 8 weeks?`,
        lang,
      );
      expect(r.intent).toBe('customer_history');
      // "hizo 3 pedidos (las últimas 8 semanas (…))" nested the period's dates in the scope's parentheses.
      expect(r.answer).not.toMatch(/\([^)]*\(/);
      expect(r.answer).toMatch(
        lang === 'es'
          ? /pedidos? las últimas 8 semanas \(.+ – .+\):/
          : /orders? the last 8 weeks \(.+ – .+\):/,
      );
    },
  );
});
