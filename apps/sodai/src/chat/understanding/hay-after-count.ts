import type { Lang } from '../../contract/api.ts';

/** "Cuántos", "cuántas": a count that "hay" (there are) often follows. */
const COUNT_WORD = /^cuant[oa]s?$/;
/** Words before a noun: after one of them "ai" is the noun AI ("la ai", "de la ai"). */
const DETERMINERS = new Set([
  'la',
  'el',
  'una',
  'un',
  'tu',
  'su',
  'mi',
  'de',
  'del',
  'al',
  'esta',
  'este',
  'esa',
  'ese',
  'nuestra',
  'nuestro',
  'con',
  'por',
  'sin',
]);
/** "hay" as it sounds, typed on a phone; "ai" is also AI, which the model's words include. */
const SOUNDS_LIKE_HAY = new Set(['ai', 'ay', 'hai']);

/**
 * A Spanish question's words with "ai"/"ay" read as "hay" where a count word comes before them and
 * no determiner right before: "kuantos klientes ai" asks how many customers there are, not about the
 * AI; "¿cuántas semanas usa la ai?" still names the AI.
 *
 * @example
 * hayAfterCount(['cuantos', 'clientes', 'ai'], 'es'); // ['cuantos', 'clientes', 'hay']
 * hayAfterCount(['cuantas', 'semanas', 'usa', 'la', 'ai'], 'es'); // unchanged
 */
export function hayAfterCount(words: readonly string[], lang: Lang): string[] {
  if (lang !== 'es') return [...words];
  let counting = false;
  return words.map((word, i) => {
    if (COUNT_WORD.test(word)) counting = true;
    const before = i > 0 ? words[i - 1]! : '';
    return counting && SOUNDS_LIKE_HAY.has(word) && !DETERMINERS.has(before) ? 'hay' : word;
  });
}
