import type { ChatIntent } from '../../contract/api.ts';
import type { ReturnsBy } from './returns-words.ts';
import type { ThresholdSubject } from './threshold-intent.ts';

/** Intents that need a customer named (or taken from the previous turn). */
export const NEEDS_CUSTOMER: ReadonlySet<ChatIntent> = new Set([
  'recommend',
  'explain_recommendation',
  'customer_history',
  'customer_basket',
  'customer_frequency',
  'customer_info',
]);
export const NEEDS_PRODUCT: ReadonlySet<ChatIntent> = new Set([
  'likely_buyers',
  'product_info',
  'product_buyers',
]);
/** Who a count or list of customers or products is of, for a threshold said in a follow-up. */
export const THRESHOLD_SUBJECT_OF: Partial<Record<ChatIntent, ThresholdSubject>> = {
  top_customers: 'customers',
  small_customers: 'customers',
  count_customers: 'customers',
  top_products: 'products',
  slow_movers: 'products',
  count_products: 'products',
};

/** What a customer's "last order" may first be read as: their history, advice or basket. */
export const LAST_ORDER_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'customer_history',
  'recommend',
  'customer_basket',
]);

/** Questions about the model and the pipeline, whose words may name returns or days. */
export const OPERATIONS: ReadonlySet<ChatIntent> = new Set([
  'model_info',
  'model_performance',
  'prediction_drivers',
  'drift_status',
  'pipeline_last_run',
  'pipeline_next_run',
  'last_batch',
]);

/** The intent of a question about returns, by what it ranks. */
export const RETURNS_INTENT: Readonly<Record<ReturnsBy, ChatIntent>> = {
  total: 'sales_trend',
  customers: 'top_customers',
  products: 'top_products',
};

/** What a weekly average may first be read as: a total, a trend, an order size, a count, or nothing. */
export const WEEKLY_AVERAGE_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'sales_trend',
  'order_size',
  'customer_history',
  'customer_frequency',
  'product_info',
  'compare_periods',
  'count_customers',
  'count_products',
  'unknown',
]);

/**
 * What "who buys it every week?" may first be read as: past, likely or top buyers, a count, a usual
 * basket (of no customer named), or nothing.
 */
export const REGULAR_BUYERS_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'product_buyers',
  'customer_basket',
  'likely_buyers',
  'top_customers',
  'top_products',
  'count_customers',
  'customer_frequency',
  'unknown',
]);

/** Intents whose lists "show more" can continue (besides any answer a tool paged, {@link TurnMemory.list}). */
export const LISTS: ReadonlySet<ChatIntent> = new Set([
  'recommend',
  'likely_buyers',
  'lapsed_customers',
  'customer_history',
  'customer_basket',
  'top_products',
  'top_customers',
  'product_buyers',
  'movers',
  'slow_movers',
  'small_customers',
  'new_products',
  'new_customers',
]);
