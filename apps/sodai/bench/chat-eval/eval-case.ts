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

type Entities = Readonly<Record<string, string | number>>;

/** One case, as the sets write it: `E(question, intent, entities?, check?, earlier turns?)`. */
export const evalCase = (
  q: string,
  intent: ChatIntent,
  entities?: Entities,
  check?: EvalCase['check'],
  after?: string[],
): EvalCase => ({
  q,
  intent,
  ...(entities ? { entities } : {}),
  ...(check ? { check } : {}),
  ...(after ? { after } : {}),
});

/** Placeholders the bench fills from the data (see {@link EvalCase}). */
export const C = '{c}';
export const C2 = '{c2}';
export const P = '{p}';
export const B = '{b}';
/** The answer must be grounded / must honestly say it cannot answer. */
export const ANSWERED = { answered: true } as const;
export const REFUSED = { answered: false } as const;
/** The answer must hold the number of customers of type `t`. */
export const TYPE_COUNT = (t: string) => ({
  number: `SELECT count(*) FROM customers WHERE customer_type = '${t}'`,
});
