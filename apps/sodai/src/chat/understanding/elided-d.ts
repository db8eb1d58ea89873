/**
 * Spoken Spanish drops the "d" of "-ado": "el mes pasao", "lo que ha comprao", "los productos
 * compraos". Reps write it as they say it; the rules know only the full word.
 */
const ELIDED = /^(\w{2,}a)(os?|as?)$/;

/**
 * The full "-ado" / "-ada" word an elided one stands for, when `isKnown` knows it ("pasao" →
 * "pasado", "compraos" → "comprados"); undefined for any other word.
 *
 * @example
 * restoredD('pasao', (w) => w === 'pasado'); // 'pasado'
 * restoredD('ciao', (w) => w === 'pasado'); // undefined
 */
export function restoredD(word: string, isKnown: (word: string) => boolean): string | undefined {
  const m = ELIDED.exec(word);
  if (!m) return undefined;
  const full = `${m[1]}d${m[2]}`;
  return isKnown(full) ? full : undefined;
}
