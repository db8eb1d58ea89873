import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué marcas crecieron más entre octubre y noviembre?" and "which products
// grew the most from september to october?" gave the two months' totals: two periods named read as a
// comparison of totals, whatever was asked of them. Which brands or products rose or fell between two
// named periods now ranks them, the later period against the earlier, checked against SQL here.
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
  readonly partial_days?: number;
  readonly brands?: readonly Moved[];
  readonly products?: readonly Moved[];
}

/** Brands or products by units in two periods, the biggest rise (or fall) first, as SQL counts them. */
async function expectedMovers(byBrand: boolean, now: Period, before: Period, down: boolean) {
  const item = byBrand ? 'p.brand' : 't.product_id::VARCHAR';
  const inPeriod = (p: Period) => `t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'`;
  return queryRows(
    server().fx.store.connection,
    `SELECT * FROM (
       SELECT ${item} AS item,
              coalesce(sum(t.items) FILTER (WHERE ${inPeriod(now)}), 0)::DOUBLE AS units_now,
              coalesce(sum(t.items) FILTER (WHERE ${inPeriod(before)}), 0)::DOUBLE AS units_before
       FROM transactions t JOIN products p USING (product_id)
       WHERE (${inPeriod(now)}) OR (${inPeriod(before)})
       GROUP BY 1)
     WHERE greatest(units_now, units_before) >= 10 AND units_now ${down ? '<' : '>'} units_before
     ORDER BY units_now - units_before ${down ? 'ASC' : 'DESC'}, item LIMIT 5`,
  );
}

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: Answer;
}

describe('which items rose or fell between two named periods', () => {
  it.each([
    [
      '¿qué marcas crecieron más entre febrero y marzo?',
      'es',
      true,
      'up',
      '2024-03',
      '2024-02',
      'frente a febrero',
    ],
    [
      '¿qué marcas crecieron más en marzo frente a febrero?',
      'es',
      true,
      'up',
      '2024-03',
      '2024-02',
      'frente a febrero',
    ],
    [
      'which products fell the most in april compared with march?',
      'en',
      false,
      'down',
      '2024-04',
      '2024-03',
      'against March',
    ],
    [
      'which brands grew the most from january to february?',
      'en',
      true,
      'up',
      '2024-02',
      '2024-01',
      'against January',
    ],
  ] as const)('%s', async (q, lang, byBrand, direction, now, before, words) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('movers');
    const d = r.data;
    expect(d.direction).toBe(direction);
    expect(d.period.from.slice(0, 7)).toBe(now);
    expect(d.previous.from.slice(0, 7)).toBe(before);
    const want = await expectedMovers(byBrand, d.period, d.previous, direction === 'down');
    expect(want.length).toBeGreaterThan(0);
    const got = (byBrand ? d.brands : d.products) ?? [];
    expect(got.map((m) => String(byBrand ? m.brand : m.product))).toEqual(want.map((w) => String(w.item)));
    expect(got.map((m) => [m.units_now, m.units_before])).toEqual(
      want.map((w) => [Number(w.units_now), Number(w.units_before)]),
    );
    expect(r.answer).toContain(words);
  });

  it('a later period cut short by the data is set against the same days of the earlier one', async () => {
    const r = await server().ask<Reply>('¿qué productos crecieron más en mayo comparado con abril?', 'es');
    expect(r.intent).toBe('movers');
    const d = r.data;
    const lastDay = server().lastDay;
    const days = Number(lastDay.slice(8));
    expect(d.period).toMatchObject({ from: '2024-05-01', to: lastDay });
    expect(d.previous).toMatchObject({ from: '2024-04-01', to: `2024-04-${lastDay.slice(8)}` });
    expect(d.partial_days).toBe(days);
    const want = await expectedMovers(false, d.period, d.previous, false);
    expect((d.products ?? []).map((m) => m.product)).toEqual(want.map((w) => Number(w.item)));
    expect(r.answer).toContain('mismos');
  });

  it.each([
    ['¿cómo le fue a la marca 7 en marzo comparado con febrero?', 'es'],
    ['compara las ventas de marzo y febrero', 'es'],
    ['did sales grow in march compared with february?', 'en'],
  ] as const)('%s still compares the two totals', async (q, lang) => {
    expect((await server().ask<Reply>(q, lang)).intent).toBe('compare_periods');
  });
});
