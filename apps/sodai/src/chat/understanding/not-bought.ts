/**
 * "¿Cuántos clientes no compraron el mes pasado?", "how many customers didn't order?", "nunca han
 * comprado": a count of those who did not buy ("didnt", typed without its apostrophe, too). Without it the count of buyers answers the
 * opposite question.
 */
const NOT_BOUGHT =
  /\b(?:(?:no|nunca) (?:me |nos |le |les |lo |la |los |las )?(?:han |ha |hayan |haya )?(?:compr|pid|pedi|llev|ordena)\w*|(?:never|not|didn ?t|did not|haven ?t|have not|hasn ?t|has not|don ?t|do not|doesn ?t|does not) (?:yet )?(?:buy|bought|order|ordered|purchas)\w*|sin (?:comprar|compras|pedidos|pedir)|without (?:buying|ordering|orders|purchases))\b/;

/**
 * "Bought nothing", "no purchases", "didn't place a single order", "no hicieron ningún pedido": the negation is on
 * the purchase, not on the verb, and says the same as "did not buy".
 */
const NO_PURCHASE =
  /\b(?:(?:bought|ordered|purchased|buy|buys|order|orders|purchase) (?:nothing|none)|(?:no|zero) (?:purchases?|orders?)|(?:not|never|didn ?t|did not|haven ?t|have not|hasn ?t|has not|don ?t|do not|doesn ?t|does not|without) (?:\w+ )?(?:a single |any |one )?(?:purchases?|orders?)|(?:ningun[ao]?|cero) (?:compras?|pedidos?)|no (?:\w+ )?(?:compras|pedidos))\b/;

/**
 * Whether a normalized question asks about those who did not buy.
 *
 * @example
 * asksNotBought('cuantos clientes no compraron el mes pasado'); // true
 */
export function asksNotBought(text: string): boolean {
  return NOT_BOUGHT.test(text) || NO_PURCHASE.test(text);
}
