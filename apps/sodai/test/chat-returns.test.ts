import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "¿Cuántas devoluciones hubo el último mes?" and "which customers return the most?" had no answer.
// Returns are the transaction lines with negative items: a period's total (lines, orders,
// customers, units returned) or the customers or products that returned most, checked here against
// SQL over the same store.
const server = useChatServer();

interface Span {
  readonly from: string;
  readonly to: string;
}

const april = (): Span => ({
  from: `${server().lastDay.slice(0, 4)}-04-01`,
  to: `${server().lastDay.slice(0, 4)}-04-30`,
});
const lastWeek = (): Span => ({ from: daysAfter(server().lastDay, -6), to: server().lastDay });
const last4Weeks = (): Span => ({ from: daysAfter(server().lastDay, -27), to: server().lastDay });

const within = ({ from, to }: Span) => `purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1`;

async function total(span: Span) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT count(*)::DOUBLE AS lines, count(DISTINCT order_id)::DOUBLE AS orders,
            count(DISTINCT customer_id)::DOUBLE AS customers, -sum(items)::DOUBLE AS returned
     FROM transactions WHERE items < 0 AND ${within(span)}`,
  );
  return {
    lines: Number(r!.lines),
    orders: Number(r!.orders),
    customers: Number(r!.customers),
    returned: Number(r!.returned),
  };
}

async function ranked(by: 'customer_id' | 'product_id', span: Span) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT ${by}::DOUBLE AS id, -sum(items) AS returned, count(*) AS lines, count(*) OVER ()::DOUBLE AS n
     FROM transactions WHERE items < 0 AND ${within(span)}
     GROUP BY 1 ORDER BY returned DESC, lines DESC, id LIMIT 5`,
  );
  return { found: Number(rows[0]?.n ?? 0), ids: rows.map((r) => String(r.id)) };
}

describe('returns', () => {
  it.each([
    ['¿cuántas devoluciones hubo el último mes?', 'es', april],
    ['how many returns were there last month?', 'en', april],
    ['¿cuánto se devolvió la semana pasada?', 'es', lastWeek],
    ['returned units in April', 'en', april],
    ['devoluciones de abril', 'es', april],
  ] as const)('"%s" gives the period\'s returns', async (q, lang, span) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    const expected = await total(span());
    expect(expected.lines).toBeGreaterThan(0);
    const d = r.data as { period: Span; lines: number; orders: number; customers: number; returned: number };
    expect({ from: d.period.from, to: d.period.to }).toEqual(span());
    expect({ lines: d.lines, orders: d.orders, customers: d.customers }).toEqual({
      lines: expected.lines,
      orders: expected.orders,
      customers: expected.customers,
    });
    expect(d.returned).toBeCloseTo(expected.returned, 6);
  });

  it.each([
    ['which customers return the most?', 'en', 'customer_id', 'top_customers', last4Weeks],
    ['¿qué clientes devuelven más?', 'es', 'customer_id', 'top_customers', last4Weeks],
    ['¿quiénes devolvieron más en abril?', 'es', 'customer_id', 'top_customers', april],
    ['which products are returned the most?', 'en', 'product_id', 'top_products', last4Weeks],
    ['¿qué productos tienen más devoluciones?', 'es', 'product_id', 'top_products', last4Weeks],
  ] as const)('"%s" ranks by units returned', async (q, lang, by, intent, span) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, intent, lang);
    const expected = await ranked(by, span());
    expect(expected.found).toBeGreaterThan(0);
    expect((r.data as { found: number }).found).toBe(expected.found);
    expect(tableColumn(r, 1)).toEqual(expected.ids);
  });

  it.each([
    ['ventas de la semana pasada', 'sales_trend'],
    ['¿qué clientes compran más?', 'top_customers'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, returns: 'returned' in r.data || 'returns' in r.data }).toEqual({
      q,
      intent,
      returns: false,
    });
  });
});
