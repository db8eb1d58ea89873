import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { TuneError } from '../errors.ts';
import type { TuneDatabase } from './sql-schema.ts';
import { SqlStorage } from './sql-storage.ts';

export interface PostgresStorageOptions {
  /** Postgres schema holding the tables (created if missing). Default: the connection's search path. */
  readonly schema?: string;
  /** Pool size. Default 4. */
  readonly maxConnections?: number;
}

/**
 * Opens a Postgres database as a study storage. Lives behind `@sodai/tune/postgres` so that importing
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
  const schema = options.schema;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema))
    throw new TuneError('INVALID_ARGUMENT', `invalid schema name ${schema}`);
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 4 });
  return SqlStorage.open(new Kysely<TuneDatabase>({ dialect: new PostgresDialect({ pool }) }), {
    dialect: 'postgres',
    schema,
  });
}

export { SqlStorage };
