import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "¿Qué día de la semana se vende más?" got the week's best sellers and "which customers order on
// mondays?" was not understood. Sales split by day of the week (units, orders, busiest first) and
// the customers who order on one weekday (most orders on it first) are checked here against SQL
// over the same store, over the last twelve weeks.
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

const win = () => `purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1`;

async function byDay(where = 'TRUE') {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT isodow(purchase_date)::DOUBLE AS day, sum(items)::DOUBLE AS units, count(DISTINCT order_id)::DOUBLE AS orders
     FROM transactions WHERE ${win()} AND ${where} GROUP BY 1 ORDER BY units DESC, day`,
  );
  return rows.map((r) => ({ day: Number(r.day), units: Number(r.units), orders: Number(r.orders) }));
}

async function onDay(day: number) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id, count(*) OVER ()::DOUBLE AS n FROM transactions WHERE ${win()}
     GROUP BY 1 HAVING count(DISTINCT order_id) FILTER (WHERE isodow(purchase_date) = ${day}) > 0
     ORDER BY count(DISTINCT order_id) FILTER (WHERE isodow(purchase_date) = ${day}) DESC,
              coalesce(sum(items) FILTER (WHERE isodow(purchase_date) = ${day}), 0) DESC, id LIMIT 5`,
  );
  return { found: Number(rows[0]?.n ?? 0), ids: rows.map((r) => String(r.id)) };
}

const close = (a: { day: number; units: number; orders: number }[], b: typeof a) => {
  expect(a.map((x) => [x.day, x.orders])).toEqual(b.map((x) => [x.day, x.orders]));
  a.forEach((x, i) => expect(x.units).toBeCloseTo(b[i]!.units, 6));
};

describe('the days of the week', () => {
  it.each([
    ['¿qué día de la semana se vende más?', 'es'],
    ['which day of the week do we sell the most?', 'en'],
    ['sales by weekday', 'en'],
    ['¿en qué días de la semana vendemos más?', 'es'],
  ] as const)('"%s" splits the sales by weekday, busiest first', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_share', lang);
    const expected = await byDay();
    expect(expected.length).toBeGreaterThan(1);
    close((r.data as { days: typeof expected }).days, expected);
  });

  it('"¿qué día pide más el cliente {c}?" splits that customer\'s purchases', async () => {
    const q = `¿qué día de la semana pide más el cliente ${customer}?`;
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_share', 'es');
    close(
      (r.data as { days: Awaited<ReturnType<typeof byDay>> }).days,
      await byDay(`customer_id = ${customer}`),
    );
  });

  it.each([
    ['which customers order on mondays?', 'en', 1],
    ['¿qué clientes compran los viernes?', 'es', 5],
    ['¿quiénes piden los martes?', 'es', 2],
    ['customers who buy on wednesdays', 'en', 3],
  ] as const)('"%s" lists the customers who order on that weekday', async (q, lang, day) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'top_customers', lang);
    const expected = await onDay(day);
    expect((r.data as { found: number; day: number }).day).toBe(day);
    expect((r.data as { found: number }).found).toBe(expected.found);
    expect(tableColumn(r, 1)).toEqual(expected.ids);
  });

  it.each([
    ['¿qué le ofrezco al cliente {c} el lunes?', 'recommend'],
    ['¿qué clientes compran más?', 'top_customers'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q.replace('{c}', String(customer)));
    expect({ q, intent: r.intent, weekday: 'days' in r.data || 'day' in r.data }).toEqual({
      q,
      intent,
      weekday: false,
    });
  });
});
