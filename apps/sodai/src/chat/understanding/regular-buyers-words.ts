import { GROUP_RE } from './intent-words.ts';

/**
 * Buying as a habit, week after week: "todas las semanas", "cada semana", "every week", "weekly",
 * "regularmente", "siempre", "fijos". A weekday ("cada lunes") is a habit of its own (weekday-words.ts).
 */
const EVERY_WEEK =
  /\b(?:todas las semanas|cada semana|semana a semana|semana tras semana|semanalmente|every (?:single )?week|each week|week after week|weekly|regularmente|con regularidad|regularly|regular(?:es)?|siempre|always|consistently|constantemente|fijos?|habitualmente)\b/;

/**
 * Loyalty, which is buying week after week: "el cliente más fiel", "clientes leales", "most loyal
 * customers", "customer loyalty". Known to the speller (spelling.ts), which otherwise read "fiel"
 * as "file", a word of the data loads.
 */
export const LOYAL_WORDS: readonly string[] = [
  'fiel',
  'fieles',
  'leal',
  'leales',
  'lealtad',
  'fidelidad',
  'fidelizados?',
  'loyal',
  'loyalty',
  'faithful',
];
const LOYAL = new RegExp(`\\b(?:${LOYAL_WORDS.join('|')})\\b`);

/** What is bought, asked for: "¿qué compran …?", "what do … buy". */
const WHAT_IS_BOUGHT = /\b(?:what (?:do|does|did)|(?:lo )?que (?:compr|pid|pide|llev)\w*)\b/;

/** Customers as the subject: a customer noun, or "quién(es)" / "who". */
const WHO = /\b(?:quien(?:es)?|who)\b/;

/**
 * Whether a question asks which customers buy something regularly ("clientes que compran el 20036
 * todas las semanas", "who buys brand X every week?", "regular buyers of cans", "¿cuál es el cliente
 * más fiel?"), not who bought it lately or who will.
 *
 * @example
 * asksRegularBuyers('clientes que compran el 20036 todas las semanas'); // true
 * asksRegularBuyers('clientes que compraron el 20036'); // false
 */
export function asksRegularBuyers(text: string, hasCustomerType = false): boolean {
  // "¿Qué mayoristas son más fieles?": a type of customer names them without a customer noun, unless
  // what they buy is asked ("¿qué compran siempre los restaurantes?").
  const ofType = hasCustomerType && !WHAT_IS_BOUGHT.test(text);
  const aboutCustomers = ofType || GROUP_RE.customer.test(text) || WHO.test(text);
  return (EVERY_WEEK.test(text) || LOYAL.test(text)) && aboutCustomers;
}

/**
 * The week said outright: "todas las semanas", "cada semana", "every week", "weekly". Not "siempre"
 * or "regular order", which ask one customer's usual basket (intent `customer_basket`).
 */
const WEEK_BY_WEEK =
  /\b(?:todas las semanas|cada semana|semana a semana|semana tras semana|semanalmente|every (?:single )?week|each week|week after week|weekly)\b/;

/**
 * Whether a question says a habit of every week in so many words.
 *
 * @example
 * asksEveryWeek('que productos compra el 1002 todas las semanas'); // true
 * asksEveryWeek('que compra siempre el 1002'); // false: the usual basket
 */
export function asksEveryWeek(text: string): boolean {
  return WEEK_BY_WEEK.test(text);
}
