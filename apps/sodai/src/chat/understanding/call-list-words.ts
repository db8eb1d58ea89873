/**
 * "¿A qué clientes debería llamar hoy?", "who should I call this week?": which customers to get in
 * touch with, over normalized, spell-corrected text.
 */

/** Getting in touch: calling, ringing, contacting, visiting. */
const CONTACT = /\b(?:llam\w*|call|ring|phone|contact\w*|visit\w*|escribir(?:le|les)?)\b/;

/** Customers as whom to contact: "a qué clientes", "a quién", "who", "which customers". */
const WHOM =
  /\b(?:(?:a )?(?:que|cuales|which|what) (?:\w+ )?(?:clientes?|customers?|locales|tiendas|shops?|stores?)|(?:a )?quien(?:es)?|who|whom)\b/;

/**
 * Whether a question asks which customers to call or visit (no customer named).
 *
 * @example
 * asksWhomToCall('a que clientes deberia llamar hoy'); // true
 * asksWhomToCall('who should i call this week'); // true
 * asksWhomToCall('quien compra el 1370'); // false
 */
export function asksWhomToCall(text: string): boolean {
  return CONTACT.test(text) && WHOM.test(text);
}
