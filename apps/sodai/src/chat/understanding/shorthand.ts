/** Spanish shorthand a rep types on a phone, by the words it stands for. */
const SPANISH: Readonly<Record<string, readonly string[]>> = {
  q: ['que'],
  k: ['que'],
  ke: ['que'],
  xq: ['por', 'que'],
  pq: ['por', 'que'],
  porq: ['por', 'que'],
  pa: ['para'],
  pal: ['para', 'el'],
  pala: ['para', 'la'],
  prox: ['proxima'],
  // "Ventas x mes", "unidades x pedido", "d cada marca": the letters stand for the prepositions.
  x: ['por'],
  d: ['de'],
};

/** English shorthand ("gonna", "custs", "hw often"). */
const ENGLISH: Readonly<Record<string, readonly string[]>> = {
  u: ['you'],
  r: ['are'],
  hw: ['how'],
  whos: ['who', 'is'],
  whats: ['what', 'is'],
  gonna: ['going', 'to'],
  wanna: ['want', 'to'],
  nxt: ['next'],
  wk: ['week'],
  wks: ['weeks'],
  pls: ['please'],
  plz: ['please'],
  cust: ['customer'],
  custs: ['customers'],
};

/** Shorthand both languages use; spelt out in Spanish, which every rule also reads. */
const EITHER: Readonly<Record<string, readonly string[]>> = {
  cli: ['cliente'],
  clis: ['clientes'],
  prod: ['producto'],
  prods: ['productos'],
};

const ALL: Readonly<Record<string, readonly string[]>> = { ...SPANISH, ...ENGLISH, ...EITHER };

/**
 * The words with shorthand spelt out, so every later rule reads one spelling of each word. Whole
 * words only, after normalization: "q" is "que", "quq" stays a typo for the spelling pass. The
 * one- and two-letter entries are unambiguous in a question to a sales assistant.
 *
 * @example
 * expandShorthand(['a', 'q', 'cli', 'le', 'vendo', 'el', 'prod', '20230']);
 * // ['a', 'que', 'cliente', 'le', 'vendo', 'el', 'producto', '20230']
 */
export function expandShorthand(words: readonly string[]): string[] {
  return words.flatMap((w) => ALL[w] ?? [w]);
}

/** Which language a shorthand word belongs to, if only one ("q" is Spanish, "gonna" English). */
export function shorthandLang(word: string): 'es' | 'en' | undefined {
  if (word in SPANISH) return 'es';
  if (word in ENGLISH) return 'en';
  return undefined;
}
