import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { weekGaps } from '../src/chat/tools/data-gaps.ts';
import { chatDay, useChatServer } from './chat-server.ts';

// "Is data missing for any week?" was refused as data the platform does not hold. The weeks of the
// data's span (or of the period asked) with no sale at all, and the whole weeks with fewer days of
// sales than the usual week, are now said; checked against SQL over the same store.
const server = useChatServer();

interface Gaps {
  readonly from?: string;
  readonly to?: string;
  readonly weeks?: number;
  readonly missing_weeks?: readonly string[];
  readonly short_weeks?: readonly { readonly week: string; readonly days: number }[];
}

describe('weeks missing from the data', () => {
  it.each([
    ['is data missing for any week?', 'en'],
    ['are there any weeks with no data?', 'en'],
    ['any gaps in the sales data?', 'en'],
    ['which days are missing from the data?', 'en'],
    ['¿faltan datos de alguna semana?', 'es'],
    ['¿hay semanas sin ventas?', 'es'],
    ['¿hay huecos en los datos?', 'es'],
    ['¿qué semanas no tienen datos?', 'es'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q, lang);
    const d = r.data as Gaps;
    const [span] = await queryRows(
      server().fx.store.connection,
      `SELECT min(purchase_date)::DATE::VARCHAR AS first, max(purchase_date)::DATE::VARCHAR AS last,
              count(DISTINCT date_trunc('week', purchase_date))::DOUBLE AS weeks FROM transactions`,
    );
    expect({ q, intent: r.intent, from: d.from, to: d.to }).toEqual({
      q,
      intent: 'last_batch',
      from: span!.first,
      to: span!.last,
    });
    // The fixture sells every day of every week: nothing is missing, and the answer says so.
    expect({ q, missing: d.missing_weeks, short: d.short_weeks, weeks: d.weeks }).toEqual({
      q,
      missing: [],
      short: [],
      weeks: Number(span!.weeks),
    });
    expect(r.answer).toContain(lang === 'es' ? 'ninguna semana sin ventas' : 'no week without sales');
    expect(r.answer).toContain(chatDay(String(span!.first), lang));
  });

  it('"¿faltan datos en marzo?" looks at March only', async () => {
    const r = await server().ask('¿faltan datos de alguna semana en marzo?', 'es');
    const d = r.data as Gaps;
    expect({ intent: r.intent, from: d.from, to: d.to }).toEqual({
      intent: 'last_batch',
      from: r.entities.period!.from,
      to: r.entities.period!.to,
    });
  });

  it.each([
    ['what data is missing?', 'en'],
    ['¿hasta qué fecha hay datos?', 'es'],
  ] as const)('%s is not about weeks missing', async (q, lang) => {
    const r = await server().ask(q, lang);
    expect({ q, missing: (r.data as Gaps).missing_weeks }).toEqual({ q, missing: undefined });
  });
});

describe('weekGaps', () => {
  // Four weeks from Monday 1 Jan 2024 to Sunday 28 Jan, with every day sold but the second week
  // (none) and the third (Wednesday and Thursday missing).
  const days = Array.from({ length: 28 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 0, 1 + i));
    return d.toISOString().slice(0, 10);
  }).filter((d) => !(d >= '2024-01-08' && d <= '2024-01-14') && d !== '2024-01-17' && d !== '2024-01-18');

  it('names the week with no sale and the week short of days', () => {
    const g = weekGaps(days, '2024-01-01', '2024-01-28');
    expect(g).toEqual({
      weeks: 4,
      usual: 7,
      missing: ['2024-01-08'],
      short: [{ week: '2024-01-15', days: 5 }],
    });
  });

  it('does not call a week the span cuts short', () => {
    const g = weekGaps(
      days.filter((d) => d >= '2024-01-03'),
      '2024-01-03',
      '2024-01-28',
    );
    expect(g.short.map((s) => s.week)).toEqual(['2024-01-15']);
  });
});
