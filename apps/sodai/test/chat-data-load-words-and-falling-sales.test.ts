import { describe, expect, it } from 'vitest';
import { understand } from '../src/chat/understanding/understand.ts';
import type { Vocabulary } from '../src/chat/vocabulary.ts';

// Asked of the real data: "are sales falling?" got "the pipeline has never run" (the Spanish "falla",
// a failure, was read in "falling"), and "when was the last data load" / "last data refresh?" had no
// answer (only "carga", "lote", "update" named a batch). "Fall", "falls", "falling", "fallen" are
// sales going down; a data load or refresh is the last batch.
const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([101252]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined).intent;

describe('data load words and falling sales', () => {
  it.each([
    ['are sales falling?', 'en', 'sales_trend'],
    ['sales falling this month?', 'en', 'sales_trend'],
    ['did sales fall last week', 'en', 'sales_trend'],
    ['have sales fallen since october', 'en', 'sales_trend'],
    ['when was the last data load', 'en', 'last_batch'],
    ['last data refresh?', 'en', 'last_batch'],
    ['when was the data last loaded', 'en', 'last_batch'],
    ['whens the last data import', 'en', 'last_batch'],
  ] as const)('"%s" is %s', (q, lang, intent) => {
    expect({ q, intent: read(q, lang) }).toEqual({ q, intent });
  });

  it.each([
    ['¿falló el pipeline?', 'es', 'pipeline_last_run'],
    ['fallaron las corridas?', 'es', 'pipeline_last_run'],
    ['¿hubo alguna falla?', 'es', 'pipeline_last_run'],
    ['did the last run fail?', 'en', 'pipeline_last_run'],
    ['any failed runs', 'en', 'pipeline_last_run'],
    ['cuando fue la ultima carga de datos', 'es', 'last_batch'],
    ['los datos estan actualizados?', 'es', 'last_batch'],
    ['is brand 7 falling', 'en', 'sales_trend'],
  ] as const)('"%s" keeps %s', (q, lang, intent) => {
    expect({ q, intent: read(q, lang) }).toEqual({ q, intent });
  });
});
