/** "Activo", "activos", "active": a customer who buys, said of customers. */
const ACTIVE = /\b(?:activ[oa]s?|active)\b/;

/** Not active: "inactivos", "no activos", "not active" ask for those who stopped (lapsed). */
const NOT_ACTIVE = /\b(?:inactiv\w*|no (?:estan |esta |son |es )?activ\w*|not active|non active)\b/;

/**
 * Whether a question counts the active customers ("¿cuántos clientes activos tenemos?", "how many
 * active customers do we have?", "¿cuántos restaurantes están activos?"), over normalized text read
 * as a count of customers: active is having bought lately, not being registered.
 *
 * @example
 * asksActiveCustomers('cuantos clientes activos tenemos'); // true
 * asksActiveCustomers('cuantos clientes inactivos hay'); // false
 */
export function asksActiveCustomers(text: string): boolean {
  return ACTIVE.test(text) && !NOT_ACTIVE.test(text);
}
