import { SUBJECT_WORDS } from './subject-words.ts';
import { ADVICE_WORDS } from './advice-words.ts';
import { CUSTOMER_HISTORY_WORDS } from './customer-history-words.ts';
import { RANKING_WORDS } from './ranking-words.ts';
import { SALES_FIGURES_WORDS } from './sales-figures-words.ts';
import { MODEL_WORDS } from './model-words.ts';
import { OPERATIONS_WORDS } from './operations-words.ts';
import { PRODUCT_INFO_WORDS } from './product-info-words.ts';
import { COURTESY_WORDS } from './courtesy-words.ts';

/**
 * The vocabulary of each question family, as a sales force says it (Spanish of the sales floor,
 * Chilean and Latin-American, and English), over normalized, spell-corrected text: lower case, no
 * accents, no punctuation. Each entry is a regular-expression fragment matched on word boundaries.
 * Lists, not one long pattern, so a synonym is added where a reader looks for it.
 *
 * The lists live by intent family in their own modules (subject-words.ts, advice-words.ts, …);
 * this object joins them in one order, which the speller's lexicon follows.
 */
export const INTENT_WORDS = {
  ...SUBJECT_WORDS,
  ...ADVICE_WORDS,
  ...CUSTOMER_HISTORY_WORDS,
  ...RANKING_WORDS,
  ...SALES_FIGURES_WORDS,
  ...MODEL_WORDS,
  ...OPERATIONS_WORDS,
  ...PRODUCT_INFO_WORDS,
  ...COURTESY_WORDS,
} as const satisfies Record<string, readonly string[]>;

export type WordGroup = keyof typeof INTENT_WORDS;

/** Each group as one regular expression over whole words. */
export const GROUP_RE: Readonly<Record<WordGroup, RegExp>> = Object.fromEntries(
  Object.entries(INTENT_WORDS).map(([k, words]) => [k, new RegExp(`\\b(?:${words.join('|')})\\b`)]),
) as Record<WordGroup, RegExp>;
