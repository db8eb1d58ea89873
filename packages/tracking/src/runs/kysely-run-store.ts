import { requireArgument, TrackingError } from '../errors.ts';
import { chunks } from '../store/chunks.ts';
import type {
  ArtifactRecord,
  DatasetInput,
  Experiment,
  MetricPoint,
  Param,
  Run,
  RunDetails,
  Tag,
} from '../store/records.ts';
import { toArtifact, toExperiment, toInput, toMetric, toRun } from '../store/row-mappers.ts';
import { checkName, newId, requireRunning, type StoreContext } from '../store/store-context.ts';
import { deleteRunTree, type DeletedRuns } from './delete-run-tree.ts';
import { insertMetrics } from './insert-metrics.ts';
import type { RunSearch } from './run-filter.ts';
import { isRunStatus, type TerminalRunStatus } from './run-status.ts';
import type { CreateRunInput, ReapOptions, RunStore } from './run-store.ts';
import { searchRuns } from './search-runs.ts';

/**
 * Experiments, runs and run data over Kysely, for SQLite and Postgres alike: the runs part that
 * `KyselyTrackingStore` composes with the registry part.
 */
export class KyselyRunStore implements RunStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  // ---------------------------------------------------------------- experiments

  async createExperiment(name: string, description = ''): Promise<Experiment> {
    checkName('name', name);
    const { db, now } = this.#ctx;
    if (await this.findExperimentByName(name)) {
      throw new TrackingError('EXPERIMENT_ALREADY_EXISTS', `experiment "${name}" already exists`, { name });
    }
    const row = { id: newId(), name, description, created_at: now() };
    try {
      await db.insertInto('experiments').values(row).execute();
    } catch (e) {
      if (await this.findExperimentByName(name)) {
        throw new TrackingError(
          'EXPERIMENT_ALREADY_EXISTS',
          `experiment "${name}" already exists`,
          { name },
          e,
        );
      }
      throw e;
    }
    return toExperiment(row);
  }

  async ensureExperiment(name: string): Promise<Experiment> {
    checkName('name', name);
    const { db, now } = this.#ctx;
    await db
      .insertInto('experiments')
      .values({ id: newId(), name, description: '', created_at: now() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return (await this.findExperimentByName(name)) as Experiment;
  }

  async getExperiment(id: string): Promise<Experiment> {
    const row = await this.#ctx.db
      .selectFrom('experiments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row)
      throw new TrackingError('EXPERIMENT_NOT_FOUND', `no experiment with id ${id}`, { experimentId: id });
    return toExperiment(row);
  }

  async findExperimentByName(name: string): Promise<Experiment | undefined> {
    const row = await this.#ctx.db
      .selectFrom('experiments')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toExperiment(row) : undefined;
  }

  async listExperiments(): Promise<Experiment[]> {
    const rows = await this.#ctx.db
      .selectFrom('experiments')
      .selectAll()
      .orderBy('created_at')
      .orderBy('name')
      .execute();
    return rows.map(toExperiment);
  }

  // ---------------------------------------------------------------- runs

  async createRun(input: CreateRunInput): Promise<Run> {
    const { db, now } = this.#ctx;
    await this.getExperiment(input.experimentId);
    if (input.parentRunId) await this.getRun(input.parentRunId);
    const t = now();
    const id = newId();
    const row = {
      id,
      experiment_id: input.experimentId,
      name: input.name ?? `run-${id.slice(0, 8)}`,
      status: 'RUNNING',
      start_time: t,
      end_time: null,
      parent_run_id: input.parentRunId ?? null,
      host: input.host,
      pid: input.pid,
      heartbeat_at: t,
    };
    await db.insertInto('runs').values(row).execute();
    return toRun(row);
  }

  async getRun(id: string): Promise<Run> {
    const row = await this.#ctx.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new TrackingError('RUN_NOT_FOUND', `no run with id ${id}`, { runId: id });
    return toRun(row);
  }

  async endRun(id: string, status: TerminalRunStatus): Promise<Run> {
    requireArgument(
      isRunStatus(status) && status !== ('RUNNING' as string),
      'status',
      `must be FINISHED, FAILED or KILLED`,
    );
    const { db, now } = this.#ctx;
    // The status guard in the UPDATE makes the transition atomic: a reaper and the owner cannot both end it.
    const res = await db
      .updateTable('runs')
      .set({ status, end_time: now() })
      .where('id', '=', id)
      .where('status', '=', 'RUNNING')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const run = await this.getRun(id);
      throw new TrackingError('RUN_NOT_ACTIVE', `run ${id} already ended as ${run.status}`, {
        runId: id,
        status: run.status,
      });
    }
    return this.getRun(id);
  }

  async heartbeat(id: string): Promise<boolean> {
    const res = await this.#ctx.db
      .updateTable('runs')
      .set({ heartbeat_at: this.#ctx.now() })
      .where('id', '=', id)
      .where('status', '=', 'RUNNING')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async reapDeadRuns(options: ReapOptions): Promise<Run[]> {
    const { db, now } = this.#ctx;
    const t = now();
    const running = (await db.selectFrom('runs').selectAll().where('status', '=', 'RUNNING').execute()).map(
      toRun,
    );
    const dead = running.filter(
      (r) => t - r.heartbeatAt > options.staleAfterMs || (r.host === options.host && !options.isAlive(r.pid)),
    );
    const reaped: Run[] = [];
    for (const r of dead) {
      const res = await db
        .updateTable('runs')
        .set({ status: 'KILLED', end_time: t })
        .where('id', '=', r.id)
        .where('status', '=', 'RUNNING')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0)
        reaped.push(Object.freeze({ ...r, status: 'KILLED' as const, endTime: t }));
    }
    return reaped;
  }

  searchRuns(search: RunSearch): Promise<Run[]> {
    return searchRuns(this.#ctx.db, search);
  }

  async getRunDetails(id: string): Promise<RunDetails> {
    const run = await this.getRun(id);
    const { db } = this.#ctx;
    const [params, tags, latest, inputs, artifacts] = await Promise.all([
      db.selectFrom('params').select(['key', 'value']).where('run_id', '=', id).orderBy('key').execute(),
      db.selectFrom('tags').select(['key', 'value']).where('run_id', '=', id).orderBy('key').execute(),
      db.selectFrom('latest_metrics').selectAll().where('run_id', '=', id).orderBy('key').execute(),
      db
        .selectFrom('dataset_inputs')
        .selectAll()
        .where('run_id', '=', id)
        .orderBy('context')
        .orderBy('name')
        .execute(),
      db.selectFrom('artifacts').selectAll().where('run_id', '=', id).orderBy('path').execute(),
    ]);
    return Object.freeze({
      run,
      params: Object.freeze(params.map((p) => Object.freeze({ ...p }))),
      tags: Object.freeze(tags.map((p) => Object.freeze({ ...p }))),
      latestMetrics: Object.freeze(latest.map(toMetric)),
      inputs: Object.freeze(inputs.map(toInput)),
      artifacts: Object.freeze(artifacts.map(toArtifact)),
    });
  }

  deleteRun(id: string): Promise<DeletedRuns> {
    return this.#ctx.db.transaction().execute((trx) => deleteRunTree(trx, id));
  }

  // ---------------------------------------------------------------- run data

  async logParams(runId: string, params: readonly Param[]): Promise<void> {
    if (params.length === 0) return;
    for (const p of params) {
      checkName('params.key', p.key);
      requireArgument(typeof p.value === 'string', `params.${p.key}`, 'value must be a string');
    }
    const byKey = new Map<string, string>();
    for (const p of params) {
      const prev = byKey.get(p.key);
      if (prev !== undefined && prev !== p.value) throw paramConflict(runId, p.key, prev, p.value);
      byKey.set(p.key, p.value);
    }
    await this.#ctx.db.transaction().execute(async (trx) => {
      await requireRunning(trx, runId);
      const keys = [...byKey.keys()];
      const existing = await trx
        .selectFrom('params')
        .select(['key', 'value'])
        .where('run_id', '=', runId)
        .where('key', 'in', keys)
        .execute();
      for (const e of existing) {
        const v = byKey.get(e.key) as string;
        if (e.value !== v) throw paramConflict(runId, e.key, e.value, v);
        byKey.delete(e.key);
      }
      const rows = [...byKey].map(([key, value]) => ({ run_id: runId, key, value }));
      for (const chunk of chunks(rows)) await trx.insertInto('params').values(chunk).execute();
    });
  }

  async setTags(runId: string, tags: readonly Tag[]): Promise<void> {
    if (tags.length === 0) return;
    for (const t of tags) {
      checkName('tags.key', t.key);
      requireArgument(typeof t.value === 'string', `tags.${t.key}`, 'value must be a string');
    }
    const rows = [...new Map(tags.map((t) => [t.key, t.value]))].map(([key, value]) => ({
      run_id: runId,
      key,
      value,
    }));
    await this.#ctx.db.transaction().execute(async (trx) => {
      await requireRunning(trx, runId);
      await trx
        .insertInto('tags')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['run_id', 'key']).doUpdateSet({ value: (eb) => eb.ref('excluded.value') }),
        )
        .execute();
    });
  }

  async logMetrics(runId: string, points: readonly MetricPoint[]): Promise<void> {
    if (points.length === 0) return;
    const latest = new Map<string, MetricPoint>();
    for (const p of points) {
      checkName('metrics.key', p.key);
      requireArgument(Number.isFinite(p.value), `metrics.${p.key}`, 'value must be a finite number');
      requireArgument(Number.isSafeInteger(p.step), `metrics.${p.key}.step`, 'step must be an integer');
      requireArgument(
        Number.isFinite(p.timestamp),
        `metrics.${p.key}.timestamp`,
        'timestamp must be epoch ms',
      );
      const cur = latest.get(p.key);
      if (!cur || isLater(p, cur)) latest.set(p.key, p);
    }
    await this.#ctx.db.transaction().execute(async (trx) => {
      await requireRunning(trx, runId);
      await insertMetrics(trx, this.#ctx.dialect, runId, points, latest);
    });
  }

  async getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    await this.getRun(runId);
    const rows = await this.#ctx.db
      .selectFrom('metrics')
      .select(['key', 'value', 'step', 'timestamp'])
      .where('run_id', '=', runId)
      .where('key', '=', key)
      .orderBy('step')
      .orderBy('timestamp')
      .execute();
    return rows.map(toMetric);
  }

  async recordArtifact(record: Omit<ArtifactRecord, 'createdAt'>): Promise<ArtifactRecord> {
    checkName('path', record.path);
    const row = {
      run_id: record.runId,
      path: record.path,
      digest: record.digest,
      size_bytes: record.sizeBytes,
      content_type: record.contentType,
      created_at: this.#ctx.now(),
    };
    await this.#ctx.db.transaction().execute(async (trx) => {
      await requireRunning(trx, record.runId);
      await trx
        .insertInto('artifacts')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['run_id', 'path']).doUpdateSet({
            digest: row.digest,
            size_bytes: row.size_bytes,
            content_type: row.content_type,
            created_at: row.created_at,
          }),
        )
        .execute();
    });
    return toArtifact(row);
  }

  async getArtifact(runId: string, path: string): Promise<ArtifactRecord> {
    const row = await this.#ctx.db
      .selectFrom('artifacts')
      .selectAll()
      .where('run_id', '=', runId)
      .where('path', '=', path)
      .executeTakeFirst();
    if (!row) {
      await this.getRun(runId);
      throw new TrackingError('ARTIFACT_NOT_FOUND', `run ${runId} has no artifact ${path}`, { runId, path });
    }
    return toArtifact(row);
  }

  async listArtifacts(runId: string): Promise<ArtifactRecord[]> {
    await this.getRun(runId);
    const rows = await this.#ctx.db
      .selectFrom('artifacts')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('path')
      .execute();
    return rows.map(toArtifact);
  }

  async logInputs(runId: string, inputs: readonly Omit<DatasetInput, 'runId'>[]): Promise<void> {
    if (inputs.length === 0) return;
    const rows = inputs.map((i) => {
      checkName('inputs.name', i.name);
      checkName('inputs.digest', i.digest);
      requireArgument(
        i.rowCount === null || (Number.isSafeInteger(i.rowCount) && i.rowCount >= 0),
        'inputs.rowCount',
        'must be a non-negative integer or null',
      );
      return {
        run_id: runId,
        name: i.name,
        digest: i.digest,
        schema_json: JSON.stringify(i.schema ?? null),
        row_count: i.rowCount,
        context: i.context,
      };
    });
    await this.#ctx.db.transaction().execute(async (trx) => {
      await requireRunning(trx, runId);
      await trx
        .insertInto('dataset_inputs')
        .values(rows)
        .onConflict((oc) => oc.columns(['run_id', 'name', 'digest', 'context']).doNothing())
        .execute();
    });
  }

  async findRunsByInputDigest(digest: string): Promise<DatasetInput[]> {
    const rows = await this.#ctx.db
      .selectFrom('dataset_inputs')
      .selectAll()
      .where('digest', '=', digest)
      .execute();
    return rows.map(toInput);
  }
}

function paramConflict(runId: string, key: string, was: string, now: string): TrackingError {
  return new TrackingError(
    'PARAM_ALREADY_LOGGED',
    `param ${key} of run ${runId} is "${was}"; cannot change to "${now}"`,
    {
      runId,
      key,
    },
  );
}

function isLater(a: MetricPoint, b: MetricPoint): boolean {
  return a.step > b.step || (a.step === b.step && a.timestamp >= b.timestamp);
}
