import type { Kysely, MigrationProvider } from 'kysely';
import { migrateShared } from '@sodai/sql';
import { PipelineError } from '../../errors.ts';
import { initial, type StoreDialect } from './0001-initial.ts';

export type { StoreDialect } from './0001-initial.ts';

/** Append new migrations; never edit or rename an applied one. In code, so no directory scanning. */
function provider(dialect: StoreDialect): MigrationProvider {
  return { getMigrations: async () => ({ '0001-initial': initial(dialect) }) };
}

/**
 * Applies pending migrations. Postgres serializes concurrent openers with Kysely's advisory lock;
 * SQLite runs them in one IMMEDIATE transaction (see sqlite-run-store.ts).
 */
export async function migrateRunStore(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  schema?: string,
): Promise<void> {
  const { error } = await migrateShared(db, {
    provider: provider(dialect),
    migrationTableName: 'pipeline_migrations',
    migrationLockTableName: 'pipeline_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  if (error)
    throw new PipelineError('STORE_ERROR', `run store migration failed: ${String(error)}`, {}, error);
}
