/**
 * "Clientes mayoristas que compraron marca 31 en diciembre", "mayoristas que compraron la marca 31",
 * "customers that bought cans last month": a question that opens with the customers and a relative
 * clause of buying asks for those customers, not for what they bought. Only at the start: "¿qué
 * compraron los mayoristas?" asks what they bought.
 */

/** Buying, in the past or present, as the relative clause says it. */
const BUYING = '(?:compr|pid|llev|adquiri|buy|bought|order|purchas|got|get)\\w*';

/** "Clientes (mayoristas) que compraron", "the customers who bought", "lista de clientes que pidieron". */
const CUSTOMERS_WHO = new RegExp(
  `^(?:(?:dame|muestrame|lista de|listado de|los|las|give me|show me|list|the|all)\\s+)*(?:clientes?|customers?|cuentas|accounts)(?: \\w+)? (?:que|who|that) (?:(?:ya|le|les|lo|la|have|has|had|did)\\s+)?${BUYING}`,
);

/** "Mayoristas que compraron …": a customer type as the subject (the type is found as an entity). */
const TYPE_WHO = new RegExp(
  `^(?:(?:los|las|the|all)\\s+)?\\w+(?: \\w+)? (?:que|who|that) (?:(?:ya|le|les|have|has|did)\\s+)?${BUYING}`,
);

/** "Productos que compraron los mayoristas", "latas que …": the items lead, and are what is asked for. */
const ITEMS_FIRST =
  /^(?:(?:los|las|the|all)\s+)?(?:productos?|products?|marcas?|brands?|items?|articulos?|latas?|botellas?|barril(?:es)?|cans?|bottles?|kegs?|envases?|packages?|que|what|which|cuales?)\b/;

/**
 * Whether a question opens with the customers (or a type of them) who bought something.
 *
 * @example
 * opensWithCustomersWhoBought('clientes mayoristas que compraron marca 31 en diciembre', true); // true
 * opensWithCustomersWhoBought('mayoristas que compraron la marca 31', true); // true
 * opensWithCustomersWhoBought('que compraron los mayoristas', true); // false
 * opensWithCustomersWhoBought('productos que compraron los mayoristas', true); // false
 */
export function opensWithCustomersWhoBought(text: string, namesType: boolean): boolean {
  return CUSTOMERS_WHO.test(text) || (namesType && TYPE_WHO.test(text) && !ITEMS_FIRST.test(text));
}
