import type { ChatIntent } from '../../src/contract/api.ts';

/**
 * One evaluation question. `{c}`, `{c2}` (customers with history), `{p}` (a best-selling product),
 * `{b}` (its brand) are filled from the data, so the set runs on generated and real data alike.
 * `entities` lists what must be understood (other keys may be present); the period by its label.
 * `check`: `number` = SQL whose single value must appear in the answer (locale-formatted);
 * `phrase` = a regular expression the answer must match; `answered` = the answer must (not) be grounded.
 */
export interface EvalCase {
  readonly q: string;
  readonly intent: ChatIntent;
  readonly entities?: Readonly<Record<string, string | number>>;
  readonly check?: { readonly number: string } | { readonly phrase: string } | { readonly answered: boolean };
  /** Earlier turns of the same session (follow-ups). */
  readonly after?: readonly string[];
}
