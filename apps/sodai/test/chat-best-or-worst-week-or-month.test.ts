import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Cuál fue la semana con más ventas del año?" got the year's total. The best or worst week or
// month of a period (default the last 52 weeks) is named with its units, checked here against SQL
// over the same store: a week or month the data do not wholly cover is no worst one, and a period
// without one whole week of data is said so and the last 52 weeks used instead.
const server = useChatServer();

let first = '';
let last = '';
let brand = '';
beforeAll(async () => {
  last = server().lastDay;
  const [span] = await queryRows(
    server().fx.store.connection,
    `SELECT min(purchase_date)::DATE::VARCHAR AS first FROM transactions`,
  );
  first = String(span!.first);
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand FROM transactions JOIN products p USING (product_id) GROUP BY 1 ORDER BY sum(items) DESC, 1 LIMIT 1`,
  );
  brand = String(b!.brand);
});

type Grain = 'week' | 'month';

/** The best or worst week or month between `from` and `to`, the worst among whole ones only. */
async function expectedPeak(from: string, to: string, grain: Grain, end: 'best' | 'worst', where = 'TRUE') {
  const start = from > first ? from : first;
  const stop = to < last ? to : last;
  const bucketEnd = grain === 'week' ? `b + INTERVAL 6 DAY` : `b + INTERVAL 1 MONTH - INTERVAL 1 DAY`;
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH s AS (SELECT date_trunc('${grain}', purchase_date)::DATE AS b, sum(items)::DOUBLE AS units
                FROM transactions JOIN products p USING (product_id)
                WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where} GROUP BY 1)
     SELECT b::VARCHAR AS b, units FROM s
     WHERE ${end === 'best' ? 'TRUE' : `b >= DATE '${start}' AND (${bucketEnd})::DATE <= DATE '${stop}'`}
     ORDER BY units ${end === 'best' ? 'DESC' : 'ASC'}, b LIMIT 1`,
  );
  return { start: String(rows[0]!.b), units: Number(rows[0]!.units) };
}

const year = () => `${last.slice(0, 4)}-01-01`;
const weeks52 = () => {
  const monday = daysAfter(last, -((new Date(`${last}T00:00:00Z`).getUTCDay() + 6) % 7));
  return daysAfter(monday, -7 * 51);
};

describe('the best or worst week or month', () => {
  it.each([
    ['¿cuál fue la semana con más ventas del año?', 'es', 'week', 'best', 'year'],
    ['the busiest week this year', 'en', 'week', 'best', 'year'],
    ['¿qué semana vendimos menos este año?', 'es', 'week', 'worst', 'year'],
    ['which week sold the least?', 'en', 'week', 'worst', 'default'],
    ['la semana más floja', 'es', 'week', 'worst', 'default'],
    ['el peor mes', 'es', 'month', 'worst', 'default'],
    ['which month sold the most?', 'en', 'month', 'best', 'default'],
    ['¿cuál fue el mejor mes?', 'es', 'month', 'best', 'default'],
    ['what was our weakest month?', 'en', 'month', 'worst', 'default'],
  ] as const)('"%s" names it with its units', async (q, lang, grain, end, span) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    const from = span === 'year' ? year() : weeks52();
    const expected = await expectedPeak(from, last, grain, end);
    const d = r.data as {
      grain: string;
      end: string;
      fallback: boolean;
      peak: { start: string; units: number };
    };
    expect({ q, grain: d.grain, end: d.end, fallback: d.fallback, start: d.peak.start }).toEqual({
      q,
      grain,
      end,
      fallback: false,
      start: expected.start,
    });
    expect(d.peak.units).toBeCloseTo(expected.units, 6);
    expect(r.answer).toContain(chatNumber(expected.units, lang));
  });

  it.each([
    ['la mejor semana de la marca {b}', 'es', 'best'],
    ['worst week for brand {b}', 'en', 'worst'],
  ] as const)('"%s" ranks the weeks of that brand', async (q, lang, end) => {
    const r = await server().ask(q.replace('{b}', brand), lang);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    const expected = await expectedPeak(weeks52(), last, 'week', end, `p.brand = '${brand}'`);
    expect((r.data as { peak: { start: string } }).peak.start).toBe(expected.start);
  });

  it.each([
    ['la semana con más ventas de 2023', 'es', 'best'],
    ['which week of 2023 sold the least?', 'en', 'worst'],
  ] as const)('"%s" (no whole week of data) says so and looks at the last 52 weeks', async (q, lang, end) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    const expected = await expectedPeak(weeks52(), last, 'week', end);
    const d = r.data as { fallback: boolean; peak: { start: string } };
    expect({ q, fallback: d.fallback, start: d.peak.start }).toEqual({
      q,
      fallback: true,
      start: expected.start,
    });
    expect(r.answer).toMatch(
      lang === 'es' ? /ni una semana entera de datos/ : /not even one whole week of data/,
    );
  });

  it.each([
    ['best sellers this week', 'top_products'],
    ['¿qué producto se vendió más la semana pasada?', 'top_products'],
    ['¿cuál fue el mejor cliente del mes?', 'top_customers'],
    ['ventas de la semana pasada', 'sales_trend'],
    ['tendencia de ventas', 'sales_trend'],
    ['promedio de ventas por semana', 'sales_trend'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, peak: 'peak' in r.data }).toEqual({ q, intent, peak: false });
  });
});
