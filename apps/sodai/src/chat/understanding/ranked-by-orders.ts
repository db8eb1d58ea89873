import { GROUP_RE } from './intent-words.ts';

/**
 * A ranking by how often, not how much: "by number of orders", "por cantidad de pedidos", "most
 * orders", "más pedidos", "most often", "más seguido", "con más frecuencia", "frequent buyers".
 * The plural after "por" / "by" keeps "unidades por pedido" (a size per order) out.
 */
const BY_ORDERS = new RegExp(
  `\\b(?:${[
    '(?:by|per|por|segun|according to) (?:the )?(?:(?:number|count|amount|cantidad|numero) (?:of |de )?)?(?:orders|pedidos|purchases|compras|ordenes|order count|frecuencia|frequency)',
    '(?:the )?(?:most|more|mas|mayor (?:cantidad|numero) de|highest (?:number|count) of) (?:orders|pedidos|purchases|compras|ordenes)',
    '(?:most|more) (?:often|frequently)',
    'mas (?:seguido|frecuente(?:mente)?|a menudo|veces)',
    'con (?:mas|mayor) frecuencia',
    'frequent (?:buyers|customers|clients)',
    'clientes (?:mas )?frecuentes',
  ].join('|')})\\b`,
);

/** Customers as the subject without a customer noun: "¿quién compra más seguido?". */
const WHO = /\b(?:quien(?:es)?|who)\b/;

/**
 * Whether a question ranks customers by their orders rather than their units. Customers must be
 * what is ranked: a customer noun, "quién" / "who" or a type of customer, with no product noun
 * before it ("productos que los clientes piden más seguido" ranks products).
 *
 * @example
 * customersRankedByOrders('top customers by number of orders', false); // true
 * customersRankedByOrders('que cliente compra mas seguido', false); // true
 * customersRankedByOrders('productos mas pedidos', false); // false
 */
export function customersRankedByOrders(text: string, namesCustomerType: boolean): boolean {
  if (!BY_ORDERS.test(text)) return false;
  const customer = [GROUP_RE.customer, WHO]
    .map((re) => text.search(re))
    .filter((at) => at >= 0)
    .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const product = text.search(GROUP_RE.product);
  if (product >= 0 && product < customer) return false;
  return customer < Number.POSITIVE_INFINITY || namesCustomerType;
}
