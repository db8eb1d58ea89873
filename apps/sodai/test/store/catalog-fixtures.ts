import { createHash } from 'node:crypto';
import path from 'node:path';
import { storeFixtures } from '@sodai/testing';
import type { NewFile } from '../../src/store/catalog/catalog-records.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { openPostgresCatalog } from '../../src/store/catalog/postgres-catalog.ts';

/** The two places a catalog lives: a SQLite file in a temp folder, and a throwaway Postgres schema. */
export const catalogFixtures = storeFixtures({
  prefix: 'sodai-catalog-',
  openSqlite: (dir) => openSqliteCatalog(path.join(dir, 'catalog.db')),
  openPostgres: (url, schema) => openPostgresCatalog(url, { schema, dropSchemaOnClose: true }),
});

export function hashOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** A file entry for `key` (its hash derived from the key), with an optional date range. */
export function fileEntry(key: string, rows = 10, dates?: [string, string]): NewFile {
  return {
    key,
    contentHash: hashOf(key),
    rows,
    bytes: rows * 100,
    ...(dates ? { dateMin: dates[0], dateMax: dates[1] } : {}),
  };
}
