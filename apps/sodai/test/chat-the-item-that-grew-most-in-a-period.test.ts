import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuál es la marca que más creció este trimestre?" gave unknown, while
// "¿qué marcas crecieron más entre octubre y noviembre?" ranked the brands: only "qué / cuáles /
// which" before the noun read as items asked for, not "cuál es la marca" nor "la marca que". One
// period named with a rise or fall now ranks the items against the period before (like for like
// when the data cut it), checked against SQL over the two periods the answer names.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Moved {
  readonly brand?: string;
  readonly product?: number;
  readonly units_now: number;
  readonly units_before: number;
}
interface Answer {
  readonly period: Period;
  readonly previous: Period;
  readonly direction: 'up' | 'down';
  readonly brands?: readonly Moved[];
  readonly products?: readonly Moved[];
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly group_by?: string };
  readonly data: Answer;
}

/** The item that rose (or fell) most between two periods, as SQL counts it (10 units at least). */
async function topMover(byBrand: boolean, now: Period, before: Period, down: boolean) {
  const item = byBrand ? 'p.brand' : 't.product_id::VARCHAR';
  const inPeriod = (p: Period) => `t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'`;
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT * FROM (
       SELECT ${item} AS item,
              coalesce(sum(t.items) FILTER (WHERE ${inPeriod(now)}), 0)::DOUBLE AS units_now,
              coalesce(sum(t.items) FILTER (WHERE ${inPeriod(before)}), 0)::DOUBLE AS units_before
       FROM transactions t JOIN products p USING (product_id)
       WHERE (${inPeriod(now)}) OR (${inPeriod(before)})
       GROUP BY 1)
     WHERE greatest(units_now, units_before) >= 10 AND units_now ${down ? '<' : '>'} units_before
     ORDER BY units_now - units_before ${down ? 'ASC' : 'DESC'}, item LIMIT 1`,
  );
  return top;
}

describe('the brand or product that grew or fell most in one period named', () => {
  // The fixture ends on 19 May 2024: this month is May, this quarter the second one, both cut short.
  it.each([
    ['¿cuál es la marca que más creció este trimestre?', 'es', true, 'up', '2024-04-01', '2024-01-01'],
    ['la marca que más bajó este mes', 'es', true, 'down', '2024-05-01', '2024-04-01'],
    ['¿cuál fue el producto que más cayó este mes?', 'es', false, 'down', '2024-05-01', '2024-04-01'],
    ['which brand grew the most this quarter?', 'en', true, 'up', '2024-04-01', '2024-01-01'],
    ['the product that dropped the most this month', 'en', false, 'down', '2024-05-01', '2024-04-01'],
  ] as const)('%s', async (q, lang, byBrand, direction, from, previousFrom) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('movers');
    expect(r.entities.group_by).toBe(byBrand ? 'brand' : undefined);
    expect(r.data.direction).toBe(direction);
    expect(r.data.period.from).toBe(from);
    expect(r.data.period.to).toBe(server().lastDay);
    expect(r.data.previous.from).toBe(previousFrom);
    const top = await topMover(byBrand, r.data.period, r.data.previous, direction === 'down');
    const got = (byBrand ? r.data.brands : r.data.products)?.[0];
    expect(String(got?.brand ?? got?.product)).toBe(String(top!.item));
    expect(got?.units_now).toBe(Number(top!.units_now));
    expect(got?.units_before).toBe(Number(top!.units_before));
  });

  it.each([
    ['¿cuál es el cliente que más creció este mes?', 'movers'],
    ['¿están creciendo las ventas este mes?', 'sales_trend'],
  ] as const)('%s is still answered as before', async (q, intent) => {
    const r = await server().ask<Reply>(q);
    expect(r.intent).toBe(intent);
    expect(r.data.brands).toBeUndefined();
    expect(r.data.products).toBeUndefined();
  });
});
