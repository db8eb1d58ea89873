import type { ChatAttribute, ChatEntities, ChatIntent, ChatThreshold } from '../../contract/api.ts';
import { GROUP_RE } from './intent-words.ts';

/** "¿Qué se vendió …?", "what sold …": the products are asked for. */
const WHAT_SOLD = /\b(?:que|what|which|cuales) (?:\w+ ){0,2}(?:vend\w*|sold|sell\w*)\b/;
/** "¿Vendimos más de 500 unidades?": the total sold. */
const SOLD = /\b(?:vend\w*|sold|sell\w*)\b/;

/** Who or what passes a threshold: customers, products, or the period's total sold. */
export type ThresholdSubject = 'customers' | 'products' | 'total';

/**
 * What a question with a quantity bar counts or lists: the noun it names first ("clientes que
 * compraron más de 100 unidades", "productos con menos de 10 clientes"), the other side of what the
 * bar counts ("más de 5 productos" is said of customers), "quién", a customer type; otherwise
 * "vendimos" asks about the total and a buying verb about customers. Undefined when the question is
 * about one customer or product ("¿el 1002 compró más de 50 unidades?"): not a threshold question.
 */
export function thresholdSubject(
  text: string,
  bar: ChatThreshold,
  e: ChatEntities,
  at: Partial<Record<ChatAttribute, number>>,
): ThresholdSubject | undefined {
  if (bar.of === 'customers') return 'products';
  if (bar.of === 'products') return 'customers';
  const positions = [text.search(GROUP_RE.customer), text.search(GROUP_RE.who), at.customer_type ?? -1];
  const c = Math.min(...positions.map((i) => (i < 0 ? Infinity : i)));
  const p = text.search(GROUP_RE.product);
  if (c !== Infinity && (p < 0 || c < p)) return 'customers';
  if (p >= 0) return 'products';
  if (e.customer_id !== undefined || e.product_id !== undefined) return undefined;
  if (WHAT_SOLD.test(text)) return 'products';
  if (SOLD.test(text)) return 'total';
  return GROUP_RE.buyVerb.test(text) ? 'customers' : undefined;
}

/**
 * The intent that answers a threshold question: a count when "how many" is asked, otherwise the
 * list of those past the bar (the biggest first above it, the smallest first below it).
 */
export function thresholdIntent(subject: ThresholdSubject, bar: ChatThreshold, howMany: boolean): ChatIntent {
  if (subject === 'total') return 'sales_trend';
  const below = bar.op === 'lt' || bar.op === 'lte';
  if (subject === 'customers')
    return howMany ? 'count_customers' : below ? 'small_customers' : 'top_customers';
  return howMany ? 'count_products' : below ? 'slow_movers' : 'top_products';
}
