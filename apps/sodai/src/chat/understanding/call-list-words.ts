/**
 * "¿A qué clientes debería llamar hoy?", "who should I call this week?": which customers to get in
 * touch with, over normalized, spell-corrected text.
 */

/** Getting in touch: calling, ringing, contacting, visiting. */
const CONTACT = /\b(?:llam\w*|call|ring|phone|contact\w*|visit\w*|escribir(?:le|les)?)\b/;

/** Customers as whom to contact: "a qué clientes", "a quién", "who", "which customers". */
const WHOM =
  /\b(?:(?:a )?(?:que|cuales|which|what) (?:\w+ )?(?:clientes?|customers?|locales|tiendas|shops?|stores?)|(?:a )?quien(?:es)?|who|whom)\b/;

/** The customers as a list to work through: "clientes para llamar", "customers to visit", "call list". */
const TO_CALL =
  /\b(?:call(?:ing)? list|lista de (?:llamadas|visitas)|(?:clientes?|customers?|accounts?|cuentas) (?:para|a|por|to|i should|we should|i need to) (?:\w+ )?(?:llam\w*|call|ring|phone|contact\w*|visit\w*))\b/;

/**
 * Whether a question asks which customers to call or visit (no customer named).
 *
 * @example
 * asksWhomToCall('a que clientes deberia llamar hoy'); // true
 * asksWhomToCall('who should i call this week'); // true
 * asksWhomToCall('dame una lista de clientes para llamar manana'); // true
 * asksWhomToCall('quien compra el 1370'); // false
 */
export function asksWhomToCall(text: string): boolean {
  return CONTACT.test(text) && (WHOM.test(text) || TO_CALL.test(text));
}

/** A call said as the rep's own next step: "llamo al", "le llamo", "should I call", "do I ring". */
const CALL_VERB =
  /\b(?:llamar(?:le|lo|la)?|llamo|llamamos|contactar(?:le|lo|la)?|contacto|visitar(?:le|lo|la)?|visito|call|calling|ring|ringing|phone|phoning|contact|contacting|visit|visiting)\b/;
/** What makes the call a yes/no on the rep's side: "debería", "tengo que", "toca", "should", "do I". */
const OUGHT =
  /\b(?:deberia(?:mos)?|debo|debemos|tengo que|tenemos que|hay que|conviene|(?:vale )?la pena|toca|should|shall|need to|have to|must|worth|do i|do we)\b/;
const DIRECT =
  /\b(?:le|lo|la)\s+(?:llamo|llamamos|visito|contacto)\b|\b(?:llamo|llamamos|visito|contacto)\s+al?\b/;

/**
 * Whether a question about one customer asks if the rep should call or visit it ("¿debería llamar
 * al 1002?", "¿le llamo hoy al 1002?", "should I call customer 1002 today?"), rather than whether
 * the customer called ("¿el 1002 llamó?") or what its name is ("¿cómo se llama el 1002?").
 *
 * @example
 * asksWhetherToCall('deberia llamar al cliente 1002'); // true
 * asksWhetherToCall('como se llama el cliente 1002'); // false
 */
export function asksWhetherToCall(text: string): boolean {
  return CALL_VERB.test(text) && (OUGHT.test(text) || DIRECT.test(text)) && !WHOM.test(text);
}
