/** "Last time", "su último pedido", "latest purchase": the customer's most recent order. */
const LAST_ORDER =
  /\b(?:last time|ultima vez|(?:last|latest|most recent) (?:order|purchase|visit|basket)|(?:ultim[oa]|mas recientes?) (?:pedido|compra|orden|visita|factura)|(?:pedido|compra|orden) mas recientes?)\b/;

/** "When", "cuándo": the date of the last order is asked, which the summary of the orders states. */
const WHEN = /\b(?:cuando|when)\b/;

/**
 * Whether a question about one customer asks what their last order held: "what did 1002 buy last
 * time?", "¿qué compró el 1002 en su último pedido?", "show me 1002's last order".
 *
 * @example
 * asksLastOrder('que compro el 1002 en su ultimo pedido'); // true
 * asksLastOrder('cuando fue la ultima compra del 1002'); // false
 */
export function asksLastOrder(text: string): boolean {
  return LAST_ORDER.test(text) && !WHEN.test(text);
}
