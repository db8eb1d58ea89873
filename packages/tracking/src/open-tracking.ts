import { join } from 'node:path';
import { LocalArtifactStore } from './artifacts/local-artifact-store.ts';
import type { ArtifactStore } from './artifacts/artifact-store.ts';
import { TrackingClient, type TrackingClientOptions } from './client.ts';
import { openSqliteStore } from './sqlite.ts';
import type { TrackingStore } from './store/tracking-store.ts';

export interface OpenTrackingOptions extends Omit<TrackingClientOptions, 'store' | 'artifacts'> {
  /** `postgres://…` selects Postgres; anything else is ignored. Default: `process.env.DATABASE_URL`. */
  readonly databaseUrl?: string | undefined;
  /** Folder for the SQLite file and local artifacts (default `.sodai`). */
  readonly dataDir?: string;
  readonly artifacts?: ArtifactStore;
}

/** Whether a URL names a Postgres server. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the store the environment asks for: Postgres when `DATABASE_URL` is a postgres URL (loading
 * `pg` only then), otherwise `<dataDir>/tracking.db`; artifacts under `<dataDir>/artifacts`.
 *
 * @example
 * import { openTracking } from '@sodai/tracking';
 * const client = await openTracking({ dataDir: '.sodai' });
 */
export async function openTracking(options: OpenTrackingOptions = {}): Promise<TrackingClient> {
  const dataDir = options.dataDir ?? '.sodai';
  const url = 'databaseUrl' in options ? options.databaseUrl : process.env.DATABASE_URL;
  let store: TrackingStore;
  if (isPostgresUrl(url)) {
    const { openPostgresStore } = await import('./postgres.ts');
    store = await openPostgresStore(url, options.now ? { now: options.now } : {});
  } else {
    store = await openSqliteStore(join(dataDir, 'tracking.db'), options.now ? { now: options.now } : {});
  }
  return TrackingClient.open({
    ...options,
    store,
    artifacts: options.artifacts ?? new LocalArtifactStore(join(dataDir, 'artifacts')),
  });
}
