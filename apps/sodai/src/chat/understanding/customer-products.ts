/** "¿Qué productos …?", "which items …": the products themselves are asked for. */
const WHICH_PRODUCTS =
  /\b(?:que|cuales|which|what)\s+(?:\w+\s+)?(?:productos?|products?|articulos?|items?|skus?|referencias?)\b/;

/** Buying, in the past or present: what the customer bought is asked. */
const BOUGHT = /\b(?:compr\w*|pidi\w*|pide\w*|pidio|llev\w*|bought|buy\w*|order\w*|purchas\w*|got|get)\b/;

/** "¿Qué compró …?", "what did 1002 buy / order …?": what was bought, asked without a product noun. */
const WHAT_BOUGHT =
  /\b(?:que|what)\s+(?:(?:did|has|have|was)\s+)?(?:\S+\s+){0,3}(?:compro|compraron|pidio|pidieron|llevo|llevaron|bought|buy|order|ordered|purchase|purchased|get|got)\b/;

/**
 * "¿Qué (productos) llevó el 1002 …?": "llevó" loses its accent and reads as "llevo" (what do I take
 * him, advice) unless it is taken to him ("¿qué le llevo?", "¿qué llevo al 1002?").
 */
const WHAT_HE_TOOK =
  /\b(?:que|cuales?)\s+(?:(?:productos?|articulos?|cosas|items?|referencias?)\s+)?llevo\b(?!\s+(?:al?|para)\b)/;

/**
 * Whether "llevo" in a question names what the customer took (bought) rather than what to take him:
 * asked of a period in the data, "¿qué productos llevó 181101 en diciembre?" is his purchases.
 *
 * @example
 * askedWhatHeTook('que productos llevo 181101 en diciembre'); // true
 * askedWhatHeTook('que le llevo al 1002'); // false: advice
 */
export function askedWhatHeTook(text: string): boolean {
  return WHAT_HE_TOOK.test(text);
}

/** A ranking ("most", "top"), the basket or the last order: other answers about a customer's products. */
const OTHER_ASK =
  /\b(?:mas|most|top|mejores|best|menos|least|habitual\w*|usual\w*|canasta|basket|ultim[oa]|last|siempre|always|normalmente|normally)\b/;

/**
 * Whether a question about one customer asks which products it bought ("¿qué productos compró el
 * cliente 1002 en noviembre?", "what did 1002 order last month?", "¿qué compró el 1002?"): a
 * products noun with a buying verb, or "what … bought". Rankings, the usual basket and the last
 * order have their own answers. The text comes with its periods blanked: "last" in "last week" is
 * no last order.
 *
 * @example
 * asksCustomerProducts('que productos compro el cliente 1002 en noviembre'); // true
 * asksCustomerProducts('que compro el 1002'); // true: its products over all its history
 * asksCustomerProducts('que compro el 1002 en su ultimo pedido'); // false: the last order
 */
export function asksCustomerProducts(text: string): boolean {
  if (OTHER_ASK.test(text)) return false;
  if (WHICH_PRODUCTS.test(text) && BOUGHT.test(text)) return true;
  return WHAT_BOUGHT.test(text);
}
