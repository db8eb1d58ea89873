import type { Vocabulary } from '../vocabulary.ts';

/** A kind of product people ask a drinks distributor about, named in both languages. */
export interface ProductKind {
  readonly es: string;
  readonly en: string;
  /** A brand's name ("Coca-Cola"), not a kind of drink: the answer names the catalogue's brands. */
  readonly brand?: true;
}

/**
 * Kinds of product a question may name that a catalogue may not hold ("¿qué cliente compra más
 * cerveza?"), each with its words as regular-expression fragments over normalized text. Whether the
 * data holds one is read from its catalogue ({@link kindNotInCatalogue}), never assumed here.
 */
export const PRODUCT_KIND_WORDS: readonly (readonly [ProductKind, readonly string[]])[] = [
  [{ es: 'cerveza', en: 'beer' }, ['cervezas?', 'chelas?', 'beers?', 'lagers?']],
  [
    { es: 'vino', en: 'wine' },
    ['vinos?', 'wines?', 'espumantes?', 'champagne', 'champana', 'sidras?', 'ciders?'],
  ],
  [
    { es: 'licores', en: 'spirits' },
    [
      'licor(?:es)?',
      'liquors?',
      'spirits',
      'destilados?',
      'pisco',
      'whiske?y',
      'rum',
      'vodka',
      'tequila',
      // "Ventas de brandy" asks for a spirit, never a "brand".
      'brand(?:y|ies)',
      'gin',
    ],
  ],
  [{ es: 'café', en: 'coffee' }, ['cafe', 'cafes', 'coffees?']],
  [{ es: 'té', en: 'tea' }, ['tea', 'teas', 'infusion(?:es)?']],
  [{ es: 'leche y lácteos', en: 'milk and dairy' }, ['leches?', 'milk', 'lacteos', 'dairy', 'yogh?urt?s?']],
  [
    { es: 'bebidas energéticas', en: 'energy drinks' },
    ['energeticas?', 'energy drinks?', 'energizantes?', 'isotonicas?', 'sports? drinks?'],
  ],
  [
    { es: 'snacks y dulces', en: 'snacks and sweets' },
    [
      'snacks?',
      'papas fritas',
      'chips',
      'galletas?',
      'cookies',
      'dulces',
      'candy',
      'chocolates?',
      'helados?',
      'ice cream',
    ],
  ],
  [{ es: 'tabaco', en: 'tobacco' }, ['cigarr\\w+', 'cigarettes?', 'tabaco', 'tobacco']],
  // Well-known drinks brands: a catalogue whose brands are named otherwise holds none of them.
  [{ es: 'Coca-Cola', en: 'Coca-Cola', brand: true }, ['coca colas?', 'cocacolas?', 'cokes?']],
  [{ es: 'Pepsi', en: 'Pepsi', brand: true }, ['pepsis?']],
  [{ es: 'Sprite', en: 'Sprite', brand: true }, ['sprites?']],
  [{ es: 'Fanta', en: 'Fanta', brand: true }, ['fantas?']],
  [{ es: 'Inca Kola', en: 'Inca Kola', brand: true }, ['inca kolas?', 'incakolas?']],
  [{ es: '7 Up', en: '7 Up', brand: true }, ['7 up', 'seven up', 'sevenup']],
  [{ es: 'Red Bull', en: 'Red Bull', brand: true }, ['red bull', 'redbull']],
  [{ es: 'Gatorade', en: 'Gatorade', brand: true }, ['gatorade']],
  [{ es: 'Powerade', en: 'Powerade', brand: true }, ['powerade']],
  [{ es: 'Schweppes', en: 'Schweppes', brand: true }, ['schweppes']],
];

const COMPILED = PRODUCT_KIND_WORDS.map(
  ([kind, words]) => [kind, new RegExp(`\\b(?:${words.join('|')})\\b`, 'g')] as const,
);

/**
 * A word as the catalogue may hold it: itself, and without a plural ending ("cervezas" asked of a
 * catalogue that says "cerveza", "cafes" of one that says "cafe"); the catalogue's words are kept
 * the same way ({@link catalogueWordForms}), so either side may be the plural.
 */
export function catalogueWordForms(word: string): string[] {
  return [word, word.replace(/s$/, ''), word.replace(/es$/, '')];
}

/**
 * The kind of product a question names that the data's catalogue does not hold, if any: its words
 * are looked for in the catalogue's own values (categories, sub-categories, segments, packages,
 * brands), so a catalogue with a beer category is asked about beer as usual.
 *
 * @example
 * kindNotInCatalogue('que cliente compra mas cerveza', vocab); // { es: 'cerveza', en: 'beer' }
 */
export function kindNotInCatalogue(text: string, vocab: Vocabulary): ProductKind | undefined {
  const catalogue = vocab.catalogueWords;
  if (!catalogue) return undefined;
  for (const [kind, re] of COMPILED) {
    const said = [...text.matchAll(re)].flatMap((m) => m[0].split(' '));
    if (said.length > 0 && !said.some((w) => catalogueWordForms(w).some((f) => catalogue.has(f))))
      return kind;
  }
  return undefined;
}

/** Every word above, for the speller (so "cervezas" is never corrected into another keyword). */
export const PRODUCT_KIND_FRAGMENTS: readonly string[] = PRODUCT_KIND_WORDS.flatMap(([, words]) => words);
