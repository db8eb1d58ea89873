import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
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
  const schema = options.schema ?? 'public';
  requireArgument(/^[a-z_][a-z0-9_]{0,62}$/.test(schema), 'schema', 'must be a lower-case SQL identifier');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch((e: unknown) => {
      // Two openers racing on a new schema: the loser sees a unique violation; the schema exists.
      if ((e as { code?: string }).code !== '23505') throw e;
    });
    await migrateToLatest(db, { schema });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const dropSchema = async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await admin.end();
    }
  };
  return new KyselyTrackingStore(db, {
    dialect: 'postgres',
    ...(options.now ? { now: options.now } : {}),
    ...(options.dropSchemaOnClose ? { onClose: dropSchema } : {}),
  });
}
