import { Cron } from 'croner';
import { PipelineError } from '../errors.ts';

/** A DAG's schedule as croner reads it: cron expression or nickname (`@weekly`) in a timezone. */
export interface ScheduleSpec {
  readonly id: string;
  readonly schedule: string | null;
  readonly timezone: string;
}

function cronOf(spec: ScheduleSpec): Cron {
  if (spec.schedule === null)
    throw new PipelineError('NO_SCHEDULE', `DAG ${spec.id} has no schedule`, { dagId: spec.id });
  try {
    return new Cron(spec.schedule, { paused: true, timezone: spec.timezone });
  } catch (e) {
    throw new PipelineError(
      'DAG_INVALID',
      `DAG ${spec.id}: bad schedule "${spec.schedule}": ${String(e)}`,
      { dagId: spec.id },
      e,
    );
  }
}

/**
 * Fire times in the closed range [from, to], oldest first. A run's logical date is its fire time.
 *
 * @example
 * import { fireTimesBetween } from '@sodai/pipeline';
 * fireTimesBetween({ id: 'w', schedule: '@weekly', timezone: 'UTC' }, new Date('2024-01-01'), new Date('2024-01-31'));
 * // 2024-01-07, 01-14, 01-21, 01-28 (Sundays, 00:00 UTC)
 */
export function fireTimesBetween(spec: ScheduleSpec, from: Date, to: Date, limit = 10_000): Date[] {
  const cron = cronOf(spec);
  const out: Date[] = [];
  let t = cron.nextRun(new Date(from.getTime() - 1));
  while (t !== null && t.getTime() <= to.getTime()) {
    if (out.length >= limit) {
      throw new PipelineError(
        'INVALID_ARGUMENT',
        `more than ${limit} fire times between ${from.toISOString()} and ${to.toISOString()}`,
      );
    }
    out.push(t);
    t = cron.nextRun(t);
  }
  return out;
}

/**
 * The first fire time strictly after `after`, or null when the schedule never fires again.
 *
 * @example
 * import { nextFireTime } from '@sodai/pipeline';
 * nextFireTime({ id: 'd', schedule: '0 6 * * *', timezone: 'UTC' }, new Date('2024-01-01T07:00Z')); // 2024-01-02T06:00Z
 */
export function nextFireTime(spec: ScheduleSpec, after: Date): Date | null {
  return cronOf(spec).nextRun(after);
}

/**
 * Which fire times are due at `now`, given the last scheduled logical date (or the DAG's start date):
 * with catch-up every missed one since then, without it only the latest. With neither a last run nor
 * a start date nothing is due: the DAG starts at its next fire time.
 *
 * @example
 * import { dueFireTimes } from '@sodai/pipeline';
 * const spec = { id: 'w', schedule: '@weekly', timezone: 'UTC' };
 * dueFireTimes(spec, new Date('2024-01-07Z'), new Date('2024-01-30Z'), true).length; // 3
 */
export function dueFireTimes(spec: ScheduleSpec, since: Date | null, now: Date, catchUp: boolean): Date[] {
  if (since === null) return [];
  const due = fireTimesBetween(spec, new Date(since.getTime() + 1), now);
  return catchUp ? due : due.slice(-1);
}

/** The run key that makes a scheduled or backfilled logical date run at most once per DAG. */
export function scheduleRunKey(logicalDate: Date): string {
  return `schedule:${logicalDate.toISOString()}`;
}
