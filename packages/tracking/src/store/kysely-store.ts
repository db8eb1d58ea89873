import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { requireArgument, TrackingError } from '../errors.ts';
import * as registry from '../registry/kysely-registry.ts';
import type {
  AliasHistoryEntry,
  AliasMoveOptions,
  CreateModelVersionInput,
  ModelAlias,
  ModelVersion,
  RegisteredModel,
} from '../registry/records.ts';
import { COMPARISON_OPS, type RunOrder, type RunSearch } from '../runs/run-filter.ts';
import { isRunStatus, type TerminalRunStatus } from '../runs/run-status.ts';
import type {
  ArtifactRecord,
  DatasetInput,
  Experiment,
  MetricPoint,
  Param,
  Run,
  RunDetails,
  Tag,
} from './records.ts';
import { toArtifact, toExperiment, toInput, toMetric, toRun } from './row-mappers.ts';
import type { Database } from './schema.ts';
import type { CreateRunInput, ReapOptions, TrackingStore } from './tracking-store.ts';

export type SqlDialectName = 'sqlite' | 'postgres';

/** What the SQL needs to know about where it runs; shared with the registry transitions. */
export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialectName;
  /** Epoch ms; injectable so tests control time. */
  readonly now: () => number;
}

export interface KyselyStoreOptions {
  readonly dialect: SqlDialectName;
  readonly now?: () => number;
  /** Called by close() after the Kysely instance is destroyed (e.g. drop a test schema). */
  readonly onClose?: () => Promise<void>;
}

// Keeps each INSERT well under SQLite's and Postgres's bound-parameter limits.
const INSERT_CHUNK_ROWS = 1000;
const MAX_KEY_LENGTH = 250;
const MAX_SEARCH_LIMIT = 10_000;

/**
 * The {@link TrackingStore} over Kysely, for SQLite and Postgres alike. Open it through
 * `openSqliteStore` or `openPostgresStore` (`@sodai/tracking/postgres`), which apply migrations.
 *
 * @example
 * import { openSqliteStore } from '@sodai/tracking';
 * const store = await openSqliteStore(':memory:');
 * const exp = await store.ensureExperiment('weekly');
 * const run = await store.createRun({ experimentId: exp.id, host: 'local', pid: process.pid });
 * await store.logMetrics(run.id, [{ key: 'auc', value: 0.9, step: 1, timestamp: Date.now() }]);
 * await store.endRun(run.id, 'FINISHED');
 * await store.close();
 */
export class KyselyTrackingStore implements TrackingStore {
  readonly dialect: SqlDialectName;
  readonly #ctx: StoreContext;
  readonly #onClose: (() => Promise<void>) | undefined;

  constructor(db: Kysely<Database>, options: KyselyStoreOptions) {
    this.dialect = options.dialect;
    this.#ctx = Object.freeze({ db, dialect: options.dialect, now: options.now ?? Date.now });
    this.#onClose = options.onClose;
  }

