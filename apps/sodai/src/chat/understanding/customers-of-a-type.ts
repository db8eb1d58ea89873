/**
 * "Lista de clientes restaurant", "show me the restaurants", "¿qué clientes son mayoristas?": the
 * customers of one type themselves, over normalized, spell-corrected text. Only a question no other
 * rule could read asks this: "mejores restaurantes" is a ranking, "¿cuántos restaurantes hay?" a
 * count, "¿qué le vendo a los restaurantes?" advice; all of them keep their own answer.
 */

/**
 * Asking to be shown who they are: "lista", "list", "muéstrame", "dame", "ver", "cuáles", "which",
 * "quiénes", "who", "todos", or a customer noun ("clientes restaurant").
 */
const LISTING =
  /\b(?:list\w*|lista\w*|show\w*|muestra\w*|mostrar|ensena\w*|dame|give|see|ver|veo|tell me|dime|que|what|which|cuales?|quien(?:es)?|who|todos|todas|all|clientes?|customers?|clients?)\b/;

/**
 * Whether a question that names a customer type, and no customer, product or other filter, asks for
 * the customers of that type; `unread` says no other rule gave it an answer.
 *
 * @example
 * asksCustomersOfType('lista de clientes restaurant', true); // true
 * asksCustomersOfType('mejores restaurantes', false); // false: a ranking of them
 */
export function asksCustomersOfType(text: string, unread: boolean): boolean {
  return unread && LISTING.test(text);
}

/**
 * A question that opens by asking which ones or to be shown them: "¿qué clientes no compraron …?",
 * "which restaurants didn't buy …?", "lista de mayoristas sin compras". "Mayoristas que no compraron
 * el mes pasado" opens with the customers (a relative "que" follows), which their count answers.
 */
const WHICH_FIRST =
  /^(?:y |and )?(?:que|cuales?|which|what|list\w*|lista\w*|show\w*|muestra\w*|dame|give|quien(?:es)?|who)\b/;

/**
 * Whether a question about customers who did not buy asks who they are, rather than how many.
 *
 * @example
 * asksWhoDidNotBuy('which restaurants didn t buy last week'); // true
 * asksWhoDidNotBuy('mayoristas que no compraron el mes pasado'); // false: their count
 */
export function asksWhoDidNotBuy(text: string): boolean {
  return WHICH_FIRST.test(text);
}
