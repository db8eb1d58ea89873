import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { requireArgument } from '../errors.ts';
import { KyselyRunStore } from './kysely-run-store.ts';
import { migrateRunStore } from './migrations/index.ts';
import type { PipelineDatabase } from './schema.ts';

export interface PostgresRunStoreOptions {
  /** Schema holding the tables, created if missing (default `public`). Tests use one each. */
  readonly schema?: string;
  /** Drop the schema on close(): throwaway test schemas only. */
  readonly dropSchemaOnClose?: boolean;
  readonly maxConnections?: number;
  readonly now?: () => number;
}

/**
 * Opens a Postgres run store and applies pending migrations. Behind `@sodai/pipeline/postgres` so
 * that importing the package never loads `pg`.
 *
 * @example
 * import { openPostgresRunStore } from '@sodai/pipeline/postgres';
 * const store = await openPostgresRunStore(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
 * console.log((await store.listRuns()).length);
 * await store.close();
 */
export async function openPostgresRunStore(
  url: string,
  options: PostgresRunStoreOptions = {},
): Promise<KyselyRunStore> {
  const schema = options.schema ?? 'public';
  requireArgument(/^[a-z_][a-z0-9_]{0,62}$/.test(schema), 'schema', 'must be a lower-case SQL identifier');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  const db = new Kysely<PipelineDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch((e: unknown) => {
      // Two openers racing on a new schema: the loser hits a unique violation, and the schema exists.
      if ((e as { code?: string }).code !== '23505') throw e;
    });
    await migrateRunStore(db as Kysely<unknown>, 'postgres', schema);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const dropSchema = async (): Promise<void> => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await admin.end();
    }
  };
  return new KyselyRunStore(db, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.dropSchemaOnClose ? { onClose: dropSchema } : {}),
  });
}

export type { KyselyRunStore } from './kysely-run-store.ts';
