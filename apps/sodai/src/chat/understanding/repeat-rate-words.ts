/**
 * The repeat purchase rate: "tasa de recompra", "recompra", "¿cuántos vuelven a comprarlo?", "repeat
 * purchase rate", "repurchase rate", "repeat buyers", over normalized text. Its buyers who bought it
 * again, not its weekly sales nor one customer's basket.
 */
const REPEAT =
  /\b(?:re ?compra\w*|tasa de repeticion|vuelven? a comprar\w*|volvieron a comprar\w*|volver a comprar\w*|compra(?:n|ron)? de nuevo|repeat(?:ed)? (?:purchase|purchasing|buy|buying|order|ordering|customer|buyer)s?(?: rate)?|repurchas\w*|re ?order rate|buy (?:it )?again|bought (?:it )?again)\b/;

/**
 * Whether a question asks how many of the buyers bought again.
 *
 * @example
 * asksRepeatRate('cual es la tasa de recompra del producto 1370'); // true
 * asksRepeatRate('what is the repeat purchase rate of product 1370'); // true
 * asksRepeatRate('ventas del producto 1370'); // false
 */
export function asksRepeatRate(text: string): boolean {
  return REPEAT.test(text);
}
