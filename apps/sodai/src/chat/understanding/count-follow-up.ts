import type { ChatIntent } from '../../contract/api.ts';
import { GROUP_RE } from './intent-words.ts';

/** "¿Y cuántos son?", "how many is that?", "¿cuántas unidades fueron en total?": a count, of nothing named. */
const ASKS_COUNT = /^(?:y |and |e )?(?:cuant[oa]s?|how (?:many|much)|(?:el |the )?total)\b/;

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
 * Undefined when the question is not such a follow-up.
 *
 * @example
 * countFollowUp('cuantos son', 'top_customers'); // 'count_customers'
 * countFollowUp('y cuantas unidades fueron en total', 'top_products'); // 'sales_trend'
 */
export function countFollowUp(text: string, previous: ChatIntent): ChatIntent | undefined {
  if (!ASKS_COUNT.test(text)) return undefined;
  if (VOLUME.test(text)) return 'sales_trend';
  // "¿Y cuántos clientes son?" after the best sellers: the buyers of the same period and filters.
  const c = text.search(GROUP_RE.customer);
  const p = text.search(GROUP_RE.product);
  if (c >= 0 && (p < 0 || c < p)) return 'count_customers';
  if (p >= 0) return 'count_products';
  return COUNT_OF[previous] ?? (COUNTS_ITSELF.has(previous) ? previous : undefined);
}
