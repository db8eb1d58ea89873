import { isKnownWord } from './spelling.ts';

/**
 * Alone, words shorter than this are too often another word one letter away ("band", "bran" of
 * "brand"); beside the rest of a brand's name written as it is ("coka cola"), one letter shorter.
 */
const MIN_TYPO_LENGTH = 5;
const MIN_TYPO_LENGTH_IN_A_NAME = 4;

/** A phone's letter rows, each set half a key to the right of the one above. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Whether two letters sit side by side on the keyboard, where a thumb slips from one to the other. */
function besideOnKeyboard(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const r = ROWS.findIndex((row) => row.includes(a));
  if (r < 0) return false;
  const i = ROWS[r]!.indexOf(a);
  const near = [
    ROWS[r]![i - 1],
    ROWS[r]![i + 1],
    ROWS[r - 1]?.[i],
    ROWS[r - 1]?.[i + 1],
    ROWS[r + 1]?.[i - 1],
    ROWS[r + 1]?.[i],
  ];
  return near.includes(b);
}

/**
 * Whether `word` is `target` with one slip of the thumb, the first letter kept: two neighbours
 * swapped ("brnad"), a letter hit beside the right one ("brsnd") or doubled or added beside its
 * neighbour ("braand"), or one dropped. A letter replaced or added far from its key is another word
 * more often than a slip ("marco", "bland", "brandy"), as is a different first letter ("grand").
 *
 * @example
 * oneSlipFrom('brnad', 'brand'); // true
 * oneSlipFrom('brandy', 'brand'); // false
 */
export function oneSlipFrom(word: string, target: string, minLength = MIN_TYPO_LENGTH): boolean {
  if (word === target || word[0] !== target[0]) return false;
  if (Math.min(word.length, target.length) < minLength) return false;
  if (Math.abs(word.length - target.length) > 1) return false;
  let i = 0;
  while (i < word.length && word[i] === target[i]) i++;
  const [a, b] = [word.slice(i), target.slice(i)];
  if (a.length === b.length) {
    const swapped = a[0] === b[1] && a[1] === b[0] && a.slice(2) === b.slice(2);
    return swapped || (a.slice(1) === b.slice(1) && besideOnKeyboard(a[0], b[0]));
  }
  if (a.length < b.length) return a === b.slice(1);
  const added = a[0];
  const [before, after] = [word[i - 1], word[i + 1]];
  return (
    a.slice(1) === b &&
    (added === before || added === after || besideOnKeyboard(added, before) || besideOnKeyboard(added, after))
  );
}

/**
 * Whether a written word is a slip of a brand's word rather than a word of its own: one slip from it
 * ({@link oneSlipFrom}) and no word the assistant knows ("brands", "marcas" are plurals, not slips);
 * `inAName` when the rest of a brand's name is written beside it.
 */
export function slipOfBrandWord(word: string, brandWord: string, inAName = false): boolean {
  return (
    /^[a-z]+$/.test(word) &&
    oneSlipFrom(word, brandWord, inAName ? MIN_TYPO_LENGTH_IN_A_NAME : MIN_TYPO_LENGTH) &&
    !isKnownWord(word)
  );
}
