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
