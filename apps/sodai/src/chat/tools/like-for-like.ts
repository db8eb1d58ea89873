import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatDay, say } from '../format.ts';
import { addDays, daysBetween, mondayOf } from '../understanding/days.ts';

/** Two periods to compare, the earlier one cut to the later one's days when that one is partial. */
export interface LikeForLike {
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
 * calendar). Applies when the later period runs up to the data's last day, starts where a calendar
 * month or week does and is shorter than the earlier one; otherwise the earlier one is kept.
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
  const days = length(later);
  const partial =
    lastDay !== null &&
    later.to >= lastDay &&
    earlier.to < later.from &&
    days < length(earlier) &&
    startsACalendarPeriod(later.from) &&
    startsACalendarPeriod(earlier.from);
  if (!partial) return { earlier, note: '' };
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
    earlier: cut,
    partialDays: days,
    note: say(
      lang,
      ` Los datos llegan hasta el ${formatDay(lastDay, lang)}, así que ${later.label} va incompleto (${n}): se compara con los mismos ${n} ${ofLabel(earlier.label)}, no con todo.`,
      ` The data end on ${formatDay(lastDay, lang)}, so ${later.label} is partial (${n}): it is compared with the same ${n} of ${earlier.label.replace(/^in /, '')}, not all of it.`,
    ),
  };
}
