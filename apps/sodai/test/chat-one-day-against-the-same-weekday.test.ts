import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "how many orders did we get yesterday?" set Tuesday 31 December against
// Monday 30 December, "the period before", and read a fall of 79.7 %: a Monday against a Tuesday says
// more about the weekdays than about the business. One day is now set against the same weekday of the
// week before, named so.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
}

describe('one day against the same weekday of the week before', () => {
  it.each([
    ['how many orders did we get yesterday?', 'en', 'the same weekday of the week before'],
    ['¿cuánto vendimos ayer?', 'es', 'el mismo día de la semana anterior'],
  ] as const)('%s', async (q, lang, words) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_trend');
    const before = daysAfter(server().lastDay, -7);
    expect(r.answer).toContain(`${words} (${chatDay(before, lang)}`);
    const [u] = await queryRows(
      server().fx.store.connection,
      `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date = DATE '${before}'`,
    );
    expect(r.answer).toContain(chatNumber(Number(u!.u), lang));
  });
});
