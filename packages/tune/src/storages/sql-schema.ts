import { sql, type Generated, type Kysely } from 'kysely';
import { TuneError } from '../errors.ts';

/** The tables `SqlStorage` keeps; one schema for SQLite and Postgres. */
export interface TuneDatabase {
  tune_studies: { id: Generated<number>; name: string; direction: string; created_at_ms: number };
  tune_trials: {
    id: Generated<number>;
    study_id: number;
    number: number;
    state: string;
    value: number | null;
    error: string | null;
    /** JSON object of parameters fixed by `enqueueTrial`. */
    fixed_params: string;
    started_at_ms: number | null;
    /** Last sign of life from the process running the trial; null when heartbeats are off. */
    heartbeat_at_ms: number | null;
    completed_at_ms: number | null;
  };
  /** `value` is the external value as JSON, so floats, ints and choices round-trip exactly. */
  tune_trial_params: { trial_id: number; name: string; distribution: string; value: string };
  /** `value` null stands for NaN, which SQLite cannot store. */
  tune_trial_values: { trial_id: number; step: number; value: number | null };
  tune_trial_user_attrs: { trial_id: number; key: string; value: string };
}

export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * Creates the tables if missing. Idempotent and safe to run from several processes at once: a process that
 * loses a creation race sees the table exist and moves on.
 */
export async function migrate(
  root: Kysely<TuneDatabase>,
  dialect: SqlDialectName,
  schema?: string,
): Promise<void> {
  if (schema !== undefined) {
    if (dialect !== 'postgres')
      throw new TuneError('INVALID_ARGUMENT', 'a schema is only supported on Postgres');
    await root.schema
      .createSchema(schema)
      .ifNotExists()
      .execute()
      .catch(async (e: unknown) => {
        // A concurrent creator may have won; only fail if the schema is really missing.
        const found = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_namespace where nspname = ${schema}`.execute(root);
        if (found.rows[0]?.n !== 1) throw e;
      });
  }
  const db = schema === undefined ? root : root.withSchema(schema);
  const idColumn = dialect === 'sqlite' ? 'integer' : 'serial';
  const attempt = async (): Promise<void> => {
    await db.schema
      .createTable('tune_studies')
      .ifNotExists()
      .addColumn('id', idColumn, (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tune_trials')
      .ifNotExists()
      .addColumn('id', idColumn, (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('study_id', 'integer', (c) => c.notNull().references('tune_studies.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('error', 'text')
      .addColumn('fixed_params', 'text', (c) => c.notNull())
      .addColumn('started_at_ms', 'double precision')
      .addColumn('heartbeat_at_ms', 'double precision')
      .addColumn('completed_at_ms', 'double precision')
      .addUniqueConstraint('tune_trials_study_number', ['study_id', 'number'])
      .execute();
    await db.schema
      .createIndex('tune_trials_study_state')
      .ifNotExists()
      .on('tune_trials')
      .columns(['study_id', 'state'])
      .execute();
    for (const [table, key] of [
      ['tune_trial_params', 'name'],
      ['tune_trial_user_attrs', 'key'],
    ] as const) {
      await db.schema
        .createTable(table)
        .ifNotExists()
        .addColumn('trial_id', 'integer', (c) => c.notNull().references('tune_trials.id').onDelete('cascade'))
        .addColumn(key, 'text', (c) => c.notNull())
        .$call((b) =>
          table === 'tune_trial_params' ? b.addColumn('distribution', 'text', (c) => c.notNull()) : b,
        )
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['trial_id', key])
        .execute();
    }
    await db.schema
      .createTable('tune_trial_values')
      .ifNotExists()
      .addColumn('trial_id', 'integer', (c) => c.notNull().references('tune_trials.id').onDelete('cascade'))
      .addColumn('step', 'integer', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addPrimaryKeyConstraint('tune_trial_values_pk', ['trial_id', 'step'])
      .execute();
  };
  try {
    await attempt();
  } catch (e) {
    // Postgres can fail a concurrent CREATE TABLE IF NOT EXISTS with a unique violation on its catalog.
    await new Promise((r) => setTimeout(r, 100));
    await attempt().catch(() => {
      throw e;
    });
  }
  if (dialect === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);
}
