import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Which wholesalers bought less this month than last month?" compared the month so far (the data
// end mid-month) with all of last month, and said the totals fell by about half; "¿cuál es el
// cliente que más ha crecido?" was not understood. Periods are now compared like with like (the
// month so far with the same days of last month), and such questions list the customers by their
// change, checked here against SQL over the same store.
const server = useChatServer();

interface Span {
  readonly from: string;
  readonly to: string;
}

/** Units, orders and customers of `[from, to]`, computed here without the chat's code. */
async function figures({ from, to }: Span) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(items), 0)::DOUBLE AS units, count(DISTINCT order_id)::DOUBLE AS orders,
            count(DISTINCT customer_id)::DOUBLE AS customers
     FROM transactions WHERE purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1`,
  );
  return { units: Number(r!.units), orders: Number(r!.orders), customers: Number(r!.customers) };
}

/** Customers whose units fell (or rose) from `before` to `now`, biggest change first, and how many. */
async function movers(now: Span, before: Span, down: boolean, type?: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH per AS (
       SELECT t.customer_id AS id,
              coalesce(sum(items) FILTER (WHERE purchase_date BETWEEN DATE '${now.from}' AND DATE '${now.to}'), 0) AS n,
              coalesce(sum(items) FILTER (WHERE purchase_date BETWEEN DATE '${before.from}' AND DATE '${before.to}'), 0) AS b
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE ${type ? `c.customer_type = '${type}' AND` : ''}
             (purchase_date BETWEEN DATE '${now.from}' AND DATE '${now.to}'
              OR purchase_date BETWEEN DATE '${before.from}' AND DATE '${before.to}')
       GROUP BY 1)
     SELECT id::DOUBLE AS id, count(*) OVER ()::DOUBLE AS moved FROM per WHERE n ${down ? '<' : '>'} b
     ORDER BY n - b ${down ? 'ASC' : 'DESC'}, id LIMIT 5`,
  );
  return { ids: rows.map((r) => Number(r.id)), moved: Number(rows[0]?.moved ?? 0) };
}

/** The month so far of the fixture's last day, and the same days of the month before. */
function monthSoFar(): { now: Span; before: Span } {
  const last = server().lastDay;
  const start = `${last.slice(0, 8)}01`;
  const prev = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 2, 1))
    .toISOString()
    .slice(0, 10);
  const days = Number(last.slice(8));
  return { now: { from: start, to: last }, before: { from: prev, to: daysAfter(prev, days - 1) } };
}

const periods = (r: ChatResponse) => {
  const d = r.data as { period: Span; compare_to: Span };
  return {
    now: { from: d.period.from, to: d.period.to },
    before: { from: d.compare_to.from, to: d.compare_to.to },
  };
};

describe('customers by their change, and partial periods compared like with like', () => {
  it.each([
    ['which wholesalers bought less this month than last month?', 'en', true, 'MAYORISTA'],
    ['¿qué mayoristas compraron menos este mes que el mes pasado?', 'es', true, 'MAYORISTA'],
    ['¿qué clientes compraron más este mes que el mes pasado?', 'es', false, undefined],
    ['which customers bought more than last month?', 'en', false, undefined],
    ['¿qué restaurantes compraron más que el mes pasado?', 'es', false, 'RESTAURANT'],
  ] as const)(
    '"%s" lists customers by their change, the month so far against the same days of last month',
    async (q, lang, down, type) => {
      const r = await server().ask(q);
      expectAnsweredAs(q, r, 'movers', lang);
      const { now, before } = monthSoFar();
      expect(periods(r)).toEqual({ now, before });
      const expected = await movers(now, before, down, type);
      expect(expected.moved).toBeGreaterThan(0);
      const d = r.data as { moved: number; customers: { customer: number }[] };
      expect({ q, moved: d.moved, ids: d.customers.map((c) => c.customer) }).toEqual({
        q,
        moved: expected.moved,
        ids: expected.ids,
      });
      expect(r.answer).toMatch(lang === 'es' ? /mismos \d+ días/ : /same \d+ days/);
    },
  );

  it.each([
    ['¿cuál es el cliente que más ha crecido?', 'es', false],
    ['which customers are growing the most?', 'en', false],
    ['customers whose purchases are falling', 'en', true],
    ['¿qué clientes están bajando sus compras?', 'es', true],
  ] as const)(
    '"%s" ranks customers over the last four weeks against the four before',
    async (q, lang, down) => {
      const r = await server().ask(q);
      expectAnsweredAs(q, r, 'movers', lang);
      const last = server().lastDay;
      const now = { from: daysAfter(last, -27), to: last };
      const before = { from: daysAfter(last, -55), to: daysAfter(last, -28) };
      expect(periods(r)).toEqual({ now, before });
      const expected = await movers(now, before, down);
      const d = r.data as { moved: number; customers: { customer: number }[] };
      expect({ q, moved: d.moved, ids: d.customers.map((c) => c.customer) }).toEqual({
        q,
        moved: expected.moved,
        ids: expected.ids,
      });
    },
  );

  it.each([
    ['compare this month with last month', 'en'],
    ['compara este mes con el mes pasado', 'es'],
  ] as const)('"%s" compares the month so far with the same days of last month', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'compare_periods', lang);
    const { now, before } = monthSoFar();
    const d = r.data as { current: Span & { period: Span }; previous: { period: Span } };
    expect({ now: d.current.period.from, before: [d.previous.period.from, d.previous.period.to] }).toEqual({
      now: now.from,
      before: [before.from, before.to],
    });
    expect(r.data).toMatchObject({
      current: await figures(now),
      previous: await figures(before),
      partial_days: Number(now.to.slice(8)),
    });
  });

  it('"ventas de este mes" sets the month so far beside the same days of last month', async () => {
    const r = await server().ask('ventas de este mes');
    expectAnsweredAs('ventas de este mes', r, 'sales_trend', 'es');
    const { before } = monthSoFar();
    const d = r.data as { previous: { period: Span; units: number } };
    expect([d.previous.period.from, d.previous.period.to]).toEqual([before.from, before.to]);
    expect(d.previous.units).toBeCloseTo((await figures(before)).units, 6);
  });

  it.each([
    ['¿qué clientes compran más?', 'top_customers'],
    ['¿qué clientes dejaron de comprar?', 'lapsed_customers'],
    ['¿qué productos crecieron?', 'movers'],
    ['¿están creciendo las ventas de los restaurantes?', 'sales_trend'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, customers: 'moved' in r.data && 'considered' in r.data }).toEqual({
      q,
      intent,
      customers: false,
    });
  });
});
