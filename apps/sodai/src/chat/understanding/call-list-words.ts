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
 * The customers as a list to work through: "clientes para llamar", "customers to visit", "call
 * list", and said as what ought to be done with them: "the customers that should be visited",
 * "clientes que hay que visitar", "clientes que tengo que llamar".
 */
const TO_CALL =
  /\b(?:call(?:ing)? list|lista de (?:llamadas|visitas)|(?:clientes?|customers?|accounts?|cuentas) (?:(?:que|that|which|who|i|we) )?(?:para|a|por|to|should|must|need to|needs to|have to|has to|ought to|i should|we should|i need to|i have to|we need to|hay que|tengo que|tenemos que|debo|debemos|deberia\w*|toca|me toca|nos toca|conviene)(?: be)? (?:\w+ )?(?:llam\w*|call\w*|ring\w*|phon\w*|contact\w*|visit\w*))\b/;

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
  // The list's own words hold the call ("should be called"); "which customers called?" is no call to make.
  return TO_CALL.test(text) || (CONTACT.test(text) && WHOM.test(text));
}

/** Visiting, and no calling: "¿a quién visito?", "customers that should be visited". */
const VISIT = /\bvisit\w*\b/;
const CALL = /\b(?:llam\w*|call\w*|ring\w*|phon\w*)\b/;

/**
 * How the rep means to get in touch with the customers of a call list: a visit when only visiting
 * is said, else a call. The answer says it in the same words.
 *
 * @example
 * contactAsked('a quien visito esta semana'); // 'visit'
 * contactAsked('a quien llamo o visito hoy'); // 'call'
 */
export function contactAsked(text: string): 'call' | 'visit' {
  return VISIT.test(text) && !CALL.test(text) ? 'visit' : 'call';
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
