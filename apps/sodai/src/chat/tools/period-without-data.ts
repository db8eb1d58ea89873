import type { ChatEntities, Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { describePeriod } from './filters.ts';
import type { ToolAnswer } from './toolbox.ts';

/**
 * "¿Cuánto vendimos el año pasado?" over data that start this year: a period with no day of data is
 * said to be outside the data, rather than answered as "0 sales" (which reads as a fact about the
 * business) or over other days. Undefined when every period the question names overlaps the data.
 *
 * @example
 * periodWithoutData({ period: { from: '2023-01-01', to: '2023-12-31', label: 'last year' } }, vocab, 'en');
 * // { text: 'That period has no data: last year (Jan 1, 2023 – Dec 31, 2023); …', answered: true, … }
 */
export function periodWithoutData(
  entities: ChatEntities,
  vocab: Vocabulary,
  lang: Lang,
): ToolAnswer | undefined {
  const { firstDay, lastDay } = vocab;
  if (!firstDay || !lastDay) return undefined;
  const outside = [entities.period, entities.compare_to].find(
    (p) => p && (p.to < firstDay || p.from > lastDay),
  );
  if (!outside) return undefined;
  const span = say(
    lang,
    `los datos de ventas van del ${formatDay(firstDay, lang)} al ${formatDay(lastDay, lang)}`,
    `the sales data run from ${formatDay(firstDay, lang)} to ${formatDay(lastDay, lang)}`,
  );
  return {
    text: say(
      lang,
      `Ese período no tiene datos: ${describePeriod(outside, lang)}; ${span}. Pregunte por un período dentro de esas fechas.`,
      `That period has no data: ${describePeriod(outside, lang)}; ${span}. Ask about a period within those dates.`,
    ),
    answered: true,
    basedOn: [say(lang, 'días con datos de ventas', 'days with sales data')],
    data: { period_from: outside.from, period_to: outside.to, data_from: firstDay, data_until: lastDay },
  };
}
