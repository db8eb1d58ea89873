import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteRunStore } from '../src/stores/sqlite-run-store.ts';
import { openPostgresRunStore } from '../src/stores/postgres-run-store.ts';
import type { RunStore } from '../src/stores/run-store.ts';

export interface StoreFixture {
  readonly store: RunStore;
  readonly dir: string;
  readonly cleanup: () => Promise<void>;
}

export type OpenFixture = () => Promise<StoreFixture>;

export function tempDir(prefix = 'sodai-pipeline-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const openSqliteFixture: OpenFixture = async () => {
  const dir = tempDir();
  const store = await openSqliteRunStore(join(dir, 'pipeline.db'));
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A fresh Postgres schema per fixture, dropped on cleanup. */
export function postgresFixture(url: string): OpenFixture {
  return async () => {
    const dir = tempDir();
    const schema = `p_${randomBytes(6).toString('hex')}`;
    const store = await openPostgresRunStore(url, { schema, dropSchemaOnClose: true, maxConnections: 4 });
    return {
      store,
      dir,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
