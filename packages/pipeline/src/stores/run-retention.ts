import { sql, type Kysely, type Transaction } from 'kysely';
import type { PipelineDatabase } from './schema.ts';

type Db = Kysely<PipelineDatabase> | Transaction<PipelineDatabase>;

/** A finished run that retention may delete, with what deleting it frees. */
export interface ExpiredRun {
  readonly runId: string;
  readonly dagId: string;
  readonly state: 'success' | 'failed';
  readonly finishedAt: Date;
  readonly taskCount: number;
  readonly logLines: number;
  /** Characters of log text (what the rows mostly weigh). */
  readonly logChars: number;
}

/**
 * Ids of each DAG's latest scheduled run: the scheduler catches up from that run's logical date, so
 * deleting it would make the scheduler run every fire time since the DAG's start again.
 */
async function scheduleAnchors(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('pipeline_runs as r')
    .select('r.id')
    .where('r.trigger', '=', 'schedule')
    .where(({ eb, selectFrom, not, exists }) =>
      not(
        exists(
          selectFrom('pipeline_runs as later')
            .select('later.id')
            .whereRef('later.dag_id', '=', 'r.dag_id')
            .where('later.trigger', '=', 'schedule')
            .where((w) =>
              w.or([
                w('later.logical_date', '>', eb.ref('r.logical_date')),
                w.and([
                  w('later.logical_date', '=', eb.ref('r.logical_date')),
                  w('later.id', '>', eb.ref('r.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Finished runs that ended before `finishedBefore`, oldest first, except each DAG's latest scheduled run. */
export async function expiredRuns(db: Db, finishedBefore: Date): Promise<ExpiredRun[]> {
  const anchors = await scheduleAnchors(db);
  const rows = await db
    .selectFrom('pipeline_runs as r')
    .select(['r.id', 'r.dag_id', 'r.state', 'r.finished_at'])
    .select((eb) => [
      eb
        .selectFrom('pipeline_task_instances as t')
        .select((s) => s.fn.countAll<number | string>().as('n'))
        .whereRef('t.run_id', '=', 'r.id')
        .as('task_count'),
      eb
        .selectFrom('pipeline_task_logs as l')
        .select((s) => s.fn.countAll<number | string>().as('n'))
        .whereRef('l.run_id', '=', 'r.id')
        .as('log_lines'),
      eb
        .selectFrom('pipeline_task_logs as l')
        .select(sql<number | string | null>`sum(length(l.message))`.as('n'))
        .whereRef('l.run_id', '=', 'r.id')
        .as('log_chars'),
    ])
    .where('r.state', 'in', ['success', 'failed'])
    .where('r.finished_at', '<', finishedBefore.getTime())
    .orderBy('r.finished_at')
    .orderBy('r.id')
    .execute();
  return rows
    .filter((r) => !anchors.has(r.id))
    .map((r) =>
      Object.freeze({
        runId: r.id,
        dagId: r.dag_id,
        state: r.state as 'success' | 'failed',
        finishedAt: new Date(Number(r.finished_at)),
        taskCount: Number(r.task_count ?? 0),
        logLines: Number(r.log_lines ?? 0),
        logChars: Number(r.log_chars ?? 0),
      }),
    );
}

/**
 * Deletes those of `runIds` that are finished and not a DAG's latest scheduled run, with their task
 * instances and logs, inside `trx`; returns the ids deleted.
 */
export async function deleteFinishedRuns(
  trx: Transaction<PipelineDatabase>,
  runIds: readonly string[],
): Promise<string[]> {
  if (runIds.length === 0) return [];
  const anchors = await scheduleAnchors(trx);
  const finished = await trx
    .selectFrom('pipeline_runs')
    .select('id')
    .where('id', 'in', runIds)
    .where('state', 'in', ['success', 'failed'])
    .execute();
  const ids = finished.map((r) => r.id).filter((id) => !anchors.has(id));
  if (ids.length === 0) return [];
  await trx.deleteFrom('pipeline_task_logs').where('run_id', 'in', ids).execute();
  await trx.deleteFrom('pipeline_task_instances').where('run_id', 'in', ids).execute();
  await trx.deleteFrom('pipeline_runs').where('id', 'in', ids).execute();
  return ids.sort();
}
