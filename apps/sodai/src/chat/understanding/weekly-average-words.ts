/** An average asked for: "promedio", "en promedio", "media", "average", "on average". */
const AVERAGE = /\b(?:promedios?|promedia\w*|media|average\w*|avg|mean)\b/;

/** Per week: "por semana", "a la semana", "semanal", "per week", "a week", "weekly". */
const PER_WEEK =
  /\b(?:por semana|a la semana|en una semana|cada semana|semanal(?:es|mente)?|per week|a week|each week|every week|weekly)\b/;

/**
 * A week of the usual size is itself the average: "in an average week", "en una semana típica",
 * "a normal week" need no other average word.
 */
const AVERAGE_WEEK =
  /\b(?:(?:an? |the )?(?:average|typical|normal|usual) week|(?:una |la )?semana (?:promedio|media|tipica|normal))\b/;

/** "How much … a week?" asks the same average without its word ("¿cuánto vendemos por semana?"). */
const HOW_MUCH = /\b(?:cuant[oa]s?|how (?:much|many))\b/;
/** The per-week words a "how much" question may use (not "cada semana", a habit of buyers). */
const HOW_MUCH_PER_WEEK = /\b(?:por semana|a la semana|en una semana|per week|a week)\b/;

/** An average per order, or of the order size, is the order size's question. */
const PER_ORDER =
  /\b(?:por (?:pedido|orden|compra|factura)|per (?:order|purchase)|each order|order size|tamano)\b/;

/**
 * Whether a question asks for a weekly average over its period ("promedio por semana", "average
 * units per week of customer 1002", "¿cuánto vendemos en promedio a la semana?"), not an average per
 * order or the weeks themselves.
 *
 * @example
 * asksWeeklyAverage('promedio por semana de ventas del ultimo mes'); // true
 * asksWeeklyAverage('promedio por pedido del cliente 100026'); // false
 */
export function asksWeeklyAverage(text: string): boolean {
  if (PER_ORDER.test(text)) return false;
  return (
    AVERAGE_WEEK.test(text) ||
    (AVERAGE.test(text) && PER_WEEK.test(text)) ||
    (HOW_MUCH.test(text) && HOW_MUCH_PER_WEEK.test(text))
  );
}

/**
 * Whether a question asks how much was moved ("how many units", "¿cuántos pedidos?", "how much"):
 * a volume, which a weekly average gives and a usual basket, a list of products, does not.
 *
 * @example
 * asksHowMuch('how many units does 1002 buy in a typical week'); // true
 */
export function asksHowMuch(text: string): boolean {
  return HOW_MUCH.test(text);
}
