import { sql, type Kysely, type Selectable } from 'kysely';
import {
  parseDistribution,
  serializeDistribution,
  type Distribution,
  type ParamValue,
} from '../distributions.ts';
import { TuneError } from '../errors.ts';
import { freezeTrial, type FrozenTrial, type JsonValue, type TrialState } from '../trial/frozen-trial.ts';
import { migrateTuneStorage } from './migrations/index.ts';
import type { SqlDialectName, TuneDatabase } from './sql-schema.ts';
import {
  staleError,
  type Direction,
  type Storage,
  type StudyRecord,
  type TrialInit,
  type TrialResult,
} from './storage.ts';

type TrialRow = Selectable<TuneDatabase['tune_trials']>;

export interface SqlStorageOptions {
  readonly dialect: SqlDialectName;
  /** Postgres only: the schema the connection's search path points at, where migrations are recorded. */
  readonly schema?: string;
  /** Called by close() after the Kysely instance is destroyed (e.g. drop a test schema). */
  readonly onClose?: () => Promise<void>;
}

/**
 * A `Storage` over any Kysely database with the tables of `sql-schema.ts` (made by the versioned migrations in
 * `migrations/`) — SQLite (see `openSqliteStorage`) or
 * Postgres (`@sodai/tune/postgres`). Studies survive crashes and several processes may share one study:
 * - trial numbers come from one `INSERT … SELECT max(number) + 1` statement, serialised by SQLite's write lock
 *   or, on Postgres, by locking the study row; a unique (study, number) constraint backs it up;
 * - claiming a waiting trial is a conditional `UPDATE … WHERE state = 'waiting'`, retried if another process
 *   won the row;
 * - finishing is a conditional `UPDATE … WHERE state = 'running'`, so a trial finishes once.
 *
 * @example
 * const storage = await SqlStorage.open(new Kysely<TuneDatabase>({ dialect }), { dialect: 'postgres' });
 */
export class SqlStorage implements Storage {
  private readonly db: Kysely<TuneDatabase>;
  private readonly dialect: SqlDialectName;
  private readonly onClose: (() => Promise<void>) | undefined;

  private constructor(db: Kysely<TuneDatabase>, options: SqlStorageOptions) {
    this.db = db;
    this.dialect = options.dialect;
    this.onClose = options.onClose;
  }

