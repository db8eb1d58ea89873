import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "who buys more 176403 or 188331" described 176403 alone: English "who … more" was no comparison
// word ("which … more" and Spanish "quién compra más" were). Both customers are now set side by side.
const vocab: Vocabulary = {
  brands: new Map([['brand 31', 'Brand 31']]),
  customerIds: new Set([176403, 188331, 181101]),
  productIds: new Set([1370, 11262]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('who of two buys or sells more', () => {
  it.each([
    ['who buys more 176403 or 188331', 'en', 'customers', [176403, 188331]],
    ['who orders more, customer 176403 or 188331?', 'en', 'customers', [176403, 188331]],
    ['who bought more last month 181101 or 176403', 'en', 'customers', [181101, 176403]],
    ['who sells more, 1370 or 11262?', 'en', 'products', [1370, 11262]],
    ['quien compra mas el 176403 o el 188331', 'es', 'customers', [176403, 188331]],
    ['quien pide mas, 181101 o 188331?', 'es', 'customers', [181101, 188331]],
  ] as const)('%s', (q, lang, side, ids) => {
    expect(read(q, lang).compared).toEqual({ side, ids });
  });
});

describe('guards: who alone is no comparison', () => {
  it.each([
    ['who is our best customer', 'en', 'top_customers'],
    ['who buys the most 1370', 'en', 'product_buyers'],
    ['quien compra mas el 1370', 'es', 'likely_buyers'],
    ['who bought 1370 last week', 'en', 'product_buyers'],
  ] as const)('%s', (q, lang, intent) => {
    const u = read(q, lang);
    expect({ intent: u.intent, compared: u.compared }).toEqual({ intent, compared: undefined });
  });
});
