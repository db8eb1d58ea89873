import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "¿qué cambió desde la semana pasada?" and "what changed since last week" were not understood.
// What is new against the week before is what the week's digest says (units, orders, customers
// against the week before, the best sellers, the model, the alerts).
const vocab: Vocabulary = {
  brands: new Map([['brand 31', 'Brand 31']]),
  customerIds: new Set([176403]),
  productIds: new Set([1370]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('what changed since last week is the week’s digest', () => {
  it.each([
    ['que cambio desde la semana pasada', 'es'],
    ['¿Qué ha cambiado respecto a la semana anterior?', 'es'],
    ['q cambio vs la ultima semana', 'es'],
    ['what changed since last week', 'en'],
    ["what's changed since last week?", 'en'],
    ['whats different compared to the previous week', 'en'],
  ] as const)('%s', (q, lang) => {
    const u = read(q, lang);
    expect({ intent: u.intent, digest: u.digest }).toEqual({ intent: 'compare_periods', digest: true });
  });
});

describe('guards: a change of the data, a customer’s change, the digest itself', () => {
  it.each([
    ['que cambio en los datos', 'es', 'drift_status', undefined],
    ['resumen de la semana', 'es', 'compare_periods', true],
    ['how was last week', 'en', 'compare_periods', true],
    ['que clientes compraron menos que la semana pasada', 'es', 'movers', undefined],
  ] as const)('%s', (q, lang, intent, digest) => {
    const u = read(q, lang);
    expect({ intent: u.intent, digest: u.digest }).toEqual({ intent, digest });
  });
});
