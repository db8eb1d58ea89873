import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Cuál fue el mejor día de ventas?" got the weekly trend of twelve weeks. The best or worst day
// ("el mejor día", "the busiest day", "el día con menos ventas") is now the day of the period
// (default the last 52 weeks) with the most or fewest units among the days with sales. "¿Qué día
// se vende más?" keeps asking which weekday. Checked against SQL over the same store.
const server = useChatServer();

interface Days {
  readonly days?: readonly { readonly day: string; readonly units: number }[];
}

/** The day with the most (or fewest) units from `from` to `to`, among days with sales. */
async function peakDay(end: 'best' | 'worst', from: string, to: string): Promise<string> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT purchase_date::DATE::VARCHAR AS day FROM transactions
     WHERE purchase_date >= DATE '${from}' AND purchase_date <= DATE '${to}'
     GROUP BY 1 HAVING sum(items) > 0 ORDER BY sum(items) ${end === 'best' ? 'DESC' : 'ASC'}, 1 LIMIT 1`,
  );
  return String(r!.day);
}

/** The Monday 51 weeks before the week of the last day: the default year of weeks. */
const yearStart = () => {
  const last = server().lastDay;
  const weekday = (new Date(`${last}T00:00:00Z`).getUTCDay() + 6) % 7;
  return daysAfter(last, -weekday - 7 * 51);
};

describe('the best or worst day', () => {
  it.each([
    ['¿cuál fue el mejor día de ventas?', 'es', 'best'],
    ['what was our busiest day?', 'en', 'best'],
    // Not tuned on.
    ['el peor dia de ventas', 'es', 'worst'],
    ['the day with the fewest sales', 'en', 'worst'],
    ['dia con mas ventas del año', 'es', 'best'],
  ] as const)('"%s"', async (q, lang, end) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    const first = (r.data as Days).days?.[0]?.day;
    const period = (r.data as { period?: { from: string; to: string } }).period;
    const from = period?.from ?? yearStart();
    expect({ q, day: first }).toEqual({ q, day: await peakDay(end, from, period?.to ?? server().lastDay) });
  });
});

describe('guards: the weekday and the best week keep their answers', () => {
  it('"¿qué día se vende más?" is the split by weekday', async () => {
    const r = await server().ask('¿qué día se vende más?');
    const end = (r.data as { end?: string }).end;
    expect({ intent: r.intent, end }).toEqual({ intent: 'sales_share', end: undefined });
  });

  it('"cuál fue la mejor semana" ranks weeks', async () => {
    const r = await server().ask('cual fue la mejor semana');
    expect({ intent: r.intent, days: (r.data as Days).days }).toEqual({
      intent: 'sales_trend',
      days: undefined,
    });
  });
});
