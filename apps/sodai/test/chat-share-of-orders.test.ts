import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatPercent, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué porcentaje de los pedidos tiene latas?" gave the share of units and
// of customers, never of orders. The share of one value now also gives the orders that hold it
// (a line bought, not a return), checked against SQL over the same store and period.
const server = useChatServer();

interface Answer {
  readonly period?: { readonly from: string; readonly to: string };
  readonly orders_share?: number;
}

describe('the share of orders that hold a value', () => {
  it.each([
    ['¿qué porcentaje de los pedidos tiene latas?', 'es', 'LATA', 'de los pedidos'],
    ['what share of orders include cans?', 'en', 'LATA', 'of the orders'],
    ['¿en qué porcentaje de los pedidos hay botellas?', 'es', 'BOTELLA', 'de los pedidos'],
  ] as const)('%s', async (q, lang, pkg, words) => {
    const r = await server().ask(q, lang);
    expect(r.intent).toBe('sales_share');
    const d = r.data as Answer;
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT (count(DISTINCT t.order_id) FILTER (WHERE p.package = '${pkg}' AND t.items > 0))::DOUBLE
                / count(DISTINCT t.order_id) FILTER (WHERE t.items > 0) AS share
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date BETWEEN DATE '${d.period!.from}' AND DATE '${d.period!.to}'`,
    );
    expect(d.orders_share).toBeCloseTo(Number(want!.share), 9);
    expect(r.answer).toContain(`${chatPercent(Number(want!.share), lang)} ${words}`);
  });
});
