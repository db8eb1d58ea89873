import { describe, expect, it } from 'vitest';
import { oneSlipFrom } from '../src/chat/understanding/brand-typo.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { useChatServer } from './chat-server.ts';

// Customers' and products' words already survive a typo ("clinete", "prodcuto": the speller), brands
// did not: "brnad 7 ventas en octubre" read product 7, "marac 7" a count of 7. A brand is now read
// through one slip of the thumb (two letters swapped, a key beside the right one, a letter doubled)
// in "marca"/"brand" before a brand's number, or in one word of a brand's name of two words or more
// with the rest as written. Guards: ordinary words one letter from "brand"/"marca" and plurals stay
// what they are, and a brand of one word is never guessed at.
const vocab: Vocabulary = {
  brands: new Map([
    ['brand 7', 'Brand 7'],
    ['brand 24', 'Brand 24'],
    ['coca cola', 'COCA COLA'],
    ['andes', 'ANDES'],
  ]),
  customerIds: new Set([101252]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en' = 'es') => understand(q, vocab, lang, undefined);

describe('brand names with a slip', () => {
  it.each([
    ['brnad 24 ventas en octubre', 'es', 'Brand 24'],
    ['ventas de la marac 7', 'es', 'Brand 7'],
    ['top productos de la mraca 24', 'es', 'Brand 24'],
    ['sales of brsnd 7 last month', 'en', 'Brand 7'],
    ['best sellers of barnd 24', 'en', 'Brand 24'],
    ['cuanto vendio la marxa 7', 'es', 'Brand 7'],
    ['ventas de coca cloa', 'es', 'COCA COLA'],
    ['how is cooca cola doing', 'en', 'COCA COLA'],
  ] as const)('"%s" names the brand', (q, lang, brand) => {
    const u = read(q, lang);
    expect({ q, brand: u.entities.brand, product: u.entities.product_id }).toEqual({
      q,
      brand,
      product: undefined,
    });
  });

  it.each([
    ['top brands 7', 'en'],
    ['top marcas 7', 'es'],
    ['ventas grand 7', 'es'],
    ['ventas de marco 7', 'es'],
    ['bland 7 sales', 'en'],
    ['braid 24 sales', 'en'],
    ['ventas bran 7', 'es'],
    ['band 24 sales', 'en'],
    ['como andas', 'es'],
    ['ventas de andas', 'es'],
    ['cuantas marcas hay', 'es'],
    ['dame 7 productos', 'es'],
  ] as const)('"%s" names no brand', (q, lang) => {
    expect({ q, brand: read(q, lang).entities.brand }).toEqual({ q, brand: undefined });
  });

  it.each([
    ['brnad', 'brand', true],
    ['braand', 'brand', true],
    ['brsnd', 'brand', true],
    ['grand', 'brand', false],
    ['bland', 'brand', false],
    ['brandy', 'brand', false],
    ['marco', 'marca', false],
    ['marac', 'marca', true],
  ] as const)('"%s" is one slip from "%s": %s', (word, target, slip) => {
    expect(oneSlipFrom(word, target)).toBe(slip);
  });
});

describe('brand names with a slip, answered', () => {
  const server = useChatServer();

  it.each([
    ['ventas de la marac {n} el mes pasado', 'ventas de la marca {n} el mes pasado', 'es'],
    ['top products of brnad {n}', 'top products of brand {n}', 'en'],
  ] as const)('"%s" gets the answer of the brand written right', async (slipped, right, lang) => {
    const n = (await server().ask('top 1 marcas', 'es')).answer.match(/Brand (\d+)/)![1]!;
    const [a, b] = await Promise.all([
      server().ask(slipped.replace('{n}', n), lang),
      server().ask(right.replace('{n}', n), lang),
    ]);
    expect({ intent: a.intent, entities: a.entities, answer: a.answer }).toEqual({
      intent: b.intent,
      entities: b.entities,
      answer: b.answer,
    });
    expect(a.entities.brand).toBe(`Brand ${n}`);
  });
});