  /**
   * Wraps a Kysely instance (it is owned by the storage from now on) and applies pending migrations;
   * on failure it destroys the instance and rethrows.
   */
  static async open(db: Kysely<TuneDatabase>, options: SqlStorageOptions): Promise<SqlStorage> {
    try {
      await migrateTuneStorage(db as Kysely<unknown>, options.dialect, options.schema);
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return new SqlStorage(db, options);
  }

  async createStudy(name: string, direction: Direction): Promise<StudyRecord> {
    try {
      const row = await this.db
        .insertInto('tune_studies')
        .values({ name, direction, created_at_ms: Date.now() })
        .returning(['id', 'name', 'direction'])
        .executeTakeFirstOrThrow();
      return Object.freeze({ id: row.id, name: row.name, direction: row.direction as Direction });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new TuneError('STUDY_EXISTS', `study "${name}" already exists`, { cause: e });
      throw e;
    }
  }

  async getStudy(name: string): Promise<StudyRecord | undefined> {
    const row = await this.db
      .selectFrom('tune_studies')
      .select(['id', 'name', 'direction'])
      .where('name', '=', name)
      .executeTakeFirst();
    return row && Object.freeze({ id: row.id, name: row.name, direction: row.direction as Direction });
  }

  async deleteStudy(name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const study = await trx
        .selectFrom('tune_studies')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst();
      if (!study) return;
      const trialIds = trx.selectFrom('tune_trials').select('id').where('study_id', '=', study.id);
      await trx.deleteFrom('tune_trial_params').where('trial_id', 'in', trialIds).execute();
      await trx.deleteFrom('tune_trial_values').where('trial_id', 'in', trialIds).execute();
      await trx.deleteFrom('tune_trial_user_attrs').where('trial_id', 'in', trialIds).execute();
      await trx.deleteFrom('tune_trials').where('study_id', '=', study.id).execute();
      await trx.deleteFrom('tune_studies').where('id', '=', study.id).execute();
    });
  }

  async createTrial(studyId: number, init: TrialInit): Promise<FrozenTrial> {
    const startedAt = init.state === 'running' ? Date.now() : null;
    const fixed = JSON.stringify(init.fixedParams ?? {});
    for (let attempt = 0; ; attempt++) {
      try {
        const row = await this.db.transaction().execute(async (trx) => {
          if (this.dialect === 'postgres') {
            const study = await trx
              .selectFrom('tune_studies')
              .select('id')
              .where('id', '=', studyId)
              .forUpdate()
              .executeTakeFirst();
            if (!study) throw new TuneError('STUDY_NOT_FOUND', `no study with id ${studyId}`);
          }
          return trx
            .insertInto('tune_trials')
            .columns(['study_id', 'number', 'state', 'fixed_params', 'started_at_ms'])
            .expression(
              trx
                .selectFrom('tune_trials')
                .select([
                  sql<number>`cast(${studyId} as integer)`.as('study_id'),
                  sql<number>`coalesce(max(number) + 1, 0)`.as('number'),
                  sql<string>`cast(${init.state} as text)`.as('state'),
                  sql<string>`cast(${fixed} as text)`.as('fixed_params'),
                  sql<number | null>`cast(${startedAt} as double precision)`.as('started_at_ms'),
                ])
                .where('study_id', '=', studyId),
            )
            .returningAll()
            .executeTakeFirstOrThrow();
        });
        return toFrozen(row, [], [], []);
      } catch (e) {
        if (e instanceof TuneError) throw e;
        if (isForeignKeyViolation(e))
          throw new TuneError('STUDY_NOT_FOUND', `no study with id ${studyId}`, { cause: e });
        // A concurrent writer took the same number (only possible without the row lock); take the next one.
        if (isUniqueViolation(e) && attempt < 20) continue;
        throw e;
      }
    }
  }

  async claimWaitingTrial(studyId: number): Promise<FrozenTrial | undefined> {
    for (;;) {
      const candidate = await this.db
        .selectFrom('tune_trials')
        .select('id')
        .where('study_id', '=', studyId)
        .where('state', '=', 'waiting')
        .orderBy('number')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return undefined;
      const claimed = await this.db
        .updateTable('tune_trials')
        .set({ state: 'running', started_at_ms: Date.now() })
        .where('id', '=', candidate.id)
        .where('state', '=', 'waiting')
        .returning('id')
        .executeTakeFirst();
      if (claimed) return this.getTrial(claimed.id);
    }
  }

  async setTrialParam(
    trialId: number,
    name: string,
    distribution: Distribution,
    value: ParamValue,
  ): Promise<void> {
    await this.assertRunning(trialId);
    const row = {
      trial_id: trialId,
      name,
      distribution: serializeDistribution(distribution),
      value: JSON.stringify(value),
    };
    await this.db
      .insertInto('tune_trial_params')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['trial_id', 'name']).doUpdateSet({ distribution: row.distribution, value: row.value }),
      )
      .execute();
  }

  async setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void> {
    await this.assertRunning(trialId);
    const stored = Number.isNaN(value) ? null : value;
    await this.db
      .insertInto('tune_trial_values')
      .values({ trial_id: trialId, step, value: stored })
      .onConflict((oc) => oc.columns(['trial_id', 'step']).doUpdateSet({ value: stored }))
      .execute();
  }

  async setTrialUserAttr(trialId: number, key: string, value: JsonValue): Promise<void> {
    await this.assertRunning(trialId);
    const json = JSON.stringify(value);
    await this.db
      .insertInto('tune_trial_user_attrs')
      .values({ trial_id: trialId, key, value: json })
      .onConflict((oc) => oc.columns(['trial_id', 'key']).doUpdateSet({ value: json }))
      .execute();
  }

  async finishTrial(trialId: number, result: TrialResult): Promise<FrozenTrial> {
    const updated = await this.db
      .updateTable('tune_trials')
      .set({
        state: result.state,
        value: result.value ?? null,
        error: result.error ?? null,
        completed_at_ms: Date.now(),
      })
      .where('id', '=', trialId)
      .where('state', '=', 'running')
      .returning('id')
      .executeTakeFirst();
    if (!updated) await this.assertRunning(trialId);
    return this.getTrial(trialId);
  }

  async recordHeartbeat(trialId: number): Promise<void> {
    await this.db
      .updateTable('tune_trials')
      .set({ heartbeat_at_ms: Date.now() })
      .where('id', '=', trialId)
      .where('state', '=', 'running')
      .execute();
  }

  async failStaleTrials(studyId: number, staleBeforeMs: number): Promise<readonly FrozenTrial[]> {
    const stale = await this.db
      .selectFrom('tune_trials')
      .select(['id', 'heartbeat_at_ms'])
      .where('study_id', '=', studyId)
      .where('state', '=', 'running')
      .where('heartbeat_at_ms', '<', staleBeforeMs)
      .execute();
    const failed: FrozenTrial[] = [];
    for (const row of stale) {
      // Conditional on the heartbeat we saw, so a trial that just came back to life is not reaped.
      const done = await this.db
        .updateTable('tune_trials')
        .set({ state: 'failed', error: staleError(Number(row.heartbeat_at_ms)), completed_at_ms: Date.now() })
        .where('id', '=', row.id)
        .where('state', '=', 'running')
        .where('heartbeat_at_ms', '<', staleBeforeMs)
        .returning('id')
        .executeTakeFirst();
      if (done) failed.push(await this.getTrial(done.id));
    }
    return failed;
  }

  async getTrial(trialId: number): Promise<FrozenTrial> {
    const row = await this.db
      .selectFrom('tune_trials')
      .selectAll()
      .where('id', '=', trialId)
      .executeTakeFirst();
    if (!row) throw new TuneError('TRIAL_NOT_FOUND', `no trial with id ${trialId}`);
    const [params, values, attrs] = await Promise.all([
      this.db.selectFrom('tune_trial_params').selectAll().where('trial_id', '=', trialId).execute(),
      this.db.selectFrom('tune_trial_values').selectAll().where('trial_id', '=', trialId).execute(),
      this.db.selectFrom('tune_trial_user_attrs').selectAll().where('trial_id', '=', trialId).execute(),
    ]);
    return toFrozen(row, params, values, attrs);
  }

  async getAllTrials(studyId: number): Promise<readonly FrozenTrial[]> {
    const ofStudy = this.db.selectFrom('tune_trials').select('id').where('study_id', '=', studyId);
    const [rows, params, values, attrs] = await Promise.all([
      this.db
        .selectFrom('tune_trials')
        .selectAll()
        .where('study_id', '=', studyId)
        .orderBy('number')
        .execute(),
      this.db.selectFrom('tune_trial_params').selectAll().where('trial_id', 'in', ofStudy).execute(),
      this.db.selectFrom('tune_trial_values').selectAll().where('trial_id', 'in', ofStudy).execute(),
      this.db.selectFrom('tune_trial_user_attrs').selectAll().where('trial_id', 'in', ofStudy).execute(),
    ]);
    const group = <T extends { trial_id: number }>(items: T[]): Map<number, T[]> => {
      const m = new Map<number, T[]>();
      for (const it of items) {
        const list = m.get(it.trial_id);
        if (list) list.push(it);
        else m.set(it.trial_id, [it]);
      }
      return m;
    };
    const p = group(params);
    const v = group(values);
    const a = group(attrs);
    return rows.map((r) => toFrozen(r, p.get(r.id) ?? [], v.get(r.id) ?? [], a.get(r.id) ?? []));
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose?.();
  }

  private async assertRunning(trialId: number): Promise<void> {
    const row = await this.db
      .selectFrom('tune_trials')
      .select(['state', 'number'])
      .where('id', '=', trialId)
      .executeTakeFirst();
    if (!row) throw new TuneError('TRIAL_NOT_FOUND', `no trial with id ${trialId}`);
    if (row.state !== 'running')
      throw new TuneError('TRIAL_NOT_RUNNING', `trial ${row.number} is ${row.state}`);
  }
}

