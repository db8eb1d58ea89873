import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { correctSpelling } from '../src/chat/understanding/spelling.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "what is 181101 mising this week" was read as a trend: "mising" is one edit from "rising" and
// from "missing", and the speller took the first in its list. A letter typed once where it is
// doubled is a far commoner slip than one letter typed for another, so ties now go to it.
const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([181101, 100001]),
  productIds: new Set([20230, 1370]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};

describe('a typo equally near two words goes to the likelier slip', () => {
  it.each([
    ['mising', 'missing'],
    ['mssing', 'missing'],
    ['misssing', 'missing'],
    ['rissing', 'rising'],
  ])('%s → %s', (typed, meant) => {
    expect(correctSpelling([typed], 'en')).toEqual([meant]);
    expect(correctSpelling([typed], 'es')).toEqual([meant]);
  });
});

describe('words farther than a typo from every keyword stay as written', () => {
  it.each(['placed', 'llover', 'corriendo', 'rising', 'missing'])('%s', (w) => {
    expect(correctSpelling([w], 'en')).toEqual([w]);
    expect(correctSpelling([w], 'es')).toEqual([w]);
  });
});

describe('questions with the slip read as meant', () => {
  it.each([
    ['what is 181101 mising this week', 'en', 'customer_history', { skipped: true }],
    ['what products is customer 181101 mising', 'en', 'customer_history', { skipped: true }],
    ['whats the 100001 mising lately', 'en', 'customer_history', { skipped: true }],
    // Guards: rising, as written or with a doubled letter, is still a rise.
    ['which products are rising this month', 'en', 'movers', {}],
    ['which products are rissing this month', 'en', 'movers', {}],
    ['que productos estan subiendo este mes', 'es', 'movers', {}],
    ['que productos le faltan al 181101 esta semana', 'es', 'customer_history', { skipped: true }],
    ['que productos le faltan al 181101 esta semaana', 'es', 'customer_history', { skipped: true }],
  ] as const)('%s', (q, lang, intent, flags) => {
    const u = understand(q, vocab, lang, undefined);
    expect(u.intent).toBe(intent);
    expect(u).toMatchObject(flags);
  });
});
