import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';

// "Promedio por semana" and "average per week" got the weeks listed, or an average per order
// ("¿cuántas unidades compra en promedio por semana el 100026?" was read as the order size). A
// weekly average is the period's total over its weeks (days / 7, up to the last day of data), each
// figure checked here against SQL, with the rule said in the answer.
const server = useChatServer();

interface Span {
  readonly from: string;
  readonly to: string;
}
const year = () => server().lastDay.slice(0, 4);
const april = (): Span => ({ from: `${year()}-04-01`, to: `${year()}-04-30` });
/** The default: the 12 Monday–Sunday weeks up to the last day (the fixture ends on a Sunday). */
const last12Weeks = (): Span => ({ from: daysAfter(server().lastDay, -83), to: server().lastDay });
/** "The last two months": the 60 days up to the last day. */
const last2Months = (): Span => ({ from: daysAfter(server().lastDay, -59), to: server().lastDay });

async function weekly({ from, to }: Span, where: string) {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(t.items), 0)::DOUBLE AS units, count(DISTINCT t.order_id)::DOUBLE AS orders,
            count(DISTINCT (t.customer_id, date_trunc('week', t.purchase_date)))::DOUBLE AS buyer_weeks
     FROM transactions t JOIN products p USING (product_id)
     WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}`,
  );
  const weeks = days / 7;
  return {
    days,
    units: Number(r!.units) / weeks,
    orders: Number(r!.orders) / weeks,
    customers: Number(r!.buyer_weeks) / weeks,
  };
}

describe('a weekly average over the period', () => {
  it.each([
    ['¿cuál es el promedio por semana del cliente 100026?', 'es', last12Weeks, 't.customer_id = 100026'],
    ['average units per week for customer 100026', 'en', last12Weeks, 't.customer_id = 100026'],
    [
      '¿cuántas unidades compra en promedio por semana el cliente 100026?',
      'es',
      last12Weeks,
      't.customer_id = 100026',
    ],
    ['promedio semanal de ventas', 'es', last12Weeks, 'true'],
    ['average weekly sales last month', 'en', april, 'true'],
    ['¿cuánto vendemos en promedio a la semana?', 'es', last12Weeks, 'true'],
    ['how much do we sell a week?', 'en', last12Weeks, 'true'],
    ["what's the average per week of product 20036?", 'en', last12Weeks, 't.product_id = 20036'],
    ['promedio por semana del producto 20036 en abril', 'es', april, 't.product_id = 20036'],
    ['media semanal de unidades en abril', 'es', april, 'true'],
    // An average of what is ordered read as what was ordered (a ranking); a usual week is an average.
    ["what's the weekly average of orders over the last two months?", 'en', last2Months, 'true'],
    ['what is the average weekly number of orders last month', 'en', april, 'true'],
    ['how many orders do we get in an average week?', 'en', last12Weeks, 'true'],
    [
      'how many units does customer 100026 order in an average week?',
      'en',
      last12Weeks,
      't.customer_id = 100026',
    ],
    ['¿cuántos pedidos tenemos en una semana normal?', 'es', last12Weeks, 'true'],
    ['¿cuál es el promedio semanal de pedidos de los últimos dos meses?', 'es', last2Months, 'true'],
    // "A typical week" is also a usual basket's word: counting units in it is the average.
    [
      'how many units does customer 100026 buy in a typical week?',
      'en',
      last12Weeks,
      't.customer_id = 100026',
    ],
    [
      '¿cuántas unidades compra el cliente 100026 en una semana típica?',
      'es',
      last12Weeks,
      't.customer_id = 100026',
    ],
    ['how many units do we move in a typical week?', 'en', last12Weeks, 'true'],
  ] as const)('"%s" gives the weekly average', async (q, lang, span, where) => {
    const r = await server().ask(q);
    const expected = await weekly(span(), where);
    const d = r.data as {
      days?: number;
      period?: Span;
      per_week?: { units: number; orders: number; customers: number };
    };
    expect({ q, intent: r.intent, lang: r.lang, days: d.days, from: d.period?.from }).toEqual({
      q,
      intent: 'sales_trend',
      lang,
      days: expected.days,
      from: span().from,
    });
    expect(d.per_week?.units).toBeCloseTo(expected.units, 6);
    expect(d.per_week?.orders).toBeCloseTo(expected.orders, 6);
    expect(d.per_week?.customers).toBeCloseTo(expected.customers, 6);
    // The rule is said: the days the average is over.
    expect(r.answer).toMatch(lang === 'es' ? /por semana .*\d+ días/ : /per week .*\d+ days/);
  });

  it.each([
    ['average order size', 'order_size'],
    ['promedio por pedido del cliente 100026', 'order_size'],
    ['ventas semanales del último mes', 'sales_trend'],
    ['weekly sales trend of product 20036', 'sales_trend'],
    ['¿cuánto vendimos la semana pasada?', 'sales_trend'],
    ['what did we order last month?', 'top_products'],
    ['best sellers of the last two months', 'top_products'],
    ['top 5 productos de los últimos dos meses', 'top_products'],
    ['what does customer 100026 buy in a typical week?', 'customer_basket'],
    ['canasta típica del cliente 100026', 'customer_basket'],
  ] as const)('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, average: 'per_week' in r.data }).toEqual({ q, intent, average: false });
  });
});
