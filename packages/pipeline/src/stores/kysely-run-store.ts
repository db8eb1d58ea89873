import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DagJson } from '../dag/dag.ts';
import { PipelineError } from '../errors.ts';
import type { RunState, TaskState } from '../run/states.ts';
import type { LogLevel } from '../dag/task.ts';
import type {
  CreateRunInput,
  ListRunsFilter,
  RecoveredRun,
  RunRecord,
  RunStore,
  RunTrigger,
  TaskInstance,
  TaskLogEntry,
} from './run-store.ts';
import { deleteFinishedRuns, expiredRuns, type ExpiredRun } from './run-retention.ts';
import type { PipelineDatabase } from './schema.ts';

type RunRow = Selectable<PipelineDatabase['pipeline_runs']>;
type TaskRow = Selectable<PipelineDatabase['pipeline_task_instances']>;
type Db = Kysely<PipelineDatabase> | Transaction<PipelineDatabase>;

export interface KyselyRunStoreOptions {
  /** Clock (epoch ms); tests inject one. */
  readonly now?: () => number;
  /** Called by close() after the pool is destroyed (Postgres tests drop their schema here). */
  readonly onClose?: () => Promise<void>;
}

// pg returns bigint columns as strings; SQLite returns numbers.
const date = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));

function toRun(r: RunRow): RunRecord {
  return Object.freeze({
    id: r.id,
    dagId: r.dag_id,
    state: r.state as RunState,
    trigger: r.trigger as RunTrigger,
    runKey: r.run_key,
    params: Object.freeze(JSON.parse(r.params_json) as unknown),
    logicalDate: new Date(Number(r.logical_date)),
    dag: JSON.parse(r.dag_json) as DagJson,
    owner: r.owner,
    error: r.error,
    createdAt: new Date(Number(r.created_at)),
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
  });
}

function toTask(r: TaskRow): TaskInstance {
  return Object.freeze({
    runId: r.run_id,
    taskId: r.task_id,
    state: r.state as TaskState,
    attempt: Number(r.attempt),
    output: r.output_json === null ? undefined : (JSON.parse(r.output_json) as unknown),
    error: r.error,
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
  });
}

/**
 * The {@link RunStore} over Kysely, shared by the SQLite and Postgres openers. Transitions are
 * conditional UPDATEs (`where state in (...)`), so a stale caller changes nothing and gets
 * INVALID_TRANSITION instead of overwriting a newer state. Build it with `openSqliteRunStore` or
 * `openPostgresRunStore` rather than directly.
 *
 * @example
 * import { openSqliteRunStore } from '@sodai/pipeline';
 * const store = await openSqliteRunStore(':memory:');
 * console.log(await store.listRuns()); // []
 */
export class KyselyRunStore implements RunStore {
  readonly #db: Kysely<PipelineDatabase>;
  readonly #now: () => number;
  readonly #onClose: (() => Promise<void>) | undefined;

  constructor(db: Kysely<PipelineDatabase>, options: KyselyRunStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#onClose = options.onClose;
  }

