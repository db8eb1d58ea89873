import type { Kysely } from 'kysely';
import { migrateShared } from '@sodai/sql';
import { TrackingError } from '../errors.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

/**
 * Applies every pending migration. Safe when several processes open the same database at once:
 * Kysely takes an advisory lock on Postgres, and on SQLite the migration runs in one transaction that
 * begins IMMEDIATE (see `sqlite.ts`), so the second process waits and then finds nothing left to do.
 * The store openers call it; call it yourself only on a Kysely instance you built.
 *
 * @example
 * import { migrateToLatest } from '@sodai/tracking';
 * const applied = await migrateToLatest(db); // ['0001-initial'] on a new database, [] afterwards
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<string[]> {
  const {
    applied,
    error,
    failed: failedName,
  } = await migrateShared(db as Kysely<unknown>, {
    provider: migrationProvider,
    // Pinning the schema keeps Kysely from mistaking another schema's migration table for ours.
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  if (error) {
    const failed = failedName ?? 'unknown';
    throw new TrackingError(
      'STORE_ERROR',
      `migration ${failed} failed: ${String(error)}`,
      { migration: failed },
      error,
    );
  }
  return [...applied];
}
