import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { migrateShared } from '@sodai/sql';
import { SodaiError } from '../../errors.ts';

// Migrations take Kysely<unknown> so they never depend on today's row types.
const alertsInitial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('monitor_alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('condition_key', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('acknowledged_at', 'bigint')
      .addColumn('acknowledged_by', 'text')
      .execute();
    // The "no storm" guarantee lives in the database: at most one open alert per condition, whatever
    // number of processes (server, scheduler, CLI) observe it at once.
    await db.schema
      .createIndex('monitor_alerts_one_open_uq')
      .on('monitor_alerts')
      .column('condition_key')
      .unique()
      .where('state' as never, '=', 'open')
      .execute();
    await db.schema
      .createIndex('monitor_alerts_opened_idx')
      .on('monitor_alerts')
      .column('opened_at')
      .execute();
  },
};

const provider: MigrationProvider = {
  getMigrations: async () => ({ '0001-alerts': alertsInitial }),
};

/** Applies pending alert migrations; its own migration table lets it share the metadata database. */
export async function migrateAlerts(db: Kysely<unknown>, schema?: string): Promise<void> {
  const { error, failed } = await migrateShared(db, {
    provider,
    migrationTableName: 'monitor_alert_migrations',
    migrationLockTableName: 'monitor_alert_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  if (error) {
    throw new SodaiError(
      'STORE_ERROR',
      `alert migration${failed ? ` ${failed}` : ''} failed: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}
