/**
 * Cross-selling questions about one product's buyers: what else they buy ("what else do customers
 * who buy 1370 buy?", "¿qué compran también los que compran el 1370?") and which of them do not buy
 * another product ("¿qué clientes compran el 1370 pero no el 1304?"), over normalized,
 * spell-corrected text.
 */

/** "What else", "qué más / también / además", "together with": more products beside the one named. */
const ALSO =
  /\b(?:what else|what other|que mas|que otros?|que otras?|tambien|also|ademas|as well|too|junto (?:con|al)|together|along with|bought with|goes with|go with|va con|van con|(?:se )?compran? con|(?:se )?llevan? con|cross ?sell\w*|venta cruzada|complement\w*|acompan\w*)\b/;

/** What is asked is products ("what", "qué", "products bought together"), not customers ("who else"). */
const WHAT = /\b(?:what|que|cuales|which|productos?|products?|items?|articulos?)\b/;

/** "Who else …?", "¿quién más …?", "which customers …?": a question opening on the buyers, another answer. */
const WHO =
  /^(?:y |and )?(?:who|whom|quien(?:es)?|(?:which|what|que|cuales) (?:otros )?(?:clientes?|customers?))\b/;

/** Buying: the question is about what buyers buy. */
const BUY = /\b(?:compr\w*|llev\w*|pid\w*|buy\w*|bought|order\w*|purchas\w*)\b/;

/**
 * Products bought or sold together, said outright: "se venden juntos", "bought together with",
 * "goes well with", "what do people buy with", "se compran junto con", "combina con". These name the
 * pairing themselves, so no "what" or buying verb need come with them.
 */
const PAIRED =
  /\b(?:juntos?|together|along with|con que (?:se )?(?:vende|venden|compra|compran|lleva|llevan|pide|piden)|(?:goes|go|going|va|van|combinan?|pairs?|pegan?) (?:well |bien |mejor )?(?:with|con)|(?:buy|buys|bought|purchased?|ordered?|sells?|sold|compran?|llevan?|piden?|vende|venden) (?:\w+ )?(?:with|con)|cross ?sell\w*|venta cruzada|complement\w*|acompan\w*)\b/;

/** Customers as what is asked anywhere ("which customers …", "who …"): the buyers, another answer. */
const CUSTOMERS_ASKED =
  /\b(?:(?:which|what|que|cuales) (?:otros )?(?:clientes?|customers?)|who|whom|quien(?:es)?)\b/;

/**
 * Whether a question about one product asks what else its buyers buy.
 *
 * @example
 * asksAlsoBought('que compran tambien los que compran el 1370'); // true
 * asksAlsoBought('que productos se venden juntos con el producto 1370'); // true
 * asksAlsoBought('quien mas compra el 1370'); // false
 */
export function asksAlsoBought(text: string): boolean {
  if (WHO.test(text)) return false;
  return (
    (ALSO.test(text) && WHAT.test(text) && BUY.test(text)) ||
    (PAIRED.test(text) && !CUSTOMERS_ASKED.test(text))
  );
}

/** Bought at once: "juntos", "together", "en el mismo pedido". */
const AT_ONCE =
  /\b(?:juntos?|juntas?|together|(?:en|in) (?:el|un|the|one|a) (?:mismo |same )?(?:pedido|orden|order|ticket|canasta|basket)|a la vez|at the same time|al mismo tiempo)\b/;

/** Pairs or combinations named as such: "pares de productos", "product pairs", "combos". */
const PAIRS = /\b(?:pares|parejas|pairs?|combinacion(?:es)?|combinations?|combos?)\b/;

/** Buying or selling, in any form. */
const TRADED =
  /\b(?:compr\w*|llev\w*|pid\w*|pedid\w*|vend\w*|buy\w*|bought|order\w*|purchas\w*|sell\w*|sold)\b/;

/** Products as what is asked. */
const PRODUCTS = /\b(?:productos?|products?|items?|articulos?|skus?|que|what|which|cuales)\b/;

/**
 * Whether a question, naming no product, asks which products go together in orders ("¿qué productos
 * se compran juntos más a menudo?", "which products are bought together?", "most common product
 * pairs"): not who buys two things ("¿qué clientes compran latas y botellas juntas?").
 *
 * @example
 * asksPairsBoughtTogether('que productos se compran juntos mas a menudo'); // true
 * asksPairsBoughtTogether('que clientes compran latas y botellas juntas'); // false
 */
export function asksPairsBoughtTogether(text: string): boolean {
  if (CUSTOMERS_ASKED.test(text) || !PRODUCTS.test(text)) return false;
  return (AT_ONCE.test(text) && TRADED.test(text)) || PAIRS.test(text);
}

/** "Pero no el 1304", "but not 1304", "y no el producto 1304", "sin el 1304": the product left out. */
const BUT_NOT =
  /\b(?:pero no|but not|and not|y no|though not|sin|without|excepto|except)\s+(?:(?:el|la|los|las|al|del|de|the|product|producto|item|articulo|sku|buy|buying|compran|compra|comprar)\s+)*(\d+)\b/;

/**
 * The product a question leaves out of the buyers of another ("¿qué clientes compran el 1370 pero
 * no el 1304?"): a number the data knows as a product, after "pero no", "but not", "sin", other
 * than `first`.
 *
 * @example
 * excludedProduct('que clientes compran el 1370 pero no el 1304', new Set([1370, 1304]), 1370); // 1304
 */
export function excludedProduct(
  text: string,
  productIds: ReadonlySet<number>,
  first: number,
): number | undefined {
  const m = BUT_NOT.exec(text);
  if (!m) return undefined;
  const id = Number(m[1]);
  return productIds.has(id) && id !== first ? id : undefined;
}

/** "Que no sea el 1370", "aparte del 1370", "besides 1370", "other than 1370": a product left out. */
const OTHER_THAN =
  /\b(?:que no sea|que no sean|aparte del?|ademas del?|fuera del?|sin contar|menos|excepto|salvo|besides|other than|apart from|except(?: for)?|not counting|but not)\s+(?:(?:el|la|los|las|al|del|de|the|product|producto)\s+)*(\d+)\b/;

/**
 * The product an offer to one customer is asked without ("¿qué le ofrezco al 181101 que no sea el
 * 1370?", "what else besides 1370 for 181101?"): the product named, when the words leave it out.
 *
 * @example
 * productLeftOutOfOffer('que le ofrezco al 181101 que no sea el 1370', 1370); // 1370
 * productLeftOutOfOffer('le ofrezco el 1370 al 181101', 1370); // undefined
 */
export function productLeftOutOfOffer(text: string, product: number): number | undefined {
  const m = OTHER_THAN.exec(text);
  return m && Number(m[1]) === product ? product : undefined;
}
