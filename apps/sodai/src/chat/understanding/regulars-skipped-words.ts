import { GROUP_RE } from './intent-words.ts';

/** Buying as a habit: "suelen", "usually", "habitualmente", "todas las semanas", "regulares". */
const HABIT =
  /\b(?:suele|suelen|solia|solian|usually|normally|normalmente|habitualmente|siempre|always|regularmente|regularly|con regularidad|todas las semanas|every week|cada semana|regular(?:es)?|habituales?)\b/;

/** Not buying it in a period: "no lo compraron", "didn't (buy it)", "dejaron de pedirlo", "skipped". */
const NOT_BOUGHT =
  /\b(?:no (?:lo |la |los |las |me |nos |le |les )?(?:compr|pid|llev|encarg)\w*|(?:didn ?t|did not|haven ?t|have not|hasn ?t|has not)\b(?: \S+){0,2}?(?: (?:buy|order|get|bought|ordered|gotten|got)\b)?|dejaron de (?:comprar|pedir|llevar)\w*|skipped|missed)/;

/** Customers as the subject: a customer noun, or "quién(es)" / "who". */
const WHO = /\b(?:quien(?:es)?|who)\b/;

/**
 * "¿Qué clientes suelen comprar el 1370 y no lo compraron la semana pasada?", "which customers
 * usually buy 1370 but didn't last week?": the customers who buy it as a habit and left it out of
 * a week (normalized text), not who bought it that week.
 *
 * @example
 * asksRegularsWhoSkipped('que clientes suelen comprar el 1370 y no lo compraron la semana pasada'); // true
 * asksRegularsWhoSkipped('que clientes compraron el 1370 la semana pasada'); // false
 * asksRegularsWhoSkipped('que restaurantes compran latas todas las semanas y no las pidieron', true); // true
 */
export function asksRegularsWhoSkipped(text: string, namesCustomerType = false): boolean {
  return (
    (namesCustomerType || GROUP_RE.customer.test(text) || WHO.test(text)) &&
    HABIT.test(text) &&
    NOT_BOUGHT.test(text)
  );
}