  /** The underlying Kysely instance, for ad-hoc reporting queries. */
  get db(): Kysely<Database> {
    return this.#ctx.db;
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

  async searchRuns(search: RunSearch): Promise<Run[]> {
    const limit = search.limit ?? 100;
    requireArgument(
      Number.isInteger(limit) && limit > 0 && limit <= MAX_SEARCH_LIMIT,
      'limit',
      'must be 1..10000',
    );
    const offset = search.offset ?? 0;
    requireArgument(Number.isInteger(offset) && offset >= 0, 'offset', 'must be a non-negative integer');
    let q = this.#ctx.db.selectFrom('runs').selectAll('runs');
    if (search.experimentIds) {
      if (search.experimentIds.length === 0) return [];
      q = q.where('runs.experiment_id', 'in', [...search.experimentIds]);
    }
    if (search.statuses) {
      if (search.statuses.length === 0) return [];
      q = q.where('runs.status', 'in', [...search.statuses]);
    }
    if (search.parentRunId === null) q = q.where('runs.parent_run_id', 'is', null);
    else if (search.parentRunId !== undefined) q = q.where('runs.parent_run_id', '=', search.parentRunId);
    for (const c of search.where ?? []) {
      // The operator is spliced as raw SQL, so it must come from the whitelist.
      requireArgument(COMPARISON_OPS.includes(c.op), 'where.op', `unknown operator ${c.op}`);
      requireArgument(
        c.kind !== 'metric' || Number.isFinite(c.value),
        'where.value',
        'metric values are numbers',
      );
      const table = sql.table(fieldTable(c.kind));
      q = q.where(
        sql<boolean>`exists (select 1 from ${table} f where f.run_id = runs.id and f.key = ${c.key} and f.value ${sql.raw(c.op)} ${c.value})`,
      );
    }
    for (const o of search.orderBy ?? [])
      q = q.orderBy(orderExpression(o), (ob) => (o.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast());
    q = q.orderBy('runs.start_time', 'desc').orderBy('runs.id');
    const rows = await q.limit(limit).offset(offset).execute();
    return rows.map(toRun);
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
      for (const chunk of chunks(rows, INSERT_CHUNK_ROWS))
        await trx.insertInto('params').values(chunk).execute();
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
      if (this.dialect === 'postgres') {
        // Four array parameters instead of five per row: one statement per batch, no parameter limit.
        await sql`insert into metrics (run_id, key, value, step, timestamp)
          select ${runId}, * from unnest(${points.map((p) => p.key)}::text[], ${points.map((p) => p.value)}::float8[],
            ${points.map((p) => p.step)}::int8[], ${points.map((p) => p.timestamp)}::int8[])`.execute(trx);
      } else {
        const rows = points.map((p) => ({
          run_id: runId,
          key: p.key,
          value: p.value,
          step: p.step,
          timestamp: p.timestamp,
        }));
        for (const chunk of chunks(rows, INSERT_CHUNK_ROWS))
          await trx.insertInto('metrics').values(chunk).execute();
      }
      // One row per key (Postgres refuses to upsert the same row twice in one statement).
      const latestRows = [...latest.values()].map((p) => ({
        run_id: runId,
        key: p.key,
        value: p.value,
        step: p.step,
        timestamp: p.timestamp,
      }));
      for (const chunk of chunks(latestRows, INSERT_CHUNK_ROWS)) {
        await trx
          .insertInto('latest_metrics')
          .values(chunk)
          .onConflict((oc) =>
            oc
              .columns(['run_id', 'key'])
              .doUpdateSet({
                value: (eb) => eb.ref('excluded.value'),
                step: (eb) => eb.ref('excluded.step'),
                timestamp: (eb) => eb.ref('excluded.timestamp'),
              })
              .where((eb) =>
                eb.or([
                  eb('excluded.step', '>', eb.ref('latest_metrics.step')),
                  eb.and([
                    eb('excluded.step', '=', eb.ref('latest_metrics.step')),
                    eb('excluded.timestamp', '>=', eb.ref('latest_metrics.timestamp')),
                  ]),
                ]),
              ),
          )
          .execute();
      }
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

  // ---------------------------------------------------------------- registry (SQL in registry/)

  createRegisteredModel(name: string, description = ''): Promise<RegisteredModel> {
    return registry.createRegisteredModel(this.#ctx, name, description);
  }
  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return registry.getRegisteredModel(this.#ctx.db, name);
  }
  listRegisteredModels(): Promise<RegisteredModel[]> {
    return registry.listRegisteredModels(this.#ctx.db);
  }
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    return registry.createModelVersion(this.#ctx, input);
  }
  getModelVersion(name: string, version: number): Promise<ModelVersion> {
    return registry.getModelVersion(this.#ctx.db, name, version);
  }
  listModelVersions(name: string): Promise<ModelVersion[]> {
    return registry.listModelVersions(this.#ctx.db, name);
  }
  setAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<AliasHistoryEntry> {
    return registry.setAlias(this.#ctx, name, alias, version, options);
  }
  rollbackAlias(
    name: string,
    alias: string,
    options: AliasMoveOptions & { readonly toVersion?: number },
  ): Promise<AliasHistoryEntry> {
    return registry.rollbackAlias(this.#ctx, name, alias, options);
  }
  archiveVersion(name: string, version: number): Promise<ModelVersion> {
    return registry.archiveVersion(this.#ctx, name, version);
  }
  getAlias(name: string, alias: string): Promise<ModelAlias> {
    return registry.getAlias(this.#ctx.db, name, alias);
  }
  listAliases(name: string): Promise<ModelAlias[]> {
    return registry.listAliases(this.#ctx.db, name);
  }
  getAliasHistory(name: string, alias: string): Promise<AliasHistoryEntry[]> {
    return registry.getAliasHistory(this.#ctx.db, name, alias);
  }

  async close(): Promise<void> {
    await this.#ctx.db.destroy();
    await this.#onClose?.();
  }
}

/** Random 32-hex id (MLflow's shape); ids need uniqueness, not replayability, so crypto is right here. */
export function newId(): string {
  return randomUUID().replaceAll('-', '');
}

export function checkName(field: string, value: string): void {
  requireArgument(typeof value === 'string' && value.trim() !== '', field, 'must be a non-empty string');
  requireArgument(value.length <= MAX_KEY_LENGTH, field, `must be at most ${MAX_KEY_LENGTH} characters`);
}

async function requireRunning(trx: Transaction<Database>, runId: string): Promise<void> {
  const row = await trx.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirst();
  if (!row) throw new TrackingError('RUN_NOT_FOUND', `no run with id ${runId}`, { runId });
  if (row.status !== 'RUNNING') {
    throw new TrackingError('RUN_NOT_ACTIVE', `run ${runId} is ${row.status}; it takes no more data`, {
      runId,
      status: row.status,
    });
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

function fieldTable(kind: 'metric' | 'param' | 'tag'): 'latest_metrics' | 'params' | 'tags' {
  return kind === 'metric' ? 'latest_metrics' : kind === 'param' ? 'params' : 'tags';
}

function orderExpression(o: RunOrder) {
  const f = o.field;
  if (f.kind === 'attribute') {
    const col = { startTime: 'start_time', endTime: 'end_time', name: 'name' }[f.key];
    return sql.ref(`runs.${col}`);
  }
  return sql`(select o.value from ${sql.table(fieldTable(f.kind))} o where o.run_id = runs.id and o.key = ${f.key})`;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
