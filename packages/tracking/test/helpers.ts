import {
  storeFixtures,
  type OpenFixture as GenericOpenFixture,
  type StoreFixture as GenericStoreFixture,
} from '@sodai/testing';
import { join } from 'node:path';
import { openSqliteStore } from '../src/sqlite.ts';
import { openPostgresStore } from '../src/postgres.ts';
import type { TrackingStore } from '../src/store/tracking-store.ts';
import type { AliasHistoryEntry } from '../src/registry/records.ts';

export type StoreFixture = GenericStoreFixture<TrackingStore>;
export type OpenFixture = GenericOpenFixture<TrackingStore>;

export const { tempDir, openSqliteFixture, postgresFixture } = storeFixtures<TrackingStore>({
  prefix: 'sodai-tracking-',
  openSqlite: (dir) => openSqliteStore(join(dir, 'tracking.db')),
  openPostgres: (url, schema) =>
    openPostgresStore(url, { schema, dropSchemaOnClose: true, maxConnections: 8 }),
});

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
