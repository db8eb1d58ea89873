import { GROUP_RE } from './intent-words.ts';

/**
 * Returns: "¿cuántas devoluciones hubo el último mes?", "which customers return the most?", "¿qué
 * productos se devuelven más?", over normalized, spell-corrected text. "Return" alone is left out:
 * "what does the model return?" asks no such thing.
 */
const RETURNS =
  /\b(?:devoluci\w*|devuelt\w*|devolvi\w*|devuelv\w*|devolver|returns|returned|returning|return (?:rate|the most|most|more)|refund\w*)\b/;

/** The words of returns, whole, for the speller's lexicon ("devolvieron" is no typo of "volvieron"). */
export const RETURN_WORDS = [
  'devolucion',
  'devoluciones',
  'devuelto',
  'devuelta',
  'devueltos',
  'devueltas',
  'devolvio',
  'devolvieron',
  'devuelve',
  'devuelven',
  'devolver',
  'returns',
  'returned',
  'returning',
  'refund',
  'refunds',
  'refunded',
] as const;

/** Who a question about returns ranks, or none for the period's total. */
export type ReturnsBy = 'customers' | 'products' | 'total';

/** "Who", "quién": the customers asked for without a customer noun. */
const WHO = /\b(?:quien(?:es)?|who|whom)\b/;

/**
 * What a question about returns ranks: the customers (a customer noun first, a type or "who"), the
 * products (a product noun first), or neither (the period's total); undefined when it is not about
 * returns.
 *
 * @example
 * returnsAsked('que clientes devuelven mas'); // 'customers'
 * returnsAsked('cuantas devoluciones hubo el ultimo mes'); // 'total'
 */
export function returnsAsked(text: string): ReturnsBy | undefined {
  if (!RETURNS.test(text)) return undefined;
  const c = text.search(GROUP_RE.customer);
  const p = text.search(GROUP_RE.product);
  if (c >= 0 && (p < 0 || c < p)) return 'customers';
  if (p >= 0) return 'products';
  return WHO.test(text) ? 'customers' : 'total';
}
