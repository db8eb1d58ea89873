import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "how sure is the model that 176403 buys 11262" got the model's record (version, F1), and "whats
// the odds 188331 orders 30500" the pair's history. How sure, the odds or the confidence, said of a
// customer and a product, ask the model's probability for that pair.
const vocab: Vocabulary = {
  brands: new Map([['brand 31', 'Brand 31']]),
  customerIds: new Set([176403, 188331]),
  productIds: new Set([11262, 30500]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('how sure the model is of a pair', () => {
  it.each([
    ['how sure is the model that 176403 buys 11262', 'en'],
    ['whats the odds 188331 orders 30500', 'en'],
    ['how confident are you customer 176403 will take 11262?', 'en'],
    ['que tan seguro esta el modelo del 176403 con el 11262', 'es'],
    ['q confianza hay en q el 188331 lleve el 30500', 'es'],
    ['que tan probable es que el 176403 pida el 30500', 'es'],
  ] as const)('%s', (q, lang) => {
    const u = read(q, lang);
    expect(u.intent).toBe('explain_recommendation');
    expect(u.entities.customer_id).toBeDefined();
    expect(u.entities.product_id).toBeDefined();
  });
});

describe('guards: the model alone, how often, the pair’s past', () => {
  it.each([
    ['how confident is the model', 'en', 'model_info'],
    ['que tan bueno es el modelo', 'es', 'model_performance'],
    ['que tan seguido compra el 176403 el 11262', 'es', 'customer_frequency'],
    ['has 188331 ever bought 30500', 'en', 'customer_history'],
  ] as const)('%s', (q, lang, intent) => {
    expect(read(q, lang).intent).toBe(intent);
  });
});
