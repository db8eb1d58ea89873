import type { ChatPeriod, Lang } from '../../contract/api.ts';

/**
 * "El mismo mes del año pasado", "la misma semana del año anterior", "same month last year", "the
 * same period a year ago": the period before it a year back, not the whole of last year.
 */
const SAME_TIME =
  /\b(?:(?:el|la|los|las) )?mism[oa]s? (?:mes|semana|periodo|dias|trimestre|fecha)s? (?:del?|en el) ano (?:pasado|anterior)\b|\bsame (?:month|week|period|days|quarter|time) (?:of |in )?(?:last year|the (?:year|previous year) before|a year (?:ago|before)|the previous year)\b/;

/** Whether a question compares its period with the same time a year before. */
export function asksSameTimeLastYear(text: string): boolean {
  return SAME_TIME.test(text);
}

/** A day a year before (29 February becomes the 28th). */
function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The same days a year before `p`, to compare it with ("este mes" → the same month of last year).
 *
 * @example
 * sameTimeLastYear({ from: '2024-12-01', to: '2024-12-31', label: 'este mes' }, 'es');
 * // { from: '2023-12-01', to: '2023-12-31', label: 'el mismo período del año anterior' }
 */
export function sameTimeLastYear(p: ChatPeriod, lang: Lang): ChatPeriod {
  return {
    from: yearBefore(p.from),
    to: yearBefore(p.to),
    label: lang === 'es' ? 'el mismo período del año anterior' : 'the same period a year before',
  };
}
