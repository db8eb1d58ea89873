import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "average basket size per customer type" gave the customer master split
// by type ("The 1,569 registered customers by type: groceries 1,160 …"): a customer type and
// "per type" read as the customer mix before the order size was looked at. An order-size question
// split by customer type ("basket", "pedido", "canasta", "ticket") is now each type's units and lines
// per order, as "average order size by customer type" already was, checked against SQL here. The
// customers counted by type are unchanged.
const server = useChatServer();

interface Group {
  readonly value: string | null;
  readonly orders: number;
  readonly units_per_order: number;
  readonly lines_per_order: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly group_by?: string;
    readonly groups?: readonly Group[];
  };
}

describe('the order size split by customer type', () => {
  it.each([
    ['average basket size per customer type', 'en'],
    ['tamaño medio de pedido por tipo de cliente', 'es'],
    ['what is the average basket per type of customer?', 'en'],
    ['tamaño promedio de la canasta por tipo de cliente', 'es'],
    ['average ticket by customer type in april', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent, by: r.data.group_by }).toEqual({
      q,
      intent: 'order_size',
      by: 'customer_type',
    });
    const { from, to } = r.data.period!;
    const want = await queryRows(
      server().fx.store.connection,
      `WITH o AS (
         SELECT c.customer_type AS value, t.order_id, sum(t.items) AS units, count(*) AS lines
         FROM transactions t JOIN customers c USING (customer_id)
         WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
         GROUP BY ALL)
       SELECT value, count(*)::DOUBLE AS orders, avg(units)::DOUBLE AS per_order, avg(lines)::DOUBLE AS lines
       FROM o GROUP BY value ORDER BY per_order DESC`,
    );
    expect(want.length).toBeGreaterThan(1);
    const groups = r.data.groups!;
    expect(groups.map((g) => g.value)).toEqual(want.map((w) => String(w.value)));
    for (const [i, w] of want.entries()) {
      expect(groups[i]!.orders).toBe(Number(w.orders));
      expect(groups[i]!.units_per_order).toBeCloseTo(Number(w.per_order), 6);
      expect(groups[i]!.lines_per_order).toBeCloseTo(Number(w.lines), 6);
      expect(r.answer).toContain(chatNumber(Number(w.per_order), lang, 1));
    }
  });

  it.each([
    ['¿cuántos clientes hay de cada tipo?', 'customer_mix'],
    ['customers by type', 'customer_mix'],
    ['¿qué porcentaje de clientes son restaurantes?', 'customer_mix'],
  ] as const)('"%s" still counts the customers by type', async (q, intent) => {
    expect({ q, intent: (await server().ask<Reply>(q)).intent }).toEqual({ q, intent });
  });
});
