/**
 * The best or worst week or month of a period as what is asked ("¿cuál fue la semana con más
 * ventas del año?", "which month sold the least?", "el peor mes"), over normalized, spell-corrected
 * text. The week or month itself is ranked, so "best sellers this week" (products ranked within a
 * week) is not one.
 */

/** Which end of the ranking of days, weeks or months is asked, and of which. */
export interface PeakAsked {
  readonly grain: 'day' | 'week' | 'month';
  readonly end: 'best' | 'worst';
}

/** A best or worst week or month: what the series of weeks or months answers. */
export type PeriodPeak = PeakAsked & { readonly grain: 'week' | 'month' };

const GRAIN = '(semanas?|mes|meses|weeks?|months?)';
const BEST = '(?:mejor(?:es)?|best|busiest|strongest|biggest|highest|top)';
const WORST = '(?:peor(?:es)?|worst|weakest|slowest|quietest|lowest|mas flojas?|mas bajas?)';

/** "La mejor semana", "el peor mes", "the busiest week", "best sales month". */
const RANKED_GRAIN = new RegExp(`\\b(${BEST}|${WORST}) (?:sales |de ventas |selling )?${GRAIN}\\b`);
/** "La semana más floja", "el mes más fuerte", "the week with the most sales". */
const GRAIN_THEN_RANK = new RegExp(
  `\\b${GRAIN} (?:(?:con|de|with)(?: the)? (mas|menos|mayor(?:es)?|menor(?:es)?|most|least|fewest|highest|lowest|best|worst)|mas (flojas?|bajas?|fuertes?|altas?|buenas?|malas?))\\b`,
);
/** "¿Qué semana vendimos más?", "which month sold the least?", "in which week did we sell most?". */
const WHICH_GRAIN = new RegExp(`\\b(?:que|cual|which|what|en que|in which) ${GRAIN}\\b`);
const MORE_OR_LESS = /\b(mas|menos|most|least|fewest|best|worst|highest|lowest|mejor|peor)\b/;

const LOW =
  /^(?:menos|menor(?:es)?|least|fewest|lowest|worst|peor(?:es)?|flojas?|bajas?|malas?|weakest|slowest|quietest|mas flojas?|mas bajas?)$/;

const grainOf = (word: string): PeakAsked['grain'] =>
  /^(?:semanas?|weeks?)$/.test(word) ? 'week' : /^(?:dias?|days?)$/.test(word) ? 'day' : 'month';

/**
 * Days are ranked only as "el mejor día", "the busiest day", "el día con más ventas": "¿qué día se
 * vende más?" asks which weekday, the weekday split's question.
 */
const DAY = '(dias?|days?)';
const RANKED_DAY = new RegExp(`\\b(${BEST}|${WORST}) (?:sales |de ventas |selling )?${DAY}\\b`);
const DAY_THEN_RANK = new RegExp(
  `\\b${DAY} (?:(?:con|de|with)(?: the)? (mas|menos|mayor(?:es)?|menor(?:es)?|most|least|fewest|highest|lowest|best|worst)(?: ventas| sales| unidades| units)|(?:que|en que|that|when|on which) (?:mas|menos|most|least) (?:vendimos|se vendio|sold|we sold))\\b`,
);

/**
 * The best or worst week or month a question asks for, if it asks for one.
 *
 * @example
 * peakAsked('cual fue la semana con mas ventas del ano'); // { grain: 'week', end: 'best' }
 * peakAsked('el peor mes'); // { grain: 'month', end: 'worst' }
 * peakAsked('best sellers this week'); // undefined
 */
export function peakAsked(text: string): PeakAsked | undefined {
  const ranked = RANKED_GRAIN.exec(text);
  if (ranked) return { grain: grainOf(ranked[2]!), end: LOW.test(ranked[1]!) ? 'worst' : 'best' };
  const after = GRAIN_THEN_RANK.exec(text);
  if (after) return { grain: grainOf(after[1]!), end: LOW.test(after[2] ?? after[3]!) ? 'worst' : 'best' };
  const day = RANKED_DAY.exec(text);
  if (day) return { grain: 'day', end: LOW.test(day[1]!) ? 'worst' : 'best' };
  const dayAfter = DAY_THEN_RANK.exec(text);
  if (dayAfter)
    return {
      grain: 'day',
      end: /\b(?:menos|menor(?:es)?|least|fewest|lowest|worst)\b/.test(dayAfter[0]) ? 'worst' : 'best',
    };
  const which = WHICH_GRAIN.exec(text);
  const rank = which ? MORE_OR_LESS.exec(text.slice(which.index)) : null;
  if (which && rank) return { grain: grainOf(which[1]!), end: LOW.test(rank[1]!) ? 'worst' : 'best' };
  return undefined;
}
