import type { Kysely, MigrationProvider } from 'kysely';
import { migrateShared } from '@sodai/sql';
import { StoreError } from '../../store-error.ts';
import { catalogInitial } from './0001-catalog.ts';
import { sourceWatermarks } from './0002-source-watermarks.ts';
import { monitorMetrics } from './0003-monitor.ts';
import { watermarkRowCounts } from './0004-watermark-row-counts.ts';

/** Append new migrations; never edit or rename an applied one. In code, so no directory scanning. */
const provider: MigrationProvider = {
  getMigrations: async () => ({
    '0001-catalog': catalogInitial,
    '0002-source-watermarks': sourceWatermarks,
    '0003-monitor': monitorMetrics,
    '0004-watermark-row-counts': watermarkRowCounts,
  }),
};

/**
 * Applies pending catalog migrations. Safe when several processes open the catalog at once: Kysely
 * takes an advisory lock on Postgres; on SQLite the migration runs in one IMMEDIATE transaction (see
 * `@sodai/sql`), so the second process waits and then finds nothing left to do. Its own migration
 * table lets the catalog share a database with the tracking and pipeline stores.
 */
export async function migrateCatalog(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  const { applied, error, failed } = await migrateShared(db, {
    provider,
    migrationTableName: 'catalog_migrations',
    migrationLockTableName: 'catalog_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  if (error) {
    throw new StoreError(
      'CATALOG_ERROR',
      `catalog migration${failed ? ` ${failed}` : ''} failed: ${String(error)}`,
      { cause: error },
    );
  }
  return [...applied];
}
