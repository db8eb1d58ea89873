import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { tempDir } from '../helpers.ts';

// Found on the Postgres walk: `sodai ingest` of this version migrated the shared catalog (0004) while
// a `sodai worker` of the previous one ran; every task on the worker then failed to open the catalog
// with "corrupted migrations: previously executed migration 0004-watermark-row-counts is missing".
describe('a catalog a newer SodAI migrated', () => {
  it('opens and works in this older version, the newer migration left in place', async () => {
    const file = path.join(tempDir('sodai-catalog-newer-'), 'catalog.db');
    await (await openSqliteCatalog(file)).close();
    const raw = new Database(file);
    try {
      const [{ ts }] = raw.prepare('SELECT max(timestamp) AS ts FROM catalog_migrations').all() as [
        { ts: string },
      ];
      raw
        .prepare('INSERT INTO catalog_migrations (name, timestamp) VALUES (?, ?)')
        .run('9999-from-a-newer-version', ts);
    } finally {
      raw.close();
    }
    const catalog = await openSqliteCatalog(file);
    try {
      expect(Array.isArray(await catalog.tables())).toBe(true);
      expect(await catalog.watermark('postgres://nowhere#table=x;watermark=d')).toBeUndefined();
    } finally {
      await catalog.close();
    }
  });
});
