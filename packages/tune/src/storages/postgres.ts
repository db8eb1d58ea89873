import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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
    throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 4 });
  if (schema !== undefined) {
    await pool.query(`create schema if not exists "${schema}"`).catch(async () => {
      // A concurrent creator may win the race; the schema exists either way.
      await pool.query(`select 1 from pg_namespace where nspname = $1`, [schema]);
    });
    pool.on('connect', (client) => {
      void client.query(`set search_path to "${schema}"`);
    });
  }
  return SqlStorage.open(new Kysely<TuneDatabase>({ dialect: new PostgresDialect({ pool }) }), {
    dialect: 'postgres',
  });
}

export { SqlStorage };
