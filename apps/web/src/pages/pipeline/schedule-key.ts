import type { MessageKey } from '../../i18n/dictionary.ts';

const NICKNAMES: Readonly<Record<string, MessageKey>> = {
  '@weekly': 'pipeline.schedule.@weekly',
  '@daily': 'pipeline.schedule.@daily',
  '@midnight': 'pipeline.schedule.@daily',
  '@hourly': 'pipeline.schedule.@hourly',
  '@monthly': 'pipeline.schedule.@monthly',
};

const AT_A_TIME = /^\d{1,2}$/;
const ONE_WEEKDAY = /^([0-7]|sun|mon|tue|wed|thu|fri|sat)$/i;

/**
 * How often a DAG's schedule (a croner nickname or a five-field cron) runs, as a dictionary key;
 * null for one that says more than "every day" or "every week" (the UI shows it as written). The
 * page's "next scheduled run" line gives the exact time, in the reader's own time zone, which the
 * cron's fields (in the server's time zone) would not.
 *
 * @example
 * scheduleKey('0 4 * * 0'); // 'pipeline.schedule.@weekly'
 * scheduleKey('*\/15 * * * *'); // null
 */
export function scheduleKey(schedule: string): MessageKey | null {
  const nickname = NICKNAMES[schedule.trim().toLowerCase()];
  if (nickname) return nickname;
  const [minute, hour, day, month, weekday, ...rest] = schedule.trim().split(/\s+/);
  if (rest.length > 0 || !minute || !hour || !weekday) return null;
  if (!AT_A_TIME.test(minute) || !AT_A_TIME.test(hour) || day !== '*' || month !== '*') return null;
  if (weekday === '*') return 'pipeline.schedule.@daily';
  return ONE_WEEKDAY.test(weekday) ? 'pipeline.schedule.@weekly' : null;
}
