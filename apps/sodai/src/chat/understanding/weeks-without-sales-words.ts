/**
 * The weeks are what is asked for: "¿en qué semanas …?", "¿hay semanas …?", "which weeks", "weeks
 * with no …", "semanas sin …". "Esta semana", "la semana pasada" name a period, not the weeks asked.
 */
const WEEKS_ASKED =
  /\b(?:que|cuales?|which|what|hay|any|alguna|algunas)\s+(?:semanas?|weeks?)\b|\bweeks?\s+(?:with|without|sin|con|in which|en (?:las )?que|when|that|where)\b|^(?:y |and )?(?:semanas|weeks)\b/;

/**
 * Not sold: "no se vendieron", "no vendimos", "no compró", "sin ventas", "with no (can) sales",
 * "zero sales", "didn't sell", "did 1370 not sell", "nothing sold".
 */
const NOT_SOLD =
  /\b(?:no (?:se )?(?:vend|compr|pid|pedi)\w*|sin (?:ventas?|compras?|pedidos?|vender)|(?:no|zero) (?:\w+ ){0,2}(?:sales|orders|purchases)|without (?:\w+ ){0,2}(?:sales|orders|purchases|selling)|(?:didn ?t|did not|don ?t|do not|never|not) (?:sell|buy|order)\w*|nothing (?:was )?sold|not sold|unsold)\b/;

/**
 * Whether a question asks in which weeks something was not sold ("¿en qué semanas no se vendieron
 * latas?", "weeks with no can sales", "¿hay semanas sin ventas del 1370?"). What was not sold is
 * read from the entities; with nothing named it is the data's own gaps (data-gaps-words.ts).
 *
 * @example
 * asksWeeksWithoutSales('en que semanas no se vendieron latas'); // true
 * asksWeeksWithoutSales('que clientes no compraron latas esta semana'); // false
 */
export function asksWeeksWithoutSales(text: string): boolean {
  return WEEKS_ASKED.test(text) && NOT_SOLD.test(text);
}
