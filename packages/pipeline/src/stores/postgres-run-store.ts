import type { Kysely } from 'kysely';
import { openPostgresKysely } from '@sodai/sql/postgres';
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
  requireArgument(
    /^[a-z_][a-z0-9_]{0,62}$/.test(options.schema ?? 'public'),
    'schema',
    'must be a lower-case SQL identifier',
  );
  const { db, schema, dropSchema } = await openPostgresKysely<PipelineDatabase>(url, {
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
  });
  try {
    await migrateRunStore(db as Kysely<unknown>, 'postgres', schema);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyRunStore(db, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.dropSchemaOnClose ? { onClose: dropSchema } : {}),
  });
}

export type { KyselyRunStore } from './kysely-run-store.ts';
