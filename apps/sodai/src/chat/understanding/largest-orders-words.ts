/** What an order is called: a sales rep's "pedido", "orden", "ticket" or "compra". */
const ORDER = '(?:pedidos?|ordenes|orden|tickets?|compras?|orders?|purchases?|baskets?)';

/** Big as a superlative: "más grande", "mayor", "biggest", "the most units". */
const BIGGEST_AFTER = '(?:mas grandes?|mas voluminos[oa]s?|de mayor tamano|con mas unidades|con mas lineas)';
const BIGGEST_BEFORE = '(?:mayor(?:es)?|mas grandes?|biggest|largest|heaviest|bulkiest)';
const MOST_UNITS_AFTER = '(?:with (?:the )?most (?:units|items|lines))';

/**
 * One order ranked by its size: "el pedido más grande", "los mayores pedidos", "the biggest order",
 * "largest orders", "the order with the most units". Not an average ("tamaño promedio"), which is the
 * order size, nor the biggest customers ("los clientes más grandes"), whose noun is no order.
 */
const LARGEST_ORDER = new RegExp(
  `\\b(?:${ORDER} (?:\\w+ )?${BIGGEST_AFTER}|${BIGGEST_BEFORE} (?:single )?${ORDER}|${ORDER} ${MOST_UNITS_AFTER})\\b`,
);

/** An average or a typical order: the order size, not the largest ones. */
const AVERAGE = /\b(?:promedio|medio|media|tipico|average|avg|mean|typical)\b/;

/**
 * Whether a question asks for the largest orders of a period, over normalized text.
 *
 * @example
 * asksLargestOrders('cual es el pedido mas grande del mes'); // true
 * asksLargestOrders('what was the biggest order last week'); // true
 * asksLargestOrders('tamano promedio de pedido'); // false
 */
export function asksLargestOrders(text: string): boolean {
  return LARGEST_ORDER.test(text) && !AVERAGE.test(text);
}
