/**
 * Products a customer does not buy yet, as reps ask for them: "¿qué le puedo vender al 1002 que no
 * compre?", "algo nuevo para el 1002", "what can I sell 1002 that he doesn't buy?", "products 1002
 * has never bought", over normalized, spell-corrected text. Not "what did 1002 not buy this week"
 * (the past: its usual products skipped), which is read before this.
 */

/** Not buying it as a habit or ever: the present or perfect, "aún no", "nunca", "not yet". */
const NOT_YET =
  /\b(?:(?:aun|todavia) no|no (?:le |lo |la |los |las )?(?:compra|compre|compran|compren|pide|pida|piden|pidan|lleva|lleve|llevan|lleven|conoce|conozca|tiene|tenga|trabaja|trabaje|(?:ha|haya|han|hayan) (?:comprado|pedido|llevado|probado|tenido))|nunca (?:le |lo |la )?(?:(?:ha|haya|han|hayan) )?(?:compr|pid|pedi|llev|prob|tuv)\w*|(?:doesn ?t|does not|don ?t|do not|hasn ?t|has not|haven ?t|have not|never)(?: \w+)? (?:buy|bought|order|ordered|try|tried|carry|carried|stock|stocked|get|got)|not (?:yet )?(?:buying|ordering|carrying)|yet to (?:buy|order|try))\b/;

/** New to him: "algo nuevo para el 1002", "productos nuevos", "something new for", "new to him". */
const NEW_FOR =
  /\b(?:(?:algo|productos?|cosas?) nuev[oa]s?|nuev[oa]s? (?:productos?|cosas?|para)|(?:something|anything|products?|things?|items?) new|new (?:products?|things?|items?|for|to))\b/;

/**
 * New for him, said with no verb of selling: "productos nuevos pal 1002", "what's new for 1002".
 * "Qué productos nuevos compró el 1002" (new products he bought) has no "para" / "for".
 */
const NEW_FOR_HIM = /\b(?:nuev[oa]s? (?:para|pa)|new (?:for|to))\b/;

/** Offering or selling to him: what these questions are for. */
const OFFER =
  /\b(?:ofrec\w*|ofrezc\w*|vend(?:er|erle|o|a)|recomiend\w*|recomend\w*|sugier\w*|suger\w*|meterle|colocarle|offer\w*|sell|pitch\w*|recommend\w*|suggest\w*|push)\b/;

/** Which products (asked outright): "qué productos no compra el 1002", "products 1002 never bought". */
const WHICH_PRODUCTS =
  /\b(?:(?:que|what|which|cuales)(?: \w+)? (?:productos?|products?|items?|articulos?)|productos?|products?)\b/;

/**
 * What his peers buy: "que otros restaurantes sí", "que los demás sí compran", "that other
 * restaurants do", "his peers buy". Not buying what the others do is the same question, asked by
 * comparison rather than by selling.
 */
const PEERS_DO =
  /\b(?:(?:l[oa]s )?(?:otr[oa]s|demas)(?: \w+)? (?:si|compran|piden|llevan)|others?(?: \w+)? (?:do|does|buy|order|get)|(?:his|her|its|their) peers|sus pares)\b/;

/** "Not buy", "not order": English negation with its subject before "not" ("does 1002 not buy"). */
const NOT_VERB = /\bnot (?:buy|order|get|carry|stock)\b/;

/**
 * Whether a question about one customer asks for products it does not buy yet.
 *
 * @example
 * asksNewToCustomer('ke le puedo vender al 1002 q no compre', false); // true
 * asksNewToCustomer('what can i sell 1002 that he doesnt buy', false); // true
 * asksNewToCustomer('que productos no compra el 1002', false); // true
 * asksNewToCustomer('que no compra el cliente 1002 que otros restaurantes si', false); // true
 * asksNewToCustomer('que productos no ha comprado el 1002 esta semana', true); // false: skipped
 * asksNewToCustomer('que le puedo vender al 1002', false); // false: the usual offer
 * asksNewToCustomer('productos nuevos para el 1002', false); // true
 */
export function asksNewToCustomer(text: string, periodNamed: boolean): boolean {
  if (OFFER.test(text)) return NOT_YET.test(text) || NEW_FOR.test(text);
  if (NEW_FOR_HIM.test(text)) return true;
  // "¿Qué no compra el 1002 que otros restaurantes sí?": what his peers buy and he does not.
  // "What does 1002 not buy that others do": the id between the verb's parts.
  if ((NOT_YET.test(text) || NOT_VERB.test(text)) && PEERS_DO.test(text)) return true;
  // "¿Qué productos no ha comprado el 1002 esta semana?": within a period, what he left out.
  return !periodNamed && NOT_YET.test(text) && WHICH_PRODUCTS.test(text);
}
