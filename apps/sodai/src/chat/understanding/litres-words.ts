/**
 * Litres as what is measured ("¿cuántos litros se vendieron?", "sales in litres", "volumen en
 * litros"), not a size that filters ("botellas de 1 litro", "medio litro"), over normalized text.
 */
const LITRES_MEASURED =
  /\b(?:cuant[oa]s|how many|total(?: de)?|volumen(?: en| de)?|volume(?: in| of)?|en|in|de)\s+(?:litros|liters|litres|hectolitros|hectoliters|hectolitres)\b/;

/**
 * Whether a question asks for the volume in litres.
 *
 * @example
 * asksLitres('cuantos litros se vendieron en diciembre'); // true
 * asksLitres('ventas de botellas de 1 litro'); // false
 */
export function asksLitres(text: string): boolean {
  return LITRES_MEASURED.test(text);
}
