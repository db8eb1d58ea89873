import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { capitalize, formatDay, say } from '../format.ts';
import { addDays, daysBetween, mondayOf } from '../understanding/days.ts';

/** Two periods to compare, the earlier one cut to the later one's days when that one is partial. */
export interface LikeForLike {
  /** The later period, ending on the data's last day when it runs past it ("en mayo" on data to the 19th). */
  readonly later: ChatPeriod;
  readonly earlier: ChatPeriod;
  /** Days the partial period holds, when the earlier one was cut to them. */
  readonly partialDays?: number;
  /** The sentence that says so (with a leading space), or nothing. */
  readonly note: string;
}

const length = (p: ChatPeriod) => daysBetween(p.from, p.to) + 1;

/** "de el mes pasado" reads "del mes pasado"; "de en noviembre" reads "de noviembre". */
const ofLabel = (label: string) => `de ${label.replace(/^en /, '')}`.replace(/^de el /, 'del ');

/** A month, week or year "so far" starts where a calendar one does. */
function startsACalendarPeriod(day: string): boolean {
  return day.slice(8) === '01' || mondayOf(day) === day;
}

/**
 * "This month against last month" when the data end on the 15th: the month so far is compared with
 * the first 15 days of last month, not with all of it (which reads as a 50 % drop that is only the
 * calendar). Applies when the later period runs up to the data's last day or past it ("en mayo"
 * named whole), starts where a calendar month or week does and holds fewer days of data than the
 * earlier one has; otherwise both are kept.
 *
 * @example
 * likeForLike({ from: '2024-12-01', to: '2024-12-15', label: 'this month' },
 *   { from: '2024-11-01', to: '2024-11-30', label: 'last month' }, '2024-12-15', 'en').earlier.to; // '2024-11-15'
 */
export function likeForLike(
  later: ChatPeriod,
  earlier: ChatPeriod,
  lastDay: string | null,
  lang: Lang,
): LikeForLike {
  // A month named whole ("en mayo") holds data only to the last day: its days are those.
  const end = lastDay !== null && later.to > lastDay ? lastDay : later.to;
  const days = daysBetween(later.from, end) + 1;
  const partial =
    lastDay !== null &&
    later.to >= lastDay &&
    later.from <= lastDay &&
    earlier.to < later.from &&
    days < length(earlier) &&
    startsACalendarPeriod(later.from) &&
    startsACalendarPeriod(earlier.from);
  if (!partial) return { later, earlier, note: '' };
  const n = countOf(days, lang, NOUN.day);
  const cut: ChatPeriod = {
    from: earlier.from,
    to: addDays(earlier.from, days - 1),
    label: say(
      lang,
      `los primeros ${n} ${ofLabel(earlier.label)}`,
      `the first ${n} of ${earlier.label.replace(/^in /, '')}`,
    ),
  };
  return {
    later: { ...later, to: end },
    earlier: cut,
    partialDays: days,
    note: say(
      lang,
      ` Los datos llegan hasta el ${formatDay(lastDay, lang)}, así que ${later.label.replace(/^en /, '')} va incompleto (${n}): se compara con los mismos ${n} ${ofLabel(earlier.label)}, no con todo.`,
      ` The data end on ${formatDay(lastDay, lang)}, so ${later.label.replace(/^in /, '')} is partial (${n}): it is compared with the same ${n} of ${earlier.label.replace(/^in /, '')}, not all of it.`,
    ),
  };
}

/**
 * A period that starts before the data's first day, or ends after its last one, said so ("del 25
 * dic al 7 ene" on data from 1 Jan): its figures hold only the days with data, and a comparison
 * with it is uneven. Empty when the period lies within the data.
 *
 * @example
 * partlyCovered({ from: '2023-12-25', to: '2024-01-07', label: 'del 25 dic al 7 ene' }, '2024-01-01', '2024-05-19', 'es');
 * // ' Del 25 dic al 7 ene cae solo en parte en los datos, que empiezan el 1 ene 2024: …'
 */
export function partlyCovered(
  period: ChatPeriod,
  firstDay: string | null,
  lastDay: string | null,
  lang: Lang,
): string {
  if (firstDay === null || lastDay === null || period.to < firstDay || period.from > lastDay) return '';
  const from = period.from < firstDay ? firstDay : period.from;
  const to = period.to > lastDay ? lastDay : period.to;
  if (from === period.from && to === period.to) return '';
  const held = daysBetween(from, to) + 1;
  const bounds = say(
    lang,
    [
      period.from < firstDay ? `empiezan el ${formatDay(firstDay, lang)}` : '',
      period.to > lastDay ? `llegan hasta el ${formatDay(lastDay, lang)}` : '',
    ]
      .filter(Boolean)
      .join(' y '),
    [
      period.from < firstDay ? `start on ${formatDay(firstDay, lang)}` : '',
      period.to > lastDay ? `end on ${formatDay(lastDay, lang)}` : '',
    ]
      .filter(Boolean)
      .join(' and '),
  );
  return say(
    lang,
    ` ${capitalize(period.label)} cae solo en parte en los datos, que ${bounds}: tiene ${countOf(held, lang, NOUN.day)} de ${length(period)}, así que la comparación no es pareja.`,
    ` ${capitalize(period.label)} is only partly in the data, which ${bounds}: it holds ${countOf(held, lang, NOUN.day)} of ${length(period)}, so the comparison is uneven.`,
  );
}
