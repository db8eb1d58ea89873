import type { ChatEntities, ChatIntent } from '../../contract/api.ts';

/** Buying ahead: "will", "van a", "next week" (the served model predicts the coming week). */
const AHEAD =
  /\b(?:will|going to|gonna|(?:va|van|ira|iran) a|compraran|pediran|llevaran|next week|(?:la )?proxima semana|semana que viene)\b/;

/**
 * Whether a question asks what a type of customer will buy next week, which is advice for that
 * type: "¿qué van a comprar los mayoristas la próxima semana?" (read as likely buyers, which needs a
 * product) and "what will restaurants buy next week?" (read as past best sellers). A product or a
 * kind of product named keeps the buyers' question ("¿qué restaurantes van a comprar latas?").
 *
 * @example
 * asksTypeAhead('what will restaurants buy next week', 'top_products', { customer_type: 'RESTAURANT' }, false); // true
 */
export function asksTypeAhead(
  text: string,
  intent: ChatIntent,
  e: ChatEntities,
  namesKindOfProduct: boolean,
): boolean {
  if (e.customer_type === undefined || e.customer_id !== undefined || e.product_id !== undefined)
    return false;
  if (intent === 'likely_buyers') return !namesKindOfProduct;
  return intent === 'top_products' && e.group_by === undefined && AHEAD.test(text);
}
