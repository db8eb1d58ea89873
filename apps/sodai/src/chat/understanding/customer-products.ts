/** "¿Qué productos …?", "which items …": the products themselves are asked for. */
const WHICH_PRODUCTS =
  /\b(?:que|cuales|which|what)\s+(?:\w+\s+)?(?:productos?|products?|articulos?|items?|skus?|referencias?)\b/;

/** Buying, in the past or present: what the customer bought is asked. */
const BOUGHT = /\b(?:compr\w*|pidi\w*|pide\w*|pidio|llev\w*|bought|buy\w*|order\w*|purchas\w*|got|get)\b/;

/** "¿Qué compró …?", "what did 1002 buy / order …?": what was bought, asked without a product noun. */
const WHAT_BOUGHT =
  /\b(?:que|what)\s+(?:(?:did|has|have|was)\s+)?(?:\S+\s+){0,3}(?:compro|compraron|pidio|pidieron|llevo|llevaron|bought|buy|order|ordered|purchase|purchased|get|got)\b/;

/** A ranking ("most", "top"), the basket or the last order: other answers about a customer's products. */
const OTHER_ASK =
  /\b(?:mas|most|top|mejores|best|menos|least|habitual\w*|usual\w*|canasta|basket|ultim[oa]|last|siempre|always|normalmente|normally)\b/;

/**
 * Whether a question about one customer asks which products it bought ("¿qué productos compró el
 * cliente 1002 en noviembre?", "what did 1002 order last month?"): a products noun with a buying
 * verb, or "what … bought" with a period named. Rankings, the usual basket and the last order have
 * their own answers.
 *
 * @example
 * asksCustomerProducts('que productos compro el cliente 1002 en noviembre', true); // true
 * asksCustomerProducts('que compro el 1002', false); // false: the history, with its latest lines
 */
export function asksCustomerProducts(text: string, namesPeriod: boolean): boolean {
  if (OTHER_ASK.test(text)) return false;
  if (WHICH_PRODUCTS.test(text) && BOUGHT.test(text)) return true;
  return namesPeriod && WHAT_BOUGHT.test(text);
}
