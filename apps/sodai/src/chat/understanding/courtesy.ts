import { GROUP_RE, INTENT_WORDS } from './intent-words.ts';

/**
 * What a message that asks nothing says: thanks, "ok", goodbye, a greeting, or a greeting that asks
 * how the assistant is.
 */
export type Courtesy = 'thanks' | 'agreement' | 'goodbye' | 'greeting' | 'how_are_you';

const alternatives = (phrases: readonly string[]) => phrases.map((p) => `(?:${p})`).join('|');

/** What may stand before a question and be dropped: thanks, "ok", goodbye, greetings. */
const DROPPABLE = alternatives([
  ...INTENT_WORDS.thanks,
  ...INTENT_WORDS.agreement,
  ...INTENT_WORDS.goodbye,
  ...INTENT_WORDS.greeting,
  'please',
  'por favor',
]);
const ANY = `${DROPPABLE}|${alternatives(INTENT_WORDS.howAreYou)}`;
/** Nothing but courtesy: "ok perfecto", "muchas gracias", "hola como estas". */
const ONLY = new RegExp(`^(?:(?:${ANY})(?: |$))+$`);
/** Courtesy before a question: "gracias y que le ofrezco al 1002", "hola cuantos clientes hay". */
const LEADING = new RegExp(`^(?:(?:${DROPPABLE}) )+(?=\\S)`);
/** "Cómo estás" before a question, once the greeting is gone: "(hola) como estas cuantos clientes hay". */
const LEADING_HOW_ARE_YOU = new RegExp(`^(?:(?:${alternatives(INTENT_WORDS.howAreYou)}) )+(?=\\S)`);

/**
 * The courtesy a normalized, spell-corrected message is made of, or undefined when it asks
 * anything: "ok, perfecto" is agreement, "perfect, thanks" is thanks, "hola" a greeting.
 *
 * @example
 * courtesyOf('muchas gracias'); // 'thanks'
 * courtesyOf('hola como estas'); // 'how_are_you'
 * courtesyOf('gracias que le ofrezco al 100001'); // undefined
 */
export function courtesyOf(text: string): Courtesy | undefined {
  if (text === '' || !ONLY.test(text)) return undefined;
  if (GROUP_RE.thanks.test(text)) return 'thanks';
  if (GROUP_RE.goodbye.test(text)) return 'goodbye';
  if (GROUP_RE.howAreYou.test(text)) return 'how_are_you';
  if (GROUP_RE.greeting.test(text)) return 'greeting';
  return 'agreement';
}

/**
 * A question without the courtesy before it, so "ok, ¿y el 1002?" is read as the follow-up "y el
 * 1002" and "hola, ¿qué le ofrezco al 1002?" as the question.
 *
 * @example
 * withoutCourtesy('ok y el 100002'); // 'y el 100002'
 */
export function withoutCourtesy(text: string): string {
  return text.replace(LEADING, '');
}

/**
 * A question without a "¿cómo estás?" before it, or the text as it was: for a question that means
 * nothing with it ("como estas cuantos clientes hay") but would with it dropped. Not dropped
 * unasked, since "¿qué tal las ventas?" is a question about sales.
 *
 * @example
 * withoutHowAreYou('como estas cuantos clientes hay'); // 'cuantos clientes hay'
 */
export function withoutHowAreYou(text: string): string {
  return text.replace(LEADING_HOW_ARE_YOU, '');
}
