import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "how many units did we sell in Q3?" was set against "the period before
// (Mar 31 – Jun 30)": the 92 days before 1 July, one day of Q1 in it, not Q2. A period of whole
// calendar months (a quarter, a half, several months) is now set against as many whole months
// before it, named "the quarter before"; a quarter the data end in (named whole, or "this quarter")
// against the same days of the quarter before, as a month already was in comparisons (a period's
// total, "ventas de mayo" on data to the 19th, was set against all of April). And "which customers
// have been buying more lately?" was refused: "lately" is now the recent weeks against those before.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly direction?: 'up' | 'down' };
  readonly data: { readonly period?: Period; readonly previous?: Period; readonly compare_to?: Period };
}

const units = async (p: Period) => {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'`,
  );
  return Number(r!.u);
};

describe('whole months against as many whole months before', () => {
  it('a whole quarter is set against the quarter before it', async () => {
    const r = await server().ask<Reply>('ventas del primer trimestre', 'es');
    expect(r.intent).toBe('sales_trend');
    expect(r.answer).toContain(
      `el trimestre anterior (${chatDay('2023-10-01', 'es')} – ${chatDay('2023-12-31', 'es')}`,
    );
  });

  // The fixture's data end in May: the second quarter so far is set against as many days of the first.
  it.each([
    ['how many units did we sell in Q2?', 'en', 'of the quarter before'],
    ['sales this quarter', 'en', 'the same days of the quarter before'],
    ['¿cuánto vendimos en el segundo trimestre?', 'es', 'del trimestre anterior'],
  ] as const)('%s', async (q, lang, words) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_trend');
    const days = daysBetween('2024-04-01', server().lastDay) + 1;
    const before = { from: '2024-01-01', to: daysAfter('2024-01-01', days - 1) };
    expect(r.answer).toContain(`${words} (${chatDay(before.from, lang)} – ${chatDay(before.to, lang)}`);
    expect(r.answer).toContain(chatNumber(await units(before), lang));
  });
});

describe('a month the data end in', () => {
  it('its total is set against the same days of the month before', async () => {
    const r = await server().ask<Reply>('ventas de mayo', 'es');
    expect(r.intent).toBe('sales_trend');
    const days = daysBetween('2024-05-01', server().lastDay) + 1;
    const before = { from: '2024-04-01', to: daysAfter('2024-04-01', days - 1) };
    expect(r.answer).toContain(
      `del mes anterior (${chatDay(before.from, 'es')} – ${chatDay(before.to, 'es')}`,
    );
    expect(r.answer).toContain(chatNumber(await units(before), 'es'));
  });
});

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe('lately', () => {
  it.each([
    ['which customers have been buying more lately?', 'en', 'up'],
    ['¿qué clientes están comprando menos últimamente?', 'es', 'down'],
  ] as const)('%s', async (q, lang, direction) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('movers');
    expect(r.entities.direction ?? 'up').toBe(direction);
  });
});
