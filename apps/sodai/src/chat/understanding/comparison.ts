import type { Vocabulary } from '../vocabulary.ts';
import { brandNamed, brandsNamed } from './brand-named.ts';
import { GROUP_RE } from './intent-words.ts';

/**
 * Two things set side by side: "compare", "vs", "frente a", "diferencia entre", and which of two
 * sells or buys more ("¿qué se vende más, el 1370 o el 11262?", "which sells more, 1370 or 11262?",
 * "who buys more, 100026 or 100010?").
 */
const COMPARE =
  /\b(?:compar\w*|vs|versus|frente al?|contra|diferencias? entre|difference between|side by side|lado a lado|(?:which|who) (?:\w+ )?(?:sells?|sold|buys?|bought|orders?|ordered|is|does|did) (?:\w+ )?(?:more|better|most|best)|(?:cual|que|quien) (?:\w+ )?(?:se )?(?:vende|venden|vendio|compra|compran|compro|pide|pidio)\w* (?:\w+ )?(?:mas|mejor))\b/;

/**
 * "¿Se vende más la marca 44 que la 31?", "is brand 44 doing better than brand 31?": one set above
 * the other, which compares the two ("más que el mes pasado" names no second thing: what the
 * comparison finds decides).
 */
const MORE_THAN =
  /\b(?:mas|mejor|peor|menos)\s+(?:\w+\s+){0,6}?que\b|\b(?:more|better|worse|less|fewer)\s+(?:\w+\s+){0,3}?than\b/;

/** "¿Qué clientes compran más latas que botellas?": the ones asked for are ranked, not two sides. */
const ASKS_WHICH =
  /\b(?:que|cuales|which|what)\s+(?:clientes|customers|productos|products|marcas|brands|tiendas|shops|stores)\b|\bquien(?:es)?\b|\bwho\b/;

/** Whether a question asks which customers or products ("¿qué clientes …?", "who …?"). */
export function asksWhichOnes(text: string): boolean {
  return ASKS_WHICH.test(text);
}

/** Whether a question sets two things side by side ("vs", "compara", "¿cuál se vende más, A o B?"). */
export function asksComparison(text: string): boolean {
  return COMPARE.test(text) || (MORE_THAN.test(text) && !asksWhichOnes(text));
}

/**
 * What a comparison sets side by side, in the order the question names them: two products or two
 * customers by id (the second may be an id the data does not know, which the answer says), or two
 * brands by name as stored.
 */
export type Compared = ComparedIds | { readonly side: 'brands'; readonly ids: readonly [string, string] };

/** Two products or two customers, by id. */
export interface ComparedIds {
  readonly side: 'products' | 'customers';
  readonly ids: readonly [number, number];
}

/**
 * The two brands a question compares ("compare Coca-Cola and Pepsi last month", "¿qué vende más, la
 * marca A o la marca B?"): a comparison word and exactly two brands named.
 *
 * @example
 * comparedBrands('compare brand 7 and brand 12', vocab); // { side: 'brands', ids: ['Brand 7', 'Brand 12'] }
 */
export function comparedBrands(text: string, vocab: Vocabulary): Compared | undefined {
  if (!asksComparison(text)) return undefined;
  const brands = brandsNamed(text, vocab);
  if (brands.length === 1) {
    // "La marca 44 o la 31", "brand 44 than 31": the second brand's noun is left out.
    const elided = ELIDED_BRAND.exec(text);
    const second = elided ? brandNamed(`marca ${elided[1]}`, vocab)?.brand : undefined;
    if (second !== undefined && second !== brands[0]) brands.push(second);
  }
  return brands.length === 2 ? { side: 'brands', ids: [brands[0]!, brands[1]!] } : undefined;
}

/** A number after a joining word ("… que la 31", "… o la 31", "… than 31"): a brand whose noun was said once. */
const ELIDED_BRAND =
  /\b(?:que|o|u|y|e|vs|versus|con|contra|than|or|and|against)\s+(?:a\s+)?(?:la|el|al|the)?\s*(\d{1,4})\b(?!\s*(?:unidades|units|clientes|customers|pedidos|orders|semanas|weeks|dias|days|meses|months|%|percent))/;

/**
 * The two products (or two customers) a question compares, when it names two distinct ids the data
 * knows as the same kind and a comparison word: a number known as both kinds is a customer when the
 * question says customers and names no product. "¿Cuántos clientes compraron el 20012 y el 20055?"
 * compares nothing.
 *
 * @example
 * comparedIds('compare product 1370 and 11262', vocab); // { side: 'products', ids: [1370, 11262] }
 */
export function comparedIds(text: string, vocab: Vocabulary): ComparedIds | undefined {
  if (!asksComparison(text)) return undefined;
  const numbers = [...new Set([...text.matchAll(/\b\d+\b/g)].map((m) => Number(m[0])))];
  const customersSaid = GROUP_RE.customer.test(text) && !GROUP_RE.product.test(text);
  const side = (n: number): ComparedIds['side'] | undefined => {
    const product = vocab.productIds.has(n);
    const customer = vocab.customerIds.has(n);
    if (product && customer) return customersSaid ? 'customers' : 'products';
    return product ? 'products' : customer ? 'customers' : undefined;
  };
  const known = numbers.filter((n) => side(n) !== undefined);
  // "Compare 1370 and 99999": the unknown one is compared too, so the answer says it is unknown
  // rather than describing 1370 alone (a year, "en 2024", is no id).
  const unknown = numbers.filter((n) => side(n) === undefined && n >= 1000 && (n < 1900 || n > 2100));
  if (known.length === 1 && unknown.length === 1)
    return { side: side(known[0]!)!, ids: [known[0]!, unknown[0]!] };
  if (known.length !== 2) return undefined;
  const [a, b] = known as [number, number];
  const kind = side(a);
  return kind !== undefined && kind === side(b) ? { side: kind, ids: [a, b] } : undefined;
}
