import type { Vocabulary } from '../vocabulary.ts';

/**
 * Telling a year from an id when the same number is both: "top productos 2024", "historial del 2019".
 */

/**
 * Plural words of what is listed: "top productos 2024", "clientes 2024", "los más vendidos 2024"
 * never name one product or customer by the number after them ("producto 2024" does), so a recent
 * year there is the year.
 */
const PLURAL_ROLE =
  /^(?:productos|products|articulos|items|skus|referencias|clientes|customers|clients|tiendas|shops|stores|vendidos|vendidas|comprados|compradas)$/;

/**
 * Whether a recent year written after `role` (the word before it) is the year even when it is also a
 * known id: the plural noun of a list comes before it.
 *
 * @example
 * yearAfterPlural('productos'); // true: "top productos 2024"
 * yearAfterPlural('producto'); // false: "producto 2024" is that product
 */
export function yearAfterPlural(role: string): boolean {
  return PLURAL_ROLE.test(role);
}

/** "Del 2019", "de 2019", "of 2019": a year as the periods read it, with nothing else to say so. */
const OF_A_NUMBER = /^\s*(?:del|de|of)\s+(\d{4})\s*$/;

/**
 * Whether a period read from "del 2019" is rather the customer or product 2019 the data know: when
 * the year has no day of data, the year could only be answered "no data", while "historial del
 * 2019" is how a rep asks for that customer. A year with data keeps its reading ("ventas del 2024"
 * is how the year is said), and "en 2019" or "del año 2019" always name the year.
 *
 * @example
 * idRatherThanYear('del 2019', vocab); // true when 2019 is a customer and the data start in 2024
 */
export function idRatherThanYear(written: string, vocab: Vocabulary): boolean {
  const m = OF_A_NUMBER.exec(written);
  if (!m) return false;
  const value = Number(m[1]);
  if (!vocab.customerIds.has(value) && !vocab.productIds.has(value)) return false;
  const first = vocab.firstDay ?? vocab.lastDay;
  const last = vocab.lastDay;
  if (!first || !last) return false;
  return `${value}-12-31` < first || `${value}-01-01` > last;
}
