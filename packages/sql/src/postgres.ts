import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

export interface PostgresKyselyOptions {
  /** Schema holding the tables, created if missing (default `public`). Tests use one each. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

export interface PostgresKysely<DB> {
  readonly db: Kysely<DB>;
  readonly schema: string;
  /** Drops the schema and everything in it: for throwaway test schemas. */
  dropSchema(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Connects to Postgres with every connection's search_path set to `schema`, creating the schema
 * when missing (safe when several processes race to create it). Lives behind `@sodai/sql/postgres`
 * so that importing the package never loads `pg`.
 *
 * @example
 * import { openPostgresKysely } from '@sodai/sql/postgres';
 * const { db } = await openPostgresKysely<MyTables>('postgres://postgres@127.0.0.1:5432/test', { schema: 'app' });
 * await db.destroy();
 */
export async function openPostgresKysely<DB>(
  url: string,
  options: PostgresKyselyOptions = {},
): Promise<PostgresKysely<DB>> {
  const schema = options.schema ?? 'public';
  if (!IDENTIFIER.test(schema)) {
    throw new RangeError(`schema "${schema}" must be a lower-case SQL identifier`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  // A restart or failover ends connections with an 'error' event: on the pool for idle ones, on the
  // client for one checked out between two queries (inside a transaction). Without a listener Node
  // throws it and the process dies. Nothing else is needed: the next query on that client fails
  // (so its transaction rolls back), the pool drops the dead client and opens a new one.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch((e: unknown) => {
      // Two openers racing on a new schema: the loser hits a unique violation, and the schema exists.
      if ((e as { code?: string }).code !== '23505') throw e;
    });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return {
    db,
    schema,
    async dropSchema() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}
