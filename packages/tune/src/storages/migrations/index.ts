import type { Kysely, MigrationProvider } from 'kysely';
import { migrateShared } from '@sodai/sql';
import { TuneError } from '../../errors.ts';
import type { SqlDialectName } from '../sql-schema.ts';
import { initial } from './0001-initial.ts';

/** Append new migrations; never edit or rename an applied one. In code, so no directory scanning. */
function provider(dialect: SqlDialectName): MigrationProvider {
  return { getMigrations: async () => ({ '0001-initial': initial(dialect) }) };
}

/**
 * Applies pending migrations, recorded in `tune_migrations`. Postgres serializes concurrent openers
 * with Kysely's advisory lock; SQLite runs them in one IMMEDIATE transaction (see `@sodai/sql`), so a
 * second process waits and then finds nothing left to do. Returns the names it applied.
 */
export async function migrateTuneStorage(
  db: Kysely<unknown>,
  dialect: SqlDialectName,
  schema?: string,
): Promise<string[]> {
  const {
    applied,
    error,
    failed: failedName,
  } = await migrateShared(db, {
    provider: provider(dialect),
    migrationTableName: 'tune_migrations',
    migrationLockTableName: 'tune_migrations_lock',
    // Pinning the schema keeps Kysely from mistaking another schema's migration table for ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  if (error) {
    const failed = failedName ?? 'unknown';
    throw new TuneError('STORAGE_ERROR', `tune storage migration ${failed} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return [...applied];
}
