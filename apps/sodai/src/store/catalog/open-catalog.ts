import path from 'node:path';
import { openSqliteKysely } from '@sodai/sql';
import { Catalog } from './catalog.ts';
import type { CatalogDatabase } from './catalog-schema.ts';
import { migrateCatalog } from './migrations/index.ts';

export interface SqliteCatalogOptions {
  /** How long a commit waits for another process's write lock (default 30 s). */
  readonly busyTimeoutMs?: number;
  readonly now?: () => number;
}

/**
 * Opens (creating and migrating if needed) the catalog in a SQLite file that several processes
 * share: WAL, busy timeout, IMMEDIATE transactions (see `@sodai/sql`).
 *
 * @example
 * const catalog = await openSqliteCatalog('.sodai/catalog.db');
 */
export async function openSqliteCatalog(file: string, options: SqliteCatalogOptions = {}): Promise<Catalog> {
  const db = openSqliteKysely<CatalogDatabase>(
    file,
    options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {},
  );
  try {
    await migrateCatalog(db as never);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new Catalog(db, { dialect: 'sqlite', ...(options.now ? { now: options.now } : {}) });
}

export interface OpenCatalogOptions {
  /** `postgres://…` for Postgres; otherwise the catalog is `<dataDir>/catalog.db` (SQLite). */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly now?: () => number;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The deployment's catalog: Postgres when `databaseUrl` is a postgres:// URL (loaded only then, so an
 * embedded deployment never loads `pg`), else SQLite in the data folder.
 *
 * @example
 * const catalog = await openCatalog({ databaseUrl: process.env.DATABASE_URL, dataDir: '.sodai' });
 */
export async function openCatalog(options: OpenCatalogOptions): Promise<Catalog> {
  const extra = options.now ? { now: options.now } : {};
  if (isPostgresUrl(options.databaseUrl)) {
    const { openPostgresCatalog } = await import('./postgres-catalog.ts');
    return openPostgresCatalog(options.databaseUrl, extra);
  }
  return openSqliteCatalog(path.join(options.dataDir, 'catalog.db'), extra);
}
