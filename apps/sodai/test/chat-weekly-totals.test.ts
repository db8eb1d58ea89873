import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatNumber, useChatServer } from './chat-server.ts';

// "¿Cuál fue la peor semana?" got "I cannot answer that", and one week's total read "in 1 weeks".
const server = useChatServer();
let year: string;

interface Reply {
  intent: string;
  answer: string;
  entities: { period?: { from: string; to: string } };
}

const ask = (message: string, lang: 'es' | 'en') => server().ask<Reply>(message, lang);

/** Monday–Sunday weeks of `year` with their units, as the trend answer counts them. */
const weeksOf = async (from: string, to: string) =>
  (
    await queryRows(
      server().fx.store.connection,
      `SELECT date_trunc('week', purchase_date)::DATE::VARCHAR AS week, sum(items)::DOUBLE AS units
       FROM transactions WHERE purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1
       GROUP BY 1 ORDER BY 1`,
    )
  ).map((r) => ({ week: String(r.week), units: Number(r.units) }));

beforeAll(async () => {
  year = server().lastDay.slice(0, 4);
});

describe('the weekly totals', () => {
  it.each([
    // The best or worst week is the answer itself, not the trend's aside (chat-best-or-worst-week-or-month).
    ['¿cuál fue la peor semana de {year}?', 'es', 'worst', 'fue la semana del'],
    ['what was the worst week of {year}?', 'en', 'worst', 'was the week of'],
    ['which was the best week in {year}?', 'en', 'best', 'was the week of'],
  ] as const)('%s names that week, as the data have it', async (template, lang, end, words) => {
    const r = await ask(template.replace('{year}', year), lang);
    expect(r.intent).toBe('sales_trend');
    expect(r.entities.period).toMatchObject({ from: `${year}-01-01` });
    const weeks = await weeksOf(r.entities.period!.from, r.entities.period!.to);
    const pick =
      end === 'best'
        ? weeks.reduce((a, b) => (b.units > a.units ? b : a))
        : weeks.reduce((a, b) => (b.units < a.units ? b : a));
    expect(r.answer).toContain(`${words} ${chatDay(pick.week, lang)}`);
  });

  it('says one week as one week, not "in 1 weeks", and gives no half-against-half trend', async () => {
    const r = await ask('how many units did we sell last week?', 'en');
    expect(r.intent).toBe('sales_trend');
    const [week] = await weeksOf(r.entities.period!.from, r.entities.period!.to);
    expect(r.answer).toContain(`${chatNumber(week!.units, 'en')} units`);
    expect(r.answer).not.toMatch(/\b1 weeks\b|second half/);
  });
});
