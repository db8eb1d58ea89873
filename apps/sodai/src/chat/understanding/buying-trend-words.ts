/** Less than before: "está comprando menos", "pide menos", "is buying less", "dropping off". */
const LESS =
  /\b(?:(?:comprando|pidiendo|vendiendo|llevando|comprado|pedido|vendido) menos|(?:compra|pide|vende|lleva|se vende) menos|baj(?:o|ando|ado) (?:sus |las )?(?:compras|pedidos|ventas)|(?:buying|ordering|selling|purchasing|buys|orders|sells|bought|ordered|sold) less|dropping(?: off)?|slowing(?: down)?|declining|falling off)\b/;

/** More than before: "está comprando más", "pide más", "is buying more", "picking up". */
const MORE =
  /\b(?:(?:comprando|pidiendo|vendiendo|llevando|comprado|pedido|vendido) mas|(?:compra|pide|vende|lleva|se vende) mas(?! de\b)|sub(?:io|iendo|ido) (?:sus |las )?(?:compras|pedidos|ventas)|(?:buying|ordering|selling|purchasing|buys|orders|sells|bought|ordered|sold) more(?! than\b)|picking up|growing)\b/;

/** A question asking which, what or how much: a ranking or a figure, not a yes or no on a trend. */
const WH =
  /\b(?:que|cual|cuales|which|what|quien|quienes|who|cuanto|cuanta|cuantos|cuantas|how much|how many)\b/;

/**
 * Whether a question about one customer or product asks if it is buying (or selling) less or more
 * than before ("¿el 181101 está comprando menos?", "is customer 188331 buying less?"): the
 * direction asked, or undefined. "¿Qué compra más el 1002?" asks what, not whether.
 *
 * @example
 * buyingTrendAsked('el 181101 esta comprando menos'); // 'less'
 * buyingTrendAsked('que producto compra mas el 181101'); // undefined
 */
export function buyingTrendAsked(text: string): 'less' | 'more' | undefined {
  if (WH.test(text)) return undefined;
  if (LESS.test(text)) return 'less';
  if (MORE.test(text)) return 'more';
  return undefined;
}
