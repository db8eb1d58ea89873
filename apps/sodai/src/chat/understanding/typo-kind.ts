/**
 * How likely a typo is, for choosing between two words equally far from it: typing on a phone
 * drops or doubles a letter far more often than it swaps one for another, so "mising" is "missing"
 * (a doubled "s" typed once) before "rising" (an "m" for an "r"), and "rissing" is "rising".
 */

/** Whether `short` is `long` with exactly one letter left out (`long` one letter longer). */
function oneLetterLeftOut(short: string, long: string): boolean {
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** Whether the letter at `at` in `word` stands beside the same letter (one of a doubled pair). */
function isDoubled(word: string, at: number): boolean {
  return word[at] === word[at - 1] || word[at] === word[at + 1];
}

/** Where `short` and `long` part: the index of the letter `long` has and `short` lacks. */
function firstDifference(short: string, long: string): number {
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return i;
}

/**
 * A rank of the slip that turns `meant` into `typed`, lower for the more common: 0 a doubled letter
 * typed once or a single letter typed twice, 1 another letter left out or added, 2 anything else
 * (a letter swapped for another, two letters changed).
 *
 * @example
 * typoRank('mising', 'missing'); // 0
 * typoRank('mising', 'rising'); // 2
 * typoRank('rissing', 'rising'); // 0
 */
export function typoRank(typed: string, meant: string): number {
  const [short, long] = typed.length < meant.length ? [typed, meant] : [meant, typed];
  if (!oneLetterLeftOut(short, long)) return 2;
  return isDoubled(long, firstDifference(short, long)) ? 0 : 1;
}

/**
 * Of words equally near a typo, the one its likeliest slip came from; the first of them (the
 * lexicon's order) when slips tie.
 *
 * @example
 * likeliestMeant('mising', ['rising', 'missing']); // 'missing'
 */
export function likeliestMeant(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestRank = Infinity;
  for (const candidate of candidates) {
    const rank = typoRank(typed, candidate);
    if (rank < bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}
