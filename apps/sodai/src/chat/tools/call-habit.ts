import type { Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';
import { addDays, daysBetween, mondayOf } from '../understanding/days.ts';
import { dayName } from './weekday-pattern.ts';

/** The whole weeks a habit is read from. */
export const HABIT_WEEKS = 8;
/** Of those, how many must have held an order by the same weekday for it to be a habit. */
export const HABIT_MIN_WEEKS = 4;

/** The days the call rule reads: this week so far, and the whole weeks before it. */
export interface CallWeek {
  /** The last day of data, "today" for a sales rep. */
  readonly today: string;
  readonly monday: string;
  /** The first day of the {@link HABIT_WEEKS} whole weeks before this one. */
  readonly habitFrom: string;
  /** Today's ISO weekday (1 = Monday). */
  readonly weekday: number;
}

export function callWeek(today: string): CallWeek {
  const monday = mondayOf(today);
  return {
    today,
    monday,
    habitFrom: addDays(monday, -7 * HABIT_WEEKS),
    weekday: daysBetween(monday, today) + 1,
  };
}

/**
 * The call rule in words, said with every call answer since whom to call is a judgement: the list
 * and the yes or no on one customer must read the same rule.
 */
export function callRule(week: CallWeek, lang: Lang): string {
  const day = dayName(week.weekday, lang);
  return say(
    lang,
    `clientes que en al menos ${HABIT_MIN_WEEKS} de las ${HABIT_WEEKS} semanas anteriores ya habían pedido de lunes a ${day}, y esta semana, del ${formatDay(week.monday, lang)} al ${formatDay(week.today, lang)} (el último día con datos), todavía no`,
    `customers who, in at least ${HABIT_MIN_WEEKS} of the ${HABIT_WEEKS} weeks before, had ordered by ${day}, and this week, ${formatDay(week.monday, lang)} to ${formatDay(week.today, lang)} (the last day of data), have not yet`,
  );
}
