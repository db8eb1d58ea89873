/**
 * "¿Qué tipo de cliente es el 1002?", "what kind of business is 1002?", "tipo de cliente del 1002":
 * what a customer is, not what it bought ("¿qué tipo de productos compra?" asks about products).
 */
const ASKS_KIND =
  /\b(?:(?:que|what|which|de que) (?:tipo|clase|kind|type|sort|rubro) (?:(?:de|of) (?:cliente|negocio|local|tienda|comercio|customer|business|shop|store|account) )?(?:es|is|son|are|was|seria|tiene|has)|(?:tipo|clase) de (?:cliente|negocio|local|tienda|comercio)|(?:customer|business|shop|store) type|a que se dedica)\b/;

/** "¿Quién es el 1002?", "who is customer 1002?", "tell me about 1002", "ficha del cliente". */
const ASKS_WHO =
  /\b(?:quien es|quienes son|who is|who s|tell me about|ficha|perfil|profile|datos del cliente|customer (?:details|info\w*)|info\w* (?:del|de|sobre|on|about) (?:el |la |the )?(?:cliente|customer)?)\b/;

/** "What's customer 1002?", "¿qué es el 1002?": the whole question asks what the customer is. */
const WHAT_IS =
  /^(?:what s|whats|what is|que es|quien es) (?:the |el |la )?(?:cliente |customer |client )?\d+$/;

/**
 * "¿De qué región es el 1002?", "what zone is 1002 in?", "región del cliente 1002": where the
 * customer is, a line of its profile (the same words with a number name a region to filter by).
 */
const ASKS_PLACE =
  /\b(?:(?:que|cual|what|which) (?:es (?:la |su )?)?(?:region|zona|zone)|(?:region|zona|zone) (?:del|de|of)(?: el| la| the)? (?:cliente|customer|client))\b/;

/**
 * "¿El 1002 es mayorista?", "is 1002 a restaurant?": a copula beside a customer type asks whether
 * the customer is of that type (the type itself is found as an entity).
 */
const COPULA = /\b(?:es|son|sera|era|is|are|was)\b/;

/**
 * Whether a normalized question about one customer asks what the customer is: its type (and
 * whether it is of the type named) and profile.
 *
 * @example
 * asksCustomerProfile('el 100010 es mayorista', true); // true
 * asksCustomerProfile('que tipo de cliente es el 100010', false); // true
 * asksCustomerProfile('que compro el 100010', false); // false
 */
export function asksCustomerProfile(text: string, namesCustomerType: boolean): boolean {
  return (
    ASKS_KIND.test(text) ||
    ASKS_WHO.test(text) ||
    WHAT_IS.test(text) ||
    ASKS_PLACE.test(text) ||
    (namesCustomerType && COPULA.test(text))
  );
}