  async createRun(input: CreateRunInput): Promise<RunRecord> {
    const runKey = input.runKey ?? null;
    try {
      return await this.#db.transaction().execute(async (trx) => {
        if (runKey !== null) {
          const taken = await trx
            .selectFrom('pipeline_runs')
            .select('id')
            .where('dag_id', '=', input.dag.id)
            .where('run_key', '=', runKey)
            .executeTakeFirst();
          if (taken) throw runExists(input.dag.id, runKey, taken.id);
        }
        const now = this.#now();
        await trx
          .insertInto('pipeline_runs')
          .values({
            id: input.id,
            dag_id: input.dag.id,
            state: 'queued',
            trigger: input.trigger,
            run_key: runKey,
            params_json: JSON.stringify(input.params ?? {}),
            logical_date: input.logicalDate.getTime(),
            dag_json: JSON.stringify(input.dag),
            owner: null,
            error: null,
            created_at: now,
            started_at: null,
            finished_at: null,
          })
          .execute();
        if (input.dag.nodes.length > 0) {
          await trx
            .insertInto('pipeline_task_instances')
            .values(
              input.dag.nodes.map((n, position) => ({
                run_id: input.id,
                task_id: n.id,
                position,
                state: 'pending',
                attempt: 0,
                output_json: null,
                error: null,
                started_at: null,
                finished_at: null,
              })),
            )
            .execute();
        }
        return this.#run(trx, input.id);
      });
    } catch (e) {
      if (e instanceof PipelineError) throw e;
      // A concurrent creator won the unique (dag_id, run_key) index between our check and insert.
      if (runKey !== null && /unique|duplicate/i.test(String(e))) throw runExists(input.dag.id, runKey, null);
      throw storeError('createRun', e);
    }
  }

  async startRun(runId: string, owner: string): Promise<RunRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('pipeline_runs')
        .set({ state: 'running', owner, started_at: this.#now() })
        .where('id', '=', runId)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      if (res.numUpdatedRows === 0n) await this.#badRunTransition(trx, runId, 'queued', 'running');
      return this.#run(trx, runId);
    });
  }

  async claimTask(runId: string, taskId: string, attempt: number): Promise<TaskInstance> {
    return this.#taskTransition(runId, taskId, ['pending', 'up_for_retry'], 'running', attempt - 1, {
      state: 'running',
      attempt,
      error: null,
      started_at: this.#now(),
      finished_at: null,
    });
  }

  async completeTask(runId: string, taskId: string, attempt: number, output: unknown): Promise<TaskInstance> {
    const json = JSON.stringify(output === undefined ? null : output);
    return this.#taskTransition(runId, taskId, ['running'], 'success', attempt, {
      state: 'success',
      output_json: json,
      finished_at: this.#now(),
    });
  }

  async failTask(
    runId: string,
    taskId: string,
    attempt: number,
    error: string,
    retry: boolean,
  ): Promise<TaskInstance> {
    const to = retry ? 'up_for_retry' : 'failed';
    return this.#taskTransition(runId, taskId, ['running'], to, attempt, {
      state: to,
      error,
      finished_at: this.#now(),
    });
  }

  async skipTask(runId: string, taskId: string, state: 'skipped' | 'upstream_failed'): Promise<TaskInstance> {
    return this.#taskTransition(runId, taskId, ['pending'], state, null, { state, finished_at: this.#now() });
  }

  async #taskTransition(
    runId: string,
    taskId: string,
    from: readonly TaskState[],
    to: TaskState,
    attempt: number | null,
    set: Partial<TaskRow>,
  ): Promise<TaskInstance> {
    // One conditional UPDATE … RETURNING: atomic on its own, and one round trip on the happy path.
    let q = this.#db
      .updateTable('pipeline_task_instances')
      .set(set)
      .where('run_id', '=', runId)
      .where('task_id', '=', taskId)
      .where('state', 'in', from);
    if (attempt !== null) q = q.where('attempt', '=', attempt);
    const updated = await q.returningAll().executeTakeFirst();
    if (updated) return toTask(updated);
    const row = await this.#db
      .selectFrom('pipeline_task_instances')
      .selectAll()
      .where('run_id', '=', runId)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    if (!row)
      throw new PipelineError('TASK_NOT_FOUND', `run ${runId} has no task ${taskId}`, { runId, taskId });
    throw new PipelineError(
      'INVALID_TRANSITION',
      `task ${taskId} of run ${runId} is ${row.state} (attempt ${row.attempt}); cannot move ${from.join('|')}` +
        `${attempt === null ? '' : ` (attempt ${attempt})`} → ${to}`,
      { runId, taskId, state: row.state, attempt: Number(row.attempt) },
    );
  }

  async appendLog(
    runId: string,
    taskId: string,
    attempt: number,
    level: LogLevel,
    message: string,
  ): Promise<void> {
    await this.#db
      .insertInto('pipeline_task_logs')
      .values({ run_id: runId, task_id: taskId, attempt, level, message, at: this.#now() })
      .execute();
  }

  async finishRun(
    runId: string,
    state: 'success' | 'failed',
    error: string | null = null,
  ): Promise<RunRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('pipeline_runs')
        .set({ state, error, finished_at: this.#now() })
        .where('id', '=', runId)
        .where('state', '=', 'running')
        .executeTakeFirst();
      if (res.numUpdatedRows === 0n) await this.#badRunTransition(trx, runId, 'running', state);
      return this.#run(trx, runId);
    });
  }

  async listRuns(filter: ListRunsFilter = {}): Promise<readonly RunRecord[]> {
    let q = this.#db.selectFrom('pipeline_runs').selectAll();
    if (filter.dagId !== undefined) q = q.where('dag_id', '=', filter.dagId);
    if (filter.states !== undefined) {
      if (filter.states.length === 0) return [];
      q = q.where('state', 'in', filter.states);
    }
    if (filter.trigger !== undefined) q = q.where('trigger', '=', filter.trigger);
    const rows = await (
      filter.orderBy === 'logicalDate'
        ? q.orderBy('logical_date', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc')
        : q.orderBy('created_at', 'desc').orderBy('logical_date', 'desc').orderBy('id', 'desc')
    )
      .limit(filter.limit ?? 100)
      .execute();
    return Object.freeze(rows.map(toRun));
  }

  async getRun(runId: string): Promise<RunRecord> {
    return this.#run(this.#db, runId);
  }

  async taskInstances(runId: string, taskIds?: readonly string[]): Promise<readonly TaskInstance[]> {
    if (taskIds !== undefined && taskIds.length === 0) return [];
    let q = this.#db.selectFrom('pipeline_task_instances').selectAll().where('run_id', '=', runId);
    if (taskIds !== undefined) q = q.where('task_id', 'in', taskIds);
    const rows = await q.orderBy('position').execute();
    if (rows.length === 0) await this.#run(this.#db, runId);
    return Object.freeze(rows.map(toTask));
  }

  async taskLogs(runId: string, taskId: string): Promise<readonly TaskLogEntry[]> {
    const rows = await this.#db
      .selectFrom('pipeline_task_logs')
      .selectAll()
      .where('run_id', '=', runId)
      .where('task_id', '=', taskId)
      .orderBy('id')
      .execute();
    return Object.freeze(
      rows.map((r) =>
        Object.freeze({
          runId: r.run_id,
          taskId: r.task_id,
          attempt: Number(r.attempt),
          level: r.level as LogLevel,
          message: r.message,
          at: new Date(Number(r.at)),
        }),
      ),
    );
  }

  async recoverInterrupted(
    newOwner: string,
    isOwnerDead: (owner: string | null) => boolean,
  ): Promise<readonly RecoveredRun[]> {
    const candidates = await this.#db
      .selectFrom('pipeline_runs')
      .select(['id', 'owner', 'dag_json'])
      .where('state', '=', 'running')
      .execute();
    const recovered: RecoveredRun[] = [];
    for (const c of candidates) {
      if (c.owner === newOwner || !isOwnerDead(c.owner)) continue;
      const dag = JSON.parse(c.dag_json) as DagJson;
      const retries = new Map(dag.nodes.map((n) => [n.id, n.retries]));
      const result = await this.#db.transaction().execute(async (trx) => {
        // Compare-and-set on the owner: of two restarting processes, one takes the run.
        let q = trx
          .updateTable('pipeline_runs')
          .set({ owner: newOwner })
          .where('id', '=', c.id)
          .where('state', '=', 'running');
        q = c.owner === null ? q.where('owner', 'is', null) : q.where('owner', '=', c.owner);
        const res = await q.executeTakeFirst();
        if (res.numUpdatedRows === 0n) return null;
        const running = await trx
          .selectFrom('pipeline_task_instances')
          .select(['task_id', 'attempt'])
          .where('run_id', '=', c.id)
          .where('state', '=', 'running')
          .execute();
        for (const t of running) {
          const retry = Number(t.attempt) <= (retries.get(t.task_id) ?? 0);
          await trx
            .updateTable('pipeline_task_instances')
            .set({
              state: retry ? 'up_for_retry' : 'failed',
              error: `TASK_INTERRUPTED: the process running attempt ${t.attempt} died (owner ${c.owner ?? 'unknown'})`,
              finished_at: this.#now(),
            })
            .where('run_id', '=', c.id)
            .where('task_id', '=', t.task_id)
            .where('state', '=', 'running')
            .execute();
        }
        return Object.freeze({ runId: c.id, interruptedTasks: Object.freeze(running.map((t) => t.task_id)) });
      });
      if (result) recovered.push(result);
    }
    return Object.freeze(recovered);
  }

  async expiredRuns(finishedBefore: Date): Promise<readonly ExpiredRun[]> {
    return Object.freeze(await expiredRuns(this.#db, finishedBefore));
  }

  async deleteFinishedRuns(runIds: readonly string[]): Promise<readonly string[]> {
    return Object.freeze(await this.#db.transaction().execute((trx) => deleteFinishedRuns(trx, runIds)));
  }

  async unseen(sensorId: string, keys: readonly string[]): Promise<readonly string[]> {
    if (keys.length === 0) return [];
    const seen = new Set<string>();
    // Chunked so a landing folder with thousands of files stays under parameter limits.
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.#db
        .selectFrom('pipeline_sensor_seen')
        .select('key')
        .where('sensor_id', '=', sensorId)
        .where('key', 'in', keys.slice(i, i + 500))
        .execute();
      for (const r of rows) seen.add(r.key);
    }
    return Object.freeze(keys.filter((k) => !seen.has(k)));
  }

  async markSeen(sensorId: string, keys: readonly string[]): Promise<readonly string[]> {
    if (keys.length === 0) return [];
    const now = this.#now();
    const rows = await this.#db
      .insertInto('pipeline_sensor_seen')
      .values(keys.map((key) => ({ sensor_id: sensorId, key, seen_at: now })))
      .onConflict((oc) => oc.columns(['sensor_id', 'key']).doNothing())
      .returning('key')
      .execute();
    const fresh = new Set(rows.map((r) => r.key));
    return Object.freeze(keys.filter((k) => fresh.has(k)));
  }

  async close(): Promise<void> {
    await this.#db.destroy();
    await this.#onClose?.();
  }

  async #run(db: Db, runId: string): Promise<RunRecord> {
    const row = await db.selectFrom('pipeline_runs').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!row) throw new PipelineError('RUN_NOT_FOUND', `no run ${runId}`, { runId });
    return toRun(row);
  }

  async #badRunTransition(db: Db, runId: string, from: RunState, to: RunState): Promise<never> {
    const run = await this.#run(db, runId);
    throw new PipelineError(
      'INVALID_TRANSITION',
      `run ${runId} is ${run.state}; cannot move ${from} → ${to}`,
      {
        runId,
        state: run.state,
      },
    );
  }
}

function runExists(dagId: string, runKey: string, runId: string | null): PipelineError {
  return new PipelineError('RUN_EXISTS', `DAG ${dagId} already has a run for ${runKey}`, {
    dagId,
    runKey,
    runId,
  });
}

function storeError(op: string, e: unknown): PipelineError {
  return new PipelineError('STORE_ERROR', `${op} failed: ${String(e)}`, { op }, e);
}
