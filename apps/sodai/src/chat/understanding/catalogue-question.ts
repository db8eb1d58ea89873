/**
 * Questions about the catalogue itself, not its sales: "list products in the KEG package", "¿qué
 * productos vienen en lata de 0,25?", "what sizes does brand 34 sell?", "¿en qué envases viene la
 * marca X?", over normalized, spell-corrected text.
 */

/** Asking to be shown or told which: "list", "muéstrame", "qué", "which". */
const LIST =
  /\b(?:list\w*|lista\w*|show|muestra\w*|ensena\w*|dame|give me|tell me|dime|que|what|which|cuales?)\b/;

/** The products themselves as the things listed. */
const PRODUCTS = /\b(?:productos?|products?|articulos?|items?|skus?|referencias?)\b/;

/**
 * Sales, rankings and buying: "¿qué productos vendimos …?", "¿qué lata se vende más?", "¿qué
 * compran …?" ask about what sold, which other answers give ("sell" in the present, as in "what
 * sizes does brand 34 sell?", still describes the range).
 */
const ABOUT_SALES =
  /\b(?:mas|most|top|best|mejor\w*|menos|least|peor\w*|worst|vendimos|vendieron|vendio|se vend\w*|vendid\w*|sold|selling|sells? (?:the )?(?:most|best|least)|compr\w*|buy\w*|bought|pedid\w*|pidi\w*|pide\w*|order\w*|ventas|sales|unidades|units|cuant[oa]s|how (?:much|many)|crec\w*|grow\w*|cae\w*|fall\w*|tendencia\w*|trend\w*|porcentaje|percent\w*|share|participacion)\b/;

/** "Lata de 0,25", "cans of 0.33": a size written after a package word, without its unit. */
const PACKAGE_SIZE =
  /\b(?:latas?|botellas?|botellin\w*|tetras?|barril\w*|kegs?|cans?|bottles?)\s+(?:de\s+|of\s+)?(\d+(?:\.\d+)?)(?=\s|$)/;

/**
 * The size, in litres, a question writes after a package word with no unit ("¿qué productos vienen
 * en lata de 0,25?"), when it reads as litres (under 30).
 *
 * @example
 * sizeAfterPackage('que productos vienen en lata de 0.25'); // 0.25
 */
export function sizeAfterPackage(text: string): number | undefined {
  const m = PACKAGE_SIZE.exec(text);
  const v = m ? Number(m[1]) : NaN;
  return v > 0 && v < 30 ? v : undefined;
}

/** What the question says of the rows beside the words. */
export interface CatalogueSignals {
  /** A brand, category, package, size … is named. */
  readonly hasFilter: boolean;
  readonly namesCustomerOrProduct: boolean;
}

/**
 * Whether a question asks for the catalogue's products of a kind, or the values of an attribute
 * within it (`attributeAsked`: the noun of the attribute the question names, if any): a listing
 * word, a kind of product named, and nothing about sales, rankings or one customer or product.
 *
 * @example
 * asksCatalogue('list products in the keg package', { hasFilter: true, namesCustomerOrProduct: false }, false); // true
 * asksCatalogue('que productos vendimos de la marca 7', { hasFilter: true, namesCustomerOrProduct: false }, false); // false
 */
export function asksCatalogue(text: string, s: CatalogueSignals, attributeAsked: boolean): boolean {
  // A customer type ("KEG products for restaurants") narrows the units sold the list shows, not it.
  if (!s.hasFilter || s.namesCustomerOrProduct) return false;
  if (ABOUT_SALES.test(text) || !LIST.test(text)) return false;
  return attributeAsked || PRODUCTS.test(text);
}
