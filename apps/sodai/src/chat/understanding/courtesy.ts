import { GROUP_RE, INTENT_WORDS } from './intent-words.ts';

/** What a message that asks nothing says: thanks, "ok", or goodbye. */
export type Courtesy = 'thanks' | 'agreement' | 'goodbye';

const PHRASE = [
  ...INTENT_WORDS.thanks,
  ...INTENT_WORDS.agreement,
  ...INTENT_WORDS.goodbye,
  'please',
  'por favor',
]
  .map((p) => `(?:${p})`)
  .join('|');
/** Nothing but courtesy: "ok perfecto", "muchas gracias", "thanks bye". */
const ONLY = new RegExp(`^(?:(?:${PHRASE})(?: |$))+$`);
/** Courtesy before a question: "gracias y que le ofrezco al 1002", "ok y el 1002". */
const LEADING = new RegExp(`^(?:(?:${PHRASE}) )+(?=\\S)`);

/**
 * The courtesy a normalized, spell-corrected message is made of, or undefined when it asks
 * anything: "ok, perfecto" is agreement, "perfect, thanks" is thanks.
 *
 * @example
 * courtesyOf('muchas gracias'); // 'thanks'
 * courtesyOf('gracias que le ofrezco al 100001'); // undefined
 */
export function courtesyOf(text: string): Courtesy | undefined {
  if (text === '' || !ONLY.test(text)) return undefined;
  if (GROUP_RE.thanks.test(text)) return 'thanks';
  if (GROUP_RE.goodbye.test(text)) return 'goodbye';
  return 'agreement';
}

/**
 * A question without the courtesy before it, so "ok, ¿y el 1002?" is read as the follow-up "y el
 * 1002" and "gracias, ¿qué le ofrezco al 1002?" as the question.
 *
 * @example
 * withoutCourtesy('ok y el 100002'); // 'y el 100002'
 */
export function withoutCourtesy(text: string): string {
  return text.replace(LEADING, '');
}
