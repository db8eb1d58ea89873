import { fireTimesBetween, nextFireTime, type ScheduleSpec } from '@sodai/pipeline';

/** How often a schedule fires, when that is one plain period; the UI says it in words. */
export type Cadence = 'hour' | 'day' | 'week' | 'month';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Each cadence: the gaps between fire times it allows (a day is 23 to 25 hours across a daylight
 * saving change) and how far ahead every gap is checked, long enough to catch a schedule that
 * skips weekends, some months or part of the day.
 */
const CADENCES: readonly { cadence: Cadence; min: number; max: number; checkMs: number }[] = [
  { cadence: 'hour', min: HOUR - MINUTE, max: HOUR + MINUTE, checkMs: 8 * DAY },
  { cadence: 'day', min: DAY - HOUR, max: DAY + HOUR, checkMs: 366 * DAY },
  { cadence: 'week', min: 7 * DAY - HOUR, max: 7 * DAY + HOUR, checkMs: 366 * DAY },
  { cadence: 'month', min: 28 * DAY - HOUR, max: 31 * DAY + HOUR, checkMs: 4 * 366 * DAY },
];

/**
 * Whether a schedule fires every hour, day, week or month, read from the fire times croner gives
 * for it (so `@weekly`, `0 4 * * 0` and `0 4 * * SUN` all say 'week', in the DAG's time zone);
 * null for anything else (`*\/15 * * * *`, weekdays only, twice a week) or a schedule that never
 * fires again. The cron's own fields are never read here.
 *
 * @example
 * scheduleCadence({ id: 'm', schedule: '0 4 * * 0', timezone: 'UTC' }, new Date()); // 'week'
 * scheduleCadence({ id: 'w', schedule: '0 6 * * 1-5', timezone: 'UTC' }, new Date()); // null
 */
export function scheduleCadence(spec: ScheduleSpec, from: Date): Cadence | null {
  const first = nextFireTime(spec, from);
  const second = first && nextFireTime(spec, first);
  if (!first || !second) return null;
  const gap = second.getTime() - first.getTime();
  const candidate = CADENCES.find((c) => gap >= c.min && gap <= c.max);
  if (!candidate) return null;
  const times = fireTimesBetween(
    spec,
    first,
    new Date(first.getTime() + candidate.checkMs),
    Math.ceil(candidate.checkMs / candidate.min) + 2,
  );
  const regular = times.every(
    (t, i) =>
      i === 0 ||
      (t.getTime() - times[i - 1]!.getTime() >= candidate.min &&
        t.getTime() - times[i - 1]!.getTime() <= candidate.max),
  );
  return regular ? candidate.cadence : null;
}
