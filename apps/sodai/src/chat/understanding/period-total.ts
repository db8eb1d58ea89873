import { completedChange } from './change-asked-words.ts';
import { GROUP_RE } from './intent-words.ts';

/** "¿Cuánto vendimos?", "how much did we sell", "total de ventas": the volume itself is asked. */
const HOW_MUCH = /\b(?:cuant[oa]s?|how (?:much|many)|total\w*|volumen|volume)\b/;

/** "How much", not "how many" (a count of the things that rose). */
const HOW_MUCH_CHANGE = /\b(?:cuanto|cuanta|how much|en cuanto)\b/;

/**
 * "¿Cuánto creció la marca 24 en marzo?", "how much did sales fall in april?": the change of a
 * period's total against the period before, which the total states.
 */
export function asksHowMuchItChanged(text: string): boolean {
  return HOW_MUCH_CHANGE.test(text) && (GROUP_RE.rising.test(text) || GROUP_RE.falling.test(text));
}

/** "¿Cuál fue la mejor semana?": one week of the period is asked, which the trend names first. */
const ONE_WEEK = /\b(?:mejor|peor|best|worst|weakest|strongest)\s+(?:semana|week)\b/;

/** The weeks themselves asked for: "tendencia", "semana a semana", "weekly". */
const WEEKS_ASKED =
  /\b(?:tendencias?|trends?|trending|evolucion\w*|evolution|semana a semana|week (?:by|over|on) week|por semana|per week|semanal\w*|weekly)\b/;

/**
 * Whether a question about sales over time asks for the period's total ("ventas de la semana
 * pasada", "¿cuánto vendimos el mes pasado?", "¿cómo nos fue la semana pasada?") rather than for
 * their direction or their weeks ("¿están creciendo las ventas?", "tendencia de las latas"): a period
 * named or "how much" asked, and no word of rising, falling, trend or weeks.
 *
 * @example
 * asksPeriodTotal('ventas de la semana pasada', true); // true
 * asksPeriodTotal('estan creciendo las ventas este mes', true); // false
 * asksPeriodTotal('crecieron las ventas este mes', true); // true
 */
export function asksPeriodTotal(text: string, namesPeriod: boolean): boolean {
  if (asksHowMuchItChanged(text) && !WEEKS_ASKED.test(text)) return true;
  if (!namesPeriod && !HOW_MUCH.test(text)) return false;
  // "¿La marca 24 creció este mes?": the month against the one before, which the total states.
  if (namesPeriod && completedChange(text) && !WEEKS_ASKED.test(text)) return true;
  return !(
    WEEKS_ASKED.test(text) ||
    GROUP_RE.rising.test(text) ||
    GROUP_RE.falling.test(text) ||
    ONE_WEEK.test(text)
  );
}
