/** Day arithmetic on YYYY-MM-DD strings (UTC, no time zones involved). */

const MS_PER_DAY = 86_400_000;

export function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return toDay(new Date(toDate(day).getTime() + n * MS_PER_DAY));
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / MS_PER_DAY);
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The last day of the month of `year`-`month` (month 1–12). */
export function monthEnd(year: number, month: number): string {
  return toDay(new Date(Date.UTC(year, month, 0)));
}

export function monthStart(year: number, month: number): string {
  return toDay(new Date(Date.UTC(year, month - 1, 1)));
}

/** The last complete Monday–Sunday week at or before `anchor`. */
export function lastCompleteWeek(anchor: string): { from: string; to: string } {
  const monday = mondayOf(anchor);
  const sunday = addDays(monday, 6);
  return sunday === anchor
    ? { from: monday, to: sunday }
    : { from: addDays(monday, -7), to: addDays(monday, -1) };
}

/** The latest complete calendar month at or before `anchor`. */
export function lastCompleteMonth(anchor: string): { from: string; to: string } {
  const d = toDate(anchor);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth() + 1;
  if (monthEnd(year, month) !== anchor) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return { from: monthStart(year, month), to: monthEnd(year, month) };
}
