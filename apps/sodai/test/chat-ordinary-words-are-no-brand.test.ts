import { describe, expect, it } from 'vitest';
import { correctSpelling } from '../src/chat/understanding/spelling.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import type { Vocabulary } from '../src/chat/vocabulary.ts';

// Asked of the real data, the speller turned "brandy" (a drink) into "brand" and "marcha" (how things
// go) into "marca", so "ventas de brandy 7" read Brand 7. Real words near a keyword ("marcar",
// "marcadas", "branding", "marche") are now left as written, and brandy is a spirit, which a
// catalogue of soft drinks does not hold (said as such). Guards: typos of "marca"/"brand" and the
// words "marcas", "brands", "march" still read as before.
const vocab: Vocabulary = {
  brands: new Map([
    ['brand 7', 'Brand 7'],
    ['brand 24', 'Brand 24'],
  ]),
  customerIds: new Set([176403]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
  catalogueWords: new Set(['gaseosa', 'gaseosas', 'jugo', 'jugos', 'agua', 'aguas', 'bebidas']),
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('ordinary words are no brand', () => {
  it.each([
    ['brandy', 'es'],
    ['brandy', 'en'],
    ['brandies', 'en'],
    ['marcha', 'es'],
    ['marchas', 'es'],
    ['marcar', 'es'],
    ['marcadas', 'es'],
    ['marcados', 'es'],
    ['branding', 'en'],
    ['marche', 'es'],
    ['marked', 'en'],
  ] as const)('the speller leaves "%s" (%s) as written', (word, lang) => {
    expect(correctSpelling([word], lang)).toEqual([word]);
  });

  it.each([
    ['ventas de brandy 7', 'es'],
    ['brandy 7 sales last month', 'en'],
    ['cuanto brandy vendimos', 'es'],
    ['quien compra mas brandy', 'es'],
  ] as const)('"%s" names a spirit the catalogue lacks, not a brand', (q, lang) => {
    const u = read(q, lang);
    expect({ q, brand: u.entities.brand, kind: u.notInCatalogue?.en }).toEqual({
      q,
      brand: undefined,
      kind: 'spirits',
    });
  });

  it.each([
    ['como va la marcha de las ventas', 'es'],
    ['como va la marcha 7', 'es'],
    ['how is the branding of our products doing', 'en'],
  ] as const)('"%s" names no brand', (q, lang) => {
    expect({ q, brand: read(q, lang).entities.brand }).toEqual({ q, brand: undefined });
  });

  it.each([
    ['ventas de la marca 7', 'es', 'Brand 7'],
    ['ventas de la marka 7', 'es', 'Brand 7'],
    ['sales of brand 24', 'en', 'Brand 24'],
    ['brnad 24 ventas en octubre', 'es', 'Brand 24'],
    ['como va la marcha de la marca 7', 'es', 'Brand 7'],
  ] as const)('"%s" still names its brand (guard)', (q, lang, brand) => {
    expect({ q, brand: read(q, lang).entities.brand }).toEqual({ q, brand });
  });

  it.each([
    ['top marcas', 'es'],
    ['best brands last month', 'en'],
  ] as const)('"%s" still ranks brands (guard)', (q, lang) => {
    expect({ q, group_by: read(q, lang).entities.group_by }).toEqual({ q, group_by: 'brand' });
  });

  it('"sales in march" still names March (guard)', () => {
    expect(read('sales in march', 'en').entities.period).toMatchObject({
      from: '2024-03-01',
      to: '2024-03-31',
    });
  });
});