function toFrozen(
  row: TrialRow,
  params: readonly { name: string; distribution: string; value: string }[],
  values: readonly { step: number; value: number | null }[],
  attrs: readonly { key: string; value: string }[],
): FrozenTrial {
  const p: Record<string, ParamValue> = {};
  const d: Record<string, Distribution> = {};
  for (const x of params) {
    p[x.name] = JSON.parse(x.value) as ParamValue;
    d[x.name] = parseDistribution(x.distribution);
  }
  const iv: Record<number, number> = {};
  for (const x of values) iv[Number(x.step)] = x.value === null ? NaN : Number(x.value);
  const ua: Record<string, JsonValue> = {};
  for (const x of attrs) ua[x.key] = JSON.parse(x.value) as JsonValue;
  return freezeTrial({
    id: Number(row.id),
    number: Number(row.number),
    state: row.state as TrialState,
    value: row.value === null ? null : Number(row.value),
    params: p,
    distributions: d,
    intermediateValues: iv,
    userAttrs: ua,
    fixedParams: JSON.parse(row.fixed_params) as Record<string, ParamValue>,
    error: row.error,
    startedAtMs: row.started_at_ms === null ? null : Number(row.started_at_ms),
    completedAtMs: row.completed_at_ms === null ? null : Number(row.completed_at_ms),
  });
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e
    ? String((e as { code: unknown }).code)
    : undefined;
}

function isUniqueViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function isForeignKeyViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
