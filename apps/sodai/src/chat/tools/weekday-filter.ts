import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { SqlFilter } from './filters.ts';
import { dayName } from './weekday-pattern.ts';

/**
 * A ranking's filter narrowed to the sales of one ISO weekday ("¿qué productos se venden más los
 * lunes?"), or as it is when no weekday was named.
 */
export function onWeekdayOnly(f: SqlFilter, day: number | undefined): SqlFilter {
  if (day === undefined) return f;
  return {
    where: `${f.where} AND isodow(t.purchase_date) = $${f.params.length + 1}`,
    params: [...f.params, day],
  };
}

/** " los lunes", " los sábados", " on Mondays"; nothing when no weekday was named. */
export function onWeekdayWords(day: number | undefined, lang: Lang): string {
  if (day === undefined) return '';
  const es = dayName(day, 'es');
  return say(lang, ` los ${es.endsWith('s') ? es : `${es}s`}`, ` on ${dayName(day, 'en')}s`);
}

/** The "based on" line of a weekday's sales: "solo los lunes (día de la fecha de compra)". */
export function weekdayBasis(day: number | undefined, lang: Lang): string[] {
  if (day === undefined) return [];
  return [
    say(
      lang,
      `solo${onWeekdayWords(day, lang)} (día de la fecha de compra)`,
      `only${onWeekdayWords(day, lang)} (purchase date weekday)`,
    ),
  ];
}
