import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "when was the data last updated" and "¿qué tan nuevos son los datos?" were not understood. How
// fresh the data is (last updated, up to date, al día) is what the last batch loaded says, as for
// "¿los datos están al día?".
const vocab: Vocabulary = {
  brands: new Map([['brand 31', 'Brand 31']]),
  customerIds: new Set([176403]),
  productIds: new Set([11262]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('how fresh the data is', () => {
  it.each([
    ['when was the data last updated', 'en'],
    ['is the data up to date?', 'en'],
    ['when were sales last refreshed', 'en'],
    ['que tan nuevos son los datos', 'es'],
    ['los datos estan al dia?', 'es'],
    ['cuando se actualizaron los datos', 'es'],
  ] as const)('%s', (q, lang) => {
    expect(read(q, lang).intent).toBe('last_batch');
  });
});

describe('guards: the model’s freshness, a customer, a batch', () => {
  it.each([
    ['when was the model last updated', 'en', 'model_info'],
    ['el modelo esta actualizado?', 'es', 'model_info'],
    ['ventas del 176403 al dia de hoy', 'es', 'customer_history'],
  ] as const)('%s', (q, lang, intent) => {
    const u = read(q, lang);
    expect({ intent: u.intent, dataCoverage: u.dataCoverage }).toEqual({ intent, dataCoverage: undefined });
  });

  it('the last batch keeps its own answer', () => {
    expect(read('cuando fue la ultima carga de datos', 'es')).toMatchObject({ intent: 'last_batch' });
  });
});
