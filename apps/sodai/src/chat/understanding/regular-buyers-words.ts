import { GROUP_RE } from './intent-words.ts';

/**
 * Buying as a habit, week after week: "todas las semanas", "cada semana", "every week", "weekly",
 * "regularmente", "siempre", "fijos". A weekday ("cada lunes") is a habit of its own (weekday-words.ts).
 */
const EVERY_WEEK =
  /\b(?:todas las semanas|cada semana|semana a semana|semana tras semana|semanalmente|every (?:single )?week|each week|week after week|weekly|regularmente|con regularidad|regularly|regular(?:es)?|siempre|always|consistently|constantemente|fijos?|habitualmente)\b/;

/** Customers as the subject: a customer noun, or "quién(es)" / "who". */
const WHO = /\b(?:quien(?:es)?|who)\b/;

/**
 * Whether a question asks which customers buy something regularly ("clientes que compran el 20036
 * todas las semanas", "who buys brand X every week?", "regular buyers of cans"), not who bought it
 * lately or who will.
 *
 * @example
 * asksRegularBuyers('clientes que compran el 20036 todas las semanas'); // true
 * asksRegularBuyers('clientes que compraron el 20036'); // false
 */
export function asksRegularBuyers(text: string): boolean {
  return EVERY_WEEK.test(text) && (GROUP_RE.customer.test(text) || WHO.test(text));
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
