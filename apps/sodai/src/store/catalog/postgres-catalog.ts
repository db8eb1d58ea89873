import { openPostgresKysely } from '@sodai/sql/postgres';
import { Catalog } from './catalog.ts';
import type { CatalogDatabase } from './catalog-schema.ts';
import { migrateCatalog } from './migrations/index.ts';

export interface PostgresCatalogOptions {
  /** Schema holding the catalog tables (created if missing; default `public`). Tests use one each. */
  readonly schema?: string;
  /** Drop the schema on close(): for throwaway test schemas only. */
  readonly dropSchemaOnClose?: boolean;
  readonly maxConnections?: number;
  readonly now?: () => number;
}

/**
 * Opens the catalog in Postgres and applies pending migrations (concurrent openers are serialized by
 * Kysely's advisory lock). Imported only for postgres:// URLs, so embedded use never loads `pg`.
 *
 * @example
 * const catalog = await openPostgresCatalog('postgres://postgres@127.0.0.1:5432/sodai');
 */
export async function openPostgresCatalog(
  url: string,
  options: PostgresCatalogOptions = {},
): Promise<Catalog> {
  const { db, schema, dropSchema } = await openPostgresKysely<CatalogDatabase>(url, {
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
  });
  try {
    await migrateCatalog(db as never, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new Catalog(db, {
    dialect: 'postgres',
    ...(options.now ? { now: options.now } : {}),
    ...(options.dropSchemaOnClose ? { onClose: dropSchema } : {}),
  });
}
