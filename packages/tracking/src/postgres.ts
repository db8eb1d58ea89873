import { openPostgresKysely } from '@sodai/sql/postgres';
import { requireArgument } from './errors.ts';
import { KyselyTrackingStore } from './store/kysely-store.ts';
import { migrateToLatest } from './store/migrate.ts';
import type { Database } from './store/schema.ts';

export interface PostgresStoreOptions {
  /** Schema holding the tables (created if missing; default `public`). Tests use one schema each. */
  readonly schema?: string;
  /** Drop the schema on close(): for throwaway test schemas only. */
  readonly dropSchemaOnClose?: boolean;
  readonly maxConnections?: number;
  readonly now?: () => number;
}

/**
 * Opens a Postgres tracking store and applies pending migrations (concurrent openers are serialized by
 * Kysely's advisory lock). Lives behind `@sodai/tracking/postgres` so that importing the package never
 * loads `pg`.
 *
 * @example
 * import { openPostgresStore } from '@sodai/tracking/postgres';
 * const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/test');
 * console.log((await store.listExperiments()).length);
 * await store.close();
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<KyselyTrackingStore> {
  requireArgument(
    /^[a-z_][a-z0-9_]{0,62}$/.test(options.schema ?? 'public'),
    'schema',
    'must be a lower-case SQL identifier',
  );
  const { db, schema, dropSchema } = await openPostgresKysely<Database>(url, {
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
  });
  try {
    await migrateToLatest(db, { schema });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyTrackingStore(db, {
    dialect: 'postgres',
    ...(options.now ? { now: options.now } : {}),
    ...(options.dropSchemaOnClose ? { onClose: dropSchema } : {}),
  });
}
