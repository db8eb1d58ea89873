import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "compare may against april" and "how did may do against april?" never read May: the English month
// that is also a verb counted only after "in", "during" or "for". It is now a month beside another
// month, before a year or after a word that compares; "may" the verb stays a verb. (The fixture's
// sales run from January to mid-May 2024.)
const server = useChatServer();

describe('"may" the month and "may" the verb', () => {
  it.each([
    ['compare may against april', '2024-05-01', '2024-04-01'],
    ['how did may do against april?', '2024-05-01', '2024-04-01'],
    ['april vs may sales', '2024-04-01', '2024-05-01'],
    ['sales of may 2024 compared with march 2024', '2024-05-01', '2024-03-01'],
  ])('%s', async (q, from, compareFrom) => {
    const r = await server().ask(q);
    expect({
      lang: r.lang,
      intent: r.intent,
      from: r.entities.period?.from,
      compareFrom: r.entities.compare_to?.from,
    }).toEqual({ lang: 'en', intent: 'compare_periods', from, compareFrom });
  });

  it.each([
    ['which customers may buy brand 7 next week?'],
    ['may I see the best sellers of last week?'],
    ['what may sell well to restaurants?'],
  ])('%s names no month', async (q) => {
    const r = await server().ask(q);
    expect(r.entities.period?.from ?? '').not.toMatch(/^2024-05-01$|^2023-05-01$/);
    expect(r.entities.period?.label ?? '').not.toMatch(/May/);
  });
});
