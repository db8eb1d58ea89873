import type { ChatIntent } from '../../contract/api.ts';
import { GROUP_RE } from './intent-words.ts';

/** "¿Y cuántos son?", "how many is that?", "¿cuántas unidades fueron en total?": a count, of nothing named. */
const ASKS_COUNT = /^(?:y |and |e )?(?:cuant[oa]s?|how (?:many|much)|(?:el |the )?total)\b/;

/**
 * Words that point back at the previous answer: a demonstrative or pronoun ("esa marca", "those",
 * "de ellos"), "same", or the copula a follow-up asks with ("¿cuántos son?", "how many are they?").
 */
const REFERS_BACK =
  /\b(?:es[ea]s?|eso|estos|estas|aquel\w*|dich[oa]s?|mism[oa]s?|ellos|ellas|those|these|that|them|they|same|son|fueron|eran|seran|is that|was that|are they|were they)\b/;

/**
 * Whether a count names what it counts and says something of its own about it ("¿cuántos
 * productos distintos vendemos?", "how many customers do we have?"): a question about the whole
 * business, not about the previous answer, unless it opens with "y"/"and" or points back to it.
 */
function asksOnItsOwn(text: string): boolean {
  // Units asked for ("how many units in total?") have no whole to count but the previous answer's.
  const namesWhat = GROUP_RE.customer.test(text) || GROUP_RE.product.test(text);
  if (!namesWhat || /^(?:y|and|e) /.test(text) || REFERS_BACK.test(text)) return false;
  // Beyond the count and its noun ("¿cuántos productos?") something more is said.
  return text.split(' ').length > 2;
}

/** Units or sales asked for: the previous question's total, not its head count. */
const VOLUME = /\b(?:unidades|units|volumen|volume|vend\w*|sold|sales|ventas|cuanto|cuanta|how much)\b/;

/** The count that answers "¿cuántos son?" after a list: its customers or products counted. */
const COUNT_OF: Partial<Record<ChatIntent, ChatIntent>> = {
  top_customers: 'count_customers',
  top_products: 'count_products',
  count_customers: 'count_customers',
  count_products: 'count_products',
};

/** Lists whose own tool states how many when asked ("how_many"). */
const COUNTS_ITSELF: ReadonlySet<ChatIntent> = new Set([
  'small_customers',
  'slow_movers',
  'lapsed_customers',
  'product_buyers',
  'movers',
  'new_products',
  'new_customers',
]);

/**
 * The intent of a follow-up that asks how many, or how much, of the previous answer and names no
 * value of its own ("¿cuáles son los mejores clientes?" → "¿cuántos son?"): a count of the same
 * customers or products (or of those its noun names), or the units of the same period and filters.
 * Undefined when the question is not such a follow-up, including a count that asks something of
 * its own about the whole business ("¿cuántos productos distintos vendemos?").
 *
 * @example
 * countFollowUp('cuantos son', 'top_customers'); // 'count_customers'
 * countFollowUp('y cuantas unidades fueron en total', 'top_products'); // 'sales_trend'
 */
export function countFollowUp(text: string, previous: ChatIntent): ChatIntent | undefined {
  if (!ASKS_COUNT.test(text) || asksOnItsOwn(text)) return undefined;
  if (VOLUME.test(text)) return 'sales_trend';
  // "¿Y cuántos clientes son?" after the best sellers: the buyers of the same period and filters.
  const c = text.search(GROUP_RE.customer);
  const p = text.search(GROUP_RE.product);
  if (c >= 0 && (p < 0 || c < p)) return 'count_customers';
  if (p >= 0) return 'count_products';
  return COUNT_OF[previous] ?? (COUNTS_ITSELF.has(previous) ? previous : undefined);
}
