import type { ChatIntent } from '../../contract/api.ts';

/**
 * Month by month: "por mes", "mes a mes", "cada mes", "mensual", "by month", "per month", "monthly",
 * "month over month". A best or worst month ("el peor mes") is read before this (peak-period-words.ts).
 */
const BY_MONTH =
  /\b(?:por mes(?:es)?|mes a mes|mes por mes|cada mes|mensual(?:es|mente)?|desglosad[oa]s? por mes|by months?|per month|monthly|month (?:by|over|to|after) month|each month|every month)\b/;

/** The questions about sales a split by month applies to: totals and trends, of all or of one. */
export const BY_MONTH_INTENTS: ReadonlySet<ChatIntent> = new Set([
  'sales_trend',
  'sales_share',
  'customer_history',
  'product_info',
  'unknown',
]);

/**
 * Whether a question asks its sales month by month.
 *
 * @example
 * asksByMonth('sales of brand 24 by month'); // true
 * asksByMonth('ventas de la marca 24 mes a mes'); // true
 * asksByMonth('ventas del mes pasado'); // false
 */
export function asksByMonth(text: string): boolean {
  return BY_MONTH.test(text);
}
