import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { modulesLoadedBy } from '@sodai/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.ts';
import { queryRows } from '../../src/store/duckdb.ts';
import { LocalObjectStore } from '../../src/store/object-store/local-object-store.ts';
import {
  createTableView,
  newTableFileKey,
  openJobDuckDb,
  writeQueryToStore,
} from '../../src/store/parquet-table.ts';
import { openSharedStore, type SharedStore } from '../../src/store/shared-store.ts';
import { tempDir } from '../helpers.ts';
import { s3Gate } from './s3-test-server.ts';

const s3 = await s3Gate({ bucket: 'shared-store' });
afterAll(async () => s3.server?.stop());

/** One process writes a file and commits it; another, opened separately, reads the same rows. */
async function writeThenReadElsewhere(open: () => Promise<SharedStore>): Promise<unknown[]> {
  const writer = await open();
  const duck = await openJobDuckDb({ memoryLimit: writer.memoryLimit, threads: 1 });
  try {
    const file = await writeQueryToStore(
      duck.connection,
      'SELECT range::INTEGER AS id FROM range(5)',
      writer.objects,
      newTableFileKey('ids'),
    );
    await writer.catalog.commit({
      operation: 'test',
      tables: [{ table: 'ids', mode: 'append', add: [file] }],
    });
  } finally {
    duck.close();
    await writer.close();
  }
  const reader = await open();
  const readDuck = await openJobDuckDb({ memoryLimit: reader.memoryLimit, threads: 1 });
  try {
    await createTableView(readDuck.connection, 'ids', {
      catalog: reader.catalog,
      store: reader.objects,
      table: 'ids',
    });
    return (await queryRows(readDuck.connection, 'SELECT id FROM ids ORDER BY id')).map((r) => r.id);
  } finally {
    readDuck.close();
    await reader.close();
  }
}

describe('openSharedStore', () => {
  it('embedded by default: objects in <dataDir>/objects, the catalog in <dataDir>/catalog.db', async () => {
    const dataDir = tempDir('sodai-shared-');
    const config = ConfigSchema.parse({ dataDir, storeMemoryLimit: '256MB' });
    const store = await openSharedStore(config);
    try {
      expect(store.objects).toBeInstanceOf(LocalObjectStore);
      expect(store.objects.url).toBe(pathToFileURL(path.join(dataDir, 'objects')).href);
      expect(store.catalog.dialect).toBe('sqlite');
      expect(store.memoryLimit).toBe('256MB');
    } finally {
      await store.close();
    }
    expect(await writeThenReadElsewhere(() => openSharedStore(config))).toEqual([0, 1, 2, 3, 4]);
  });

  it.runIf(s3.server !== undefined)(
    'with objectStore s3://…: a reader with its own empty data folder sees the writer’s files',
    async () => {
      const server = s3.server!;
      const config = (dataDir: string) =>
        ConfigSchema.parse({
          dataDir,
          objectStore: `s3://${server.bucket}/deploy`,
          storeMemoryLimit: '256MB',
        });
      // Writer and reader share only the bucket and the catalog file, as two machines would share
      // the bucket and Postgres; each has its own data folder (and so its own download cache).
      const shared = tempDir('sodai-shared-s3-');
      let opened = 0;
      const open = async () => {
        const own = path.join(shared, `machine-${++opened}`);
        const store = await openSharedStore(config(own), { env: { ...server.env } });
        // Point both at one catalog: the metadata database is the other shared service.
        const { openSqliteCatalog } = await import('../../src/store/catalog/open-catalog.ts');
        const catalog = await openSqliteCatalog(path.join(shared, 'catalog.db'));
        await store.catalog.close();
        return { ...store, catalog, close: async () => (await catalog.close(), await store.objects.close()) };
      };
      expect(await writeThenReadElsewhere(open)).toEqual([0, 1, 2, 3, 4]);
    },
  );

  it('an embedded store loads neither the AWS SDK nor pg', () => {
    const entry = pathToFileURL(path.resolve(import.meta.dirname, '../../src/store/shared-store.ts')).href;
    expect(
      modulesLoadedBy(entry, ['/node_modules/@aws-sdk/', '/node_modules/pg/'], import.meta.dirname),
    ).toEqual([]);
  });
});
