import { openPostgresKysely } from '@sodai/sql/postgres';
import { TuneError } from '../errors.ts';
import type { TuneDatabase } from './sql-schema.ts';
import { SqlStorage } from './sql-storage.ts';

export interface PostgresStorageOptions {
  /** Postgres schema holding the tables (created if missing; default `public`). Tests use one each. */
  readonly schema?: string;
  /** Drop the schema on close(): for throwaway test schemas only. */
  readonly dropSchemaOnClose?: boolean;
  /** Pool size. Default 4. */
  readonly maxConnections?: number;
}

/**
 * Opens a Postgres database as a study storage and applies pending migrations (concurrent openers
 * are serialized by Kysely's advisory lock). Lives behind `@sodai/tune/postgres` so that importing
 * `@sodai/tune` never loads `pg`.
 *
 * @example
 * import { openPostgresStorage } from '@sodai/tune/postgres';
 * const storage = await openPostgresStorage(process.env.DATABASE_URL!);
 */
export async function openPostgresStorage(
  connectionString: string,
  options: PostgresStorageOptions = {},
): Promise<SqlStorage> {
  const requested = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(requested))
    throw new TuneError('INVALID_ARGUMENT', `schema "${requested}" must be a lower-case SQL identifier`);
  const { db, schema, dropSchema } = await openPostgresKysely<TuneDatabase>(connectionString, {
    schema: requested,
    maxConnections: options.maxConnections ?? 4,
  });
  return SqlStorage.open(db, {
    dialect: 'postgres',
    schema,
    ...(options.dropSchemaOnClose ? { onClose: dropSchema } : {}),
  });
}

export { SqlStorage };
