import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, say } from '../format.ts';

/**
 * A day holding at least this share of one's orders is one it usually orders on: a customer who
 * orders on mondays and thursdays alike (half each) usually orders on both, one spread evenly over
 * the week (a seventh each) on none.
 */
const USUAL_DAY_SHARE = 1 / 3;

/** How often one orders on a weekday: usually, sometimes, or never in the period. */
export type WeekdayHabit = 'usually' | 'sometimes' | 'never';

/** Orders on one weekday out of all orders, per day of the week (ISO 1-7). */
export interface DayOrders {
  readonly day: number;
  readonly orders: number;
}

/**
 * The habit on `day` from the orders per weekday, and that day's share of the orders.
 *
 * @example
 * weekdayHabit(1, [{ day: 1, orders: 5 }, { day: 4, orders: 5 }]); // { habit: 'usually', onDay: 5, orders: 10, share: 0.5 }
 */
export function weekdayHabit(
  day: number,
  days: readonly DayOrders[],
): { habit: WeekdayHabit; onDay: number; orders: number; share: number } {
  const orders = days.reduce((sum, d) => sum + d.orders, 0);
  const onDay = days.find((d) => d.day === day)?.orders ?? 0;
  const share = orders > 0 ? onDay / orders : 0;
  const habit = onDay === 0 ? 'never' : share >= USUAL_DAY_SHARE ? 'usually' : 'sometimes';
  return { habit, onDay, orders, share };
}

/**
 * The yes or no that opens "¿el cliente 1002 suele comprar los lunes?": the habit, then how many of
 * its orders fell on that day, so the reader sees the share the verdict rests on.
 */
export function weekdayVerdict(
  dayName: string,
  who: string,
  when: string,
  found: ReturnType<typeof weekdayHabit>,
  lang: Lang,
): string {
  const share = formatPercent(found.share, lang);
  const part = say(
    lang,
    `${formatNumber(found.onDay, lang)} de sus ${countOf(found.orders, lang, NOUN.order)} (${share}) fueron en ${dayName}`,
    `${formatNumber(found.onDay, lang)} of its ${countOf(found.orders, lang, NOUN.order)} (${share}) were on a ${dayName}`,
  );
  switch (found.habit) {
    case 'usually':
      return say(
        lang,
        `Sí, ${who} suele pedir en ${dayName}: ${part} ${when}.`,
        `Yes, ${who} usually orders on a ${dayName}: ${part} ${when}.`,
      );
    case 'sometimes':
      return say(
        lang,
        `A veces: ${who} pide algún ${dayName}, pero no es lo habitual; ${part} ${when}.`,
        `Sometimes: ${who} orders on a ${dayName} now and then, but not usually; ${part} ${when}.`,
      );
    case 'never':
      return say(
        lang,
        `No, ${who} no pidió ningún ${dayName} ${when} (de sus ${countOf(found.orders, lang, NOUN.order)}).`,
        `No, ${who} did not order on any ${dayName} ${when} (of its ${countOf(found.orders, lang, NOUN.order)}).`,
      );
  }
}
