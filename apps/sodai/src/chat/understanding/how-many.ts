/**
 * "¿Cuántos clientes compran poco?", "how many products are growing?": a count of the customers or
 * products (or brands) a question describes, not of the units or orders they moved ("¿cuántas
 * unidades…?", "how many orders…?" ask for volume, which the tools state anyway).
 */
const HOW_MANY =
  /\b(?:cuant[oa]s|how many|(?:el )?(?:numero|cantidad) de|(?:the )?number of)\s+(?!(?:unidades|units|pedidos|ordenes|orders|compras|purchases|veces|times|semanas|weeks|dias|days|meses|months|litros|litres|liters|cajas|boxes|lineas|lines|ventas|sales)\b)/;

/**
 * Whether a normalized question asks how many of a group there are.
 *
 * @example
 * asksHowMany('cuantos clientes compran poco'); // true
 * asksHowMany('cuantas unidades compro el 100001'); // false
 */
export function asksHowMany(text: string): boolean {
  return HOW_MANY.test(text);
}
