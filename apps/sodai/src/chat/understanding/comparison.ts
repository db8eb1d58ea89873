import type { Vocabulary } from '../vocabulary.ts';
import { brandsNamed } from './brand-named.ts';
import { GROUP_RE } from './intent-words.ts';

/**
 * Two things set side by side: "compare", "vs", "frente a", "diferencia entre", and which of two
 * sells or buys more ("¿qué se vende más, el 1370 o el 11262?", "which sells more, 1370 or 11262?",
 * "who buys more, 100026 or 100010?").
 */
const COMPARE =
  /\b(?:compar\w*|vs|versus|frente al?|contra|diferencias? entre|difference between|side by side|lado a lado|(?:which|who) (?:\w+ )?(?:sells?|sold|buys?|bought|orders?|ordered|is|does|did) (?:\w+ )?(?:more|better|most|best)|(?:cual|que|quien) (?:\w+ )?(?:se )?(?:vende|venden|vendio|compra|compran|compro|pide|pidio)\w* (?:\w+ )?(?:mas|mejor))\b/;

/** Whether a question sets two things side by side ("vs", "compara", "¿cuál se vende más, A o B?"). */
export function asksComparison(text: string): boolean {
  return COMPARE.test(text);
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
  if (!COMPARE.test(text)) return undefined;
  const brands = brandsNamed(text, vocab);
  return brands.length === 2 ? { side: 'brands', ids: [brands[0]!, brands[1]!] } : undefined;
}

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
  if (!COMPARE.test(text)) return undefined;
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
