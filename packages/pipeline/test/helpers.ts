import {
  storeFixtures,
  type OpenFixture as GenericOpenFixture,
  type StoreFixture as GenericStoreFixture,
} from '@sodai/testing';
import { join } from 'node:path';
import { openSqliteRunStore } from '../src/stores/sqlite-run-store.ts';
import { openPostgresRunStore } from '../src/stores/postgres-run-store.ts';
import type { RunStore } from '../src/stores/run-store.ts';

export type StoreFixture = GenericStoreFixture<RunStore>;
export type OpenFixture = GenericOpenFixture<RunStore>;

export const { tempDir, openSqliteFixture, postgresFixture } = storeFixtures<RunStore>({
  prefix: 'sodai-pipeline-',
  openSqlite: (dir) => openSqliteRunStore(join(dir, 'pipeline.db')),
  openPostgres: (url, schema) =>
    openPostgresRunStore(url, { schema, dropSchemaOnClose: true, maxConnections: 4 }),
});

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
