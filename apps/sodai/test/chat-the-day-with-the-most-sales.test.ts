import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuál es el día con más ventas de diciembre?" gave the split by weekday
// ("el que más vende es el jueves"): "cuál es el día" read as "which day of the week". The day with
// the most (or fewest) sales names a date of the calendar, as "¿cuál fue el mejor día de
// diciembre?" did (26 dic 2024 on the real data); only "día de la semana", "weekday" or "which day
// of the week" ask for the weekday split. Checked against SQL over the same store.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly days?: readonly { readonly day: string; readonly units: number }[];
    readonly end?: string;
  };
}

/** The day with the most (or fewest) units between two days, among days with sales. */
async function peakDay(end: 'best' | 'worst', from: string, to: string): Promise<string> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT purchase_date::DATE::VARCHAR AS day FROM transactions
     WHERE purchase_date >= DATE '${from}' AND purchase_date <= DATE '${to}'
     GROUP BY 1 HAVING sum(items) > 0 ORDER BY sum(items) ${end === 'best' ? 'DESC' : 'ASC'}, 1 LIMIT 1`,
  );
  return String(r!.day);
}

describe('the day with the most sales of a period is a date', () => {
  it.each([
    ['¿cuál es el día con más ventas de marzo?', 'es', 'best', '03-01', '03-31'],
    ['what is the day with the most sales in april?', 'en', 'best', '04-01', '04-30'],
    ['cual es el dia con menos ventas de febrero', 'es', 'worst', '02-01', '02-29'],
    ['which is the day with the fewest sales in march?', 'en', 'worst', '03-01', '03-31'],
  ] as const)('"%s"', async (q, lang, end, from, to) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'sales_trend' });
    const year = server().lastDay.slice(0, 4);
    const period = r.data.period!;
    expect(period).toMatchObject({ from: `${year}-${from}`, to: `${year}-${to}` });
    const days = r.data.days ?? [];
    const want = await peakDay(end, period.from, period.to);
    expect(days[0]?.day).toBe(want);
    expect(r.answer).toContain(chatDay(want, lang));
  });

  it.each([
    ['¿cuál es el día de la semana con más ventas?', 'es'],
    ['which day of the week sells the most?', 'en'],
    ['¿qué día se vende más?', 'es'],
    ['which weekday has the most sales in april?', 'en'],
  ] as const)('"%s" is still the split by weekday', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent, end: r.data.end }).toEqual({ q, intent: 'sales_share', end: undefined });
  });
});
