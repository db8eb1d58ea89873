import type { AnyDag } from '../dag/dag.ts';
import type { RunStore } from '../stores/run-store.ts';
import { dueFireTimes, fireTimesBetween, scheduleRunKey } from './scheduler.ts';

/** Creates a run keyed for its logical date, or null when that date already has one. */
export type CreateKeyedRun = (
  dag: AnyDag,
  options: { logicalDate: Date; runKey: string; trigger: 'schedule' | 'backfill' },
) => Promise<string | null>;

/**
 * The scheduled runs due at `now` for every DAG with a schedule. Catch-up starts after the DAG's last
 * scheduled logical date, else at its `startDate`, else at `since`, else nothing is due.
 */
export async function createDueRuns(
  store: RunStore,
  dags: Iterable<AnyDag>,
  create: CreateKeyedRun,
  now: Date,
  options: { catchUp?: boolean; since?: Date },
): Promise<string[]> {
  const ids: string[] = [];
  for (const dag of dags) {
    if (dag.schedule === null) continue;
    const [last] = await store.listRuns({
      dagId: dag.id,
      trigger: 'schedule',
      orderBy: 'logicalDate',
      limit: 1,
    });
    const start = dag.startDate ?? options.since ?? null;
    const since = last?.logicalDate ?? (start ? new Date(start.getTime() - 1) : null);
    for (const t of dueFireTimes(dag, since, now, options.catchUp ?? true)) {
      const id = await create(dag, { logicalDate: t, runKey: scheduleRunKey(t), trigger: 'schedule' });
      if (id !== null) ids.push(id);
    }
  }
  return ids;
}

/** One run per fire time of the DAG's schedule in [from, to]; dates that already have one are skipped. */
export async function createBackfillRuns(
  dag: AnyDag,
  create: CreateKeyedRun,
  from: Date,
  to: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const t of fireTimesBetween(dag, from, to)) {
    const id = await create(dag, { logicalDate: t, runKey: scheduleRunKey(t), trigger: 'backfill' });
    if (id !== null) ids.push(id);
  }
  return ids;
}
