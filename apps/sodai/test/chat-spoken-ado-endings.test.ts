import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { correctSpelling } from '../src/chat/understanding/spelling.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "cuanto vendio la marka 31 el mes pasao" answered for the last 12 weeks: "pasao", spoken Spanish
// for "pasado", named no period. A word whose "-ado" / "-ada" form the assistant knows is now read
// as that form, so an elided question means what its written-out twin means.
const vocab: Vocabulary = {
  brands: new Map([['brand 31', 'Brand 31']]),
  customerIds: new Set([188331, 176403]),
  productIds: new Set([1370, 11262]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en' = 'es') => understand(q, vocab, lang, undefined);

describe('an elided "-ado" reads as the full word', () => {
  it.each([
    ['cuanto vendio la marka 31 el mes pasao', 'cuanto vendio la marka 31 el mes pasado'],
    ['que compro el 188331 la semana pasaa', 'que compro el 188331 la semana pasada'],
    ['ventas del ano pasao', 'ventas del ano pasado'],
    ['cuanto se vendio del 1370 el trimestre pasao', 'cuanto se vendio del 1370 el trimestre pasado'],
    ['q clientes han dejao de comprar', 'q clientes han dejado de comprar'],
  ])('%s', (elided, full) => {
    const u = read(elided);
    expect(u.intent).not.toBe('unknown');
    expect(u).toEqual(read(full));
  });

  it('the period of the missed question is the month before', () => {
    expect(read('cuanto vendio la marka 31 el mes pasao').entities).toMatchObject({
      brand: 'Brand 31',
      period: { label: 'el último mes' },
    });
  });
});

describe('words that only end like one are left alone', () => {
  it.each(['ciao', 'cacao', 'bacalao', 'last', 'month'])('%s', (w) => {
    expect(correctSpelling([w], 'es')).toEqual([w]);
    expect(correctSpelling([w], 'en')).toEqual([w]);
  });

  it('English questions about last month keep their period', () => {
    expect(read('how much did brand 31 sell last month', 'en').entities.period).toMatchObject({
      from: '2024-12-01',
      to: '2024-12-31',
    });
  });
});
