import { CUSTOMER_TYPE_WORDS } from './catalog-words.ts';
import { GROUP_RE } from './intent-words.ts';

/** Every way of naming a customer type, longest first, so a phrase is removed whole. */
export const TYPE_PHRASES = new RegExp(
  `\\b(?:${CUSTOMER_TYPE_WORDS.map(([phrase]) => phrase.replace(/[-/]/g, '\\$&')).join('|')})\\b`,
  'g',
);

/**
 * Selling, said of products only: a customer buys, so "top sellers", "lo más vendido" and "lo que
 * más sale / se mueve" rank what is sold even when customers are named ("top sellers for
 * convenience stores").
 */
const SELLING = /\b(?:vend\w*|ventas|sales|sold|sell\w*|(?:se )?(?:sale|salen|mueve|mueven|rota|rotan))\b/;

/**
 * The type after "en", "for", "among" …: where things are sold ("top 3 en los restoranes"), not who
 * is ranked ("top 3 restoranes").
 */
const AT_TYPE =
  /\b(?:en|in|at|para|for|among|entre|con|with|a|to)\s+(?:los |las |el |la |the |our |nuestros |nuestras |mis |my )?\uE000/;

/** "¿Qué / cuáles minimarkets …?", "which restaurants …": the customers of that type are asked for. */
const WHICH_OF_TYPE = /\b(?:que|cuales|which|what)\s+(?:de los |de las |of the )?\uE000/;

/**
 * A question opening with what is bought ("¿qué piden más los restaurantes?", "what do
 * minimarkets buy most?", "lo que más compran los mayoristas"): products are ranked. "Los
 * minimarkets que más compran" is a relative clause about the customers, so a bare "que" after the
 * type does not count.
 */
const WHAT_IS_BOUGHT = /^(?:y |and )?(?:que|what)\b|\blo que\b|\bwhat (?:do|does|did|are|is)\b/;

/**
 * Whether a ranking that names a type of customer and no customer noun ranks products bought by
 * that type or the customers of the type. `undefined` when a customer noun outside the type's name
 * is there, or a kind of product (`namesProducts`): the general rules decide those ("clientes que
 * más compran latas", "los jugos más populares entre los mayoristas").
 *
 * @example
 * rankingSubjectOfType('top sellers for convenience stores', false); // 'products'
 * rankingSubjectOfType('mejores minimarkets', false); // 'customers'
 */
export function rankingSubjectOfType(
  text: string,
  namesProducts: boolean,
): 'products' | 'customers' | undefined {
  if (namesProducts) return undefined;
  // A private-use character stands in for the type's name: no question holds one.
  const marked = text.replace(TYPE_PHRASES, '\uE000');
  if (!marked.includes('\uE000')) return undefined;
  if (GROUP_RE.customer.test(marked.replaceAll('\uE000', ' '))) return undefined;
  if (WHICH_OF_TYPE.test(marked)) return 'customers';
  if (
    SELLING.test(marked) ||
    GROUP_RE.product.test(marked) ||
    WHAT_IS_BOUGHT.test(marked) ||
    AT_TYPE.test(marked)
  )
    return 'products';
  return 'customers';
}

/**
 * Whether the question asks for the customers of a type with "qué / cuáles / which / what"
 * ("¿qué restaurantes compraron la marca 24?", "which wholesalers bought cans?"), as opposed to what
 * they bought ("¿qué compraron los restaurantes?").
 */
export function asksWhichOfType(text: string): boolean {
  return WHICH_OF_TYPE.test(text.replace(TYPE_PHRASES, '\uE000'));
}
