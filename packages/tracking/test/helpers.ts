import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/sqlite.ts';
import { openPostgresStore } from '../src/postgres.ts';
import type { TrackingStore } from '../src/store/tracking-store.ts';
import type { AliasHistoryEntry } from '../src/registry/records.ts';

export interface StoreFixture {
  readonly store: TrackingStore;
  readonly dir: string;
  readonly cleanup: () => Promise<void>;
}

export type OpenFixture = () => Promise<StoreFixture>;

export function tempDir(prefix = 'sodai-tracking-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const openSqliteFixture: OpenFixture = async () => {
  const dir = tempDir();
  const store = await openSqliteStore(join(dir, 'tracking.db'));
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A Postgres store in a fresh schema, dropped on cleanup, so parallel test files never collide. */
export function postgresFixture(url: string): OpenFixture {
  return async () => {
    const dir = tempDir();
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const store = await openPostgresStore(url, { schema, dropSchemaOnClose: true, maxConnections: 8 });
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

/** Throws unless `history` is a consistent chain ending at `currentVersion`. */
export function assertConsistentChain(history: readonly AliasHistoryEntry[], currentVersion: number): void {
  const open = history.filter((h) => h.endedAt === null);
  if (open.length !== 1) throw new Error(`expected exactly one open entry, got ${open.length}`);
  if (history[history.length - 1] !== open[0]) throw new Error('the open entry is not the last one');
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as AliasHistoryEntry;
    if (h.seq !== i + 1) throw new Error(`seq ${h.seq} at position ${i}`);
    const next = history[i + 1];
    if (next && h.endedAt !== next.startedAt) {
      throw new Error(`entry ${h.seq} ends at ${h.endedAt} but ${next.seq} starts at ${next.startedAt}`);
    }
    if (h.endedAt !== null && h.endedAt < h.startedAt)
      throw new Error(`entry ${h.seq} ends before it starts`);
  }
  if (open[0]?.version !== currentVersion) {
    throw new Error(`alias points at ${currentVersion} but the open entry holds ${open[0]?.version}`);
  }
}
