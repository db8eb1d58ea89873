import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatPercent, daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿El cliente 176403 suele comprar los lunes?" got the customer's usual basket. Whether one customer
// orders on a weekday, or which days it orders, is that customer's split by weekday (the last twelve
// weeks), opened by a yes / sometimes / no on the day named with the share of its orders on it, all
// checked against SQL over the same store. A day holding a third of its orders is one it usually
// orders on.
const server = useChatServer();

let customer = 0;
let from = '';
let to = '';
beforeAll(async () => {
  to = server().lastDay;
  from = daysAfter(to, -83);
  const [c] = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(DISTINCT order_id) DESC, 1 LIMIT 1`,
  );
  customer = Number(c!.id);
});

const win = `purchase_date >= DATE '${'{from}'}' AND purchase_date < DATE '${'{to}'}' + 1`;
const inWindow = () => win.replace('{from}', from).replace('{to}', to);

/** The customer's orders per ISO weekday in the window, and all its orders. */
async function ordersByDay(): Promise<{ byDay: Map<number, number>; orders: number }> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT isodow(purchase_date)::DOUBLE AS day, count(DISTINCT order_id)::DOUBLE AS orders
     FROM transactions WHERE ${inWindow()} AND customer_id = ${customer} GROUP BY 1`,
  );
  const [all] = await queryRows(
    server().fx.store.connection,
    `SELECT count(DISTINCT order_id)::DOUBLE AS n FROM transactions WHERE ${inWindow()} AND customer_id = ${customer}`,
  );
  return { byDay: new Map(rows.map((r) => [Number(r.day), Number(r.orders)])), orders: Number(all!.n) };
}

const ask = (q: string) => q.replace('{c}', String(customer));

describe('whether a customer orders on a weekday', () => {
  it.each([
    ['¿el cliente {c} suele comprar los lunes?', 'es', 1],
    ['does customer {c} usually order on mondays?', 'en', 1],
    ['¿el {c} pide los viernes?', 'es', 5],
    ['does {c} buy on saturdays?', 'en', 6],
    ['¿compra el cliente {c} los martes?', 'es', 2],
    ['is customer {c} ordering on thursdays usually?', 'en', 4],
    ['¿el cliente {c} hace pedidos los domingos?', 'es', 7],
  ] as const)('"%s" says yes or no with the share of its orders on that day', async (q, lang, day) => {
    const r = await server().ask(ask(q), lang);
    expectAnsweredAs(q, r, 'sales_share', lang);
    const { byDay, orders } = await ordersByDay();
    const onDay = byDay.get(day) ?? 0;
    const share = onDay / orders;
    const asked = (r.data as { asked?: { day: number; onDay: number; orders: number; habit: string } }).asked;
    expect({ q, asked }).toEqual({
      q,
      asked: expect.objectContaining({
        day,
        onDay,
        orders,
        habit: onDay === 0 ? 'never' : share >= 1 / 3 ? 'usually' : 'sometimes',
      }),
    });
    const opening =
      onDay === 0
        ? { es: 'No,', en: 'No,' }
        : share >= 1 / 3
          ? { es: 'Sí,', en: 'Yes,' }
          : { es: 'A veces', en: 'Sometimes' };
    expect(r.answer.startsWith(opening[lang])).toBe(true);
    if (onDay > 0) expect(r.answer).toContain(chatPercent(share, lang));
  });

  it.each([
    ['¿qué días compra el cliente {c}?', 'es'],
    ['which day does {c} order?', 'en'],
    ['¿en qué día suele pedir el {c}?', 'es'],
    ['what days does customer {c} buy?', 'en'],
  ] as const)('"%s" splits that customer\'s orders by weekday', async (q, lang) => {
    const r = await server().ask(ask(q), lang);
    expectAnsweredAs(q, r, 'sales_share', lang);
    const { byDay } = await ordersByDay();
    const days = (r.data as { days: { day: number; orders: number }[] }).days;
    expect(new Map(days.map((d) => [d.day, d.orders]))).toEqual(byDay);
    expect((r.data as { asked?: unknown }).asked).toBeUndefined();
  });

  it.each([
    ['¿qué compra el cliente {c} los lunes?', 'es'],
    ['what does customer {c} order on mondays?', 'en'],
    ['¿qué le ofrezco al cliente {c} los lunes?', 'es'],
    ['¿qué día compró el {c} por última vez?', 'es'],
    ['¿qué clientes compran los viernes?', 'es'],
    ['¿qué día de la semana se vende más?', 'es'],
  ] as const)('"%s" keeps its own answer', async (q, lang) => {
    const r = await server().ask(ask(q), lang);
    expect({ q, asked: 'asked' in r.data }).toEqual({ q, asked: false });
    if (q.includes('{c}')) expect({ q, split: 'days' in r.data }).toEqual({ q, split: false });
  });
});
