/**
 * Shorthand a rep types on a phone, by the word it stands for. Whole words only, after
 * normalization: "q" is "que" but "quq" stays a typo for the spelling pass. Two-letter and
 * one-letter entries are unambiguous in a question to the assistant ("pa" is never "father" here).
 */
const SHORTHAND: Readonly<Record<string, readonly string[]>> = {
  q: ['que'],
  k: ['que'],
  ke: ['que'],
  xq: ['por', 'que'],
  pq: ['por', 'que'],
  porq: ['por', 'que'],
  pa: ['para'],
  pal: ['para', 'el'],
  pala: ['para', 'la'],
  cli: ['cliente'],
  clis: ['clientes'],
  prod: ['producto'],
  prods: ['productos'],
  prox: ['proxima'],
};

/**
 * The words with shorthand spelt out, so every later rule reads one spelling of each word.
 *
 * @example
 * expandShorthand(['a', 'q', 'cli', 'le', 'vendo', 'el', 'prod', '20230']);
 * // ['a', 'que', 'cliente', 'le', 'vendo', 'el', 'producto', '20230']
 */
export function expandShorthand(words: readonly string[]): string[] {
  return words.flatMap((w) => SHORTHAND[w] ?? [w]);
}
