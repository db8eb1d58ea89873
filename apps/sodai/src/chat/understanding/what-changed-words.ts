/** What, which, how: the question asks for the changes, not for a yes or no on drift. */
const WHAT = /\b(?:que|qué|cuales?|which|what|how)\b/;

/** Changing or moving. */
const CHANGE =
  /\b(?:cambi\w*|chang\w*|mov\w*|shift\w*|drifted|drifting|different|distint\w*|diferent\w*|nuevo|new)\b/;

/**
 * Whether a drift question asks what changed ("¿qué cambió en los datos?", "which features moved?",
 * "what's different in the data?") rather than whether there is drift ("¿hay drift?").
 *
 * @example
 * asksWhatChanged('what changed in the data'); // true
 * asksWhatChanged('hay drift en los datos'); // false
 */
export function asksWhatChanged(text: string): boolean {
  return WHAT.test(text) && CHANGE.test(text);
}
