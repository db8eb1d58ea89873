import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatPercent, daysAfter, useChatServer } from './chat-server.ts';

// "¿Cuánto bajaron las ventas en enero respecto a diciembre?" on data ending 5 January said -86,9 %:
// five days of January against all of December, with no word of it. A month named whole whose
// days run past the data's last day is now compared with the same days of the month before, and
// said so; a side that starts before the data's first day is said to be covered only in part.
// Checked against SQL over the same store (the fixture's data end on Sunday 19 May 2024).
const server = useChatServer();

interface Side {
  readonly period: { readonly from: string; readonly to: string };
  readonly units: number;
}
interface Compared {
  readonly current?: Side;
  readonly previous?: Side;
  readonly partial_days?: number;
}

async function units(from: string, to: string): Promise<number> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(items), 0)::DOUBLE AS n FROM transactions
     WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}'`,
  );
  return Number(r!.n);
}

describe('comparisons of periods the data cover only in part', () => {
  it.each([
    ['¿cuánto bajaron las ventas en mayo respecto a abril?', 'es'],
    ['sales in may vs april', 'en'],
    ['compara mayo con abril', 'es'],
    ['ventas de mayo comparadas con las de abril', 'es'],
    ['how much did sales drop in may compared to april?', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q, lang);
    const d = r.data as Compared;
    const last = server().lastDay;
    const monthStart = `${last.slice(0, 8)}01`;
    const days = Number(last.slice(8));
    const before = { from: '2024-04-01', to: daysAfter('2024-04-01', days - 1) };
    expect({ q, intent: r.intent, now: d.current?.period, before: d.previous?.period }).toMatchObject({
      q,
      intent: 'compare_periods',
      now: { from: monthStart, to: last },
      before,
    });
    const now = await units(monthStart, last);
    const then = await units(before.from, before.to);
    expect(d.current!.units).toBeCloseTo(now, 6);
    expect(d.previous!.units).toBeCloseTo(then, 6);
    expect(d.partial_days).toBe(days);
    expect(r.answer).toContain(chatPercent(now / then - 1, lang));
    expect(r.answer).toContain(lang === 'es' ? 'incompleto' : 'partial');
    expect(r.answer).toContain(chatDay(last, lang));
  });

  it.each([
    ['compara del 25 de diciembre al 7 de enero con del 8 al 21 de enero', 'es', 'solo en parte'],
    ['ventas del 8 al 21 de enero frente a las del 25 de diciembre al 7 de enero', 'es', 'solo en parte'],
  ] as const)('%s says the side before the data is partly covered', async (q, lang, said) => {
    const r = await server().ask(q, lang);
    const [first] = await queryRows(
      server().fx.store.connection,
      'SELECT min(purchase_date)::DATE::VARCHAR AS d FROM transactions',
    );
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'compare_periods' });
    expect(r.answer).toContain(said);
    expect(r.answer).toContain(chatDay(String(first!.d), lang));
  });

  it('two whole months are compared whole, with no note', async () => {
    const r = await server().ask('compara abril con marzo', 'es');
    const d = r.data as Compared;
    expect(d.previous?.period).toMatchObject({ from: '2024-03-01', to: '2024-03-31' });
    expect(d.partial_days).toBeUndefined();
    expect(r.answer).not.toContain('incompleto');
    expect(r.answer).not.toContain('solo en parte');
  });
});
