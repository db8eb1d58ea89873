import path from 'node:path';
import type { SodaiConfig } from '../../config/config-schema.ts';

/** Where weekly transaction batches come from: the config's `source`, or what `sodai ingest` names. */
export type BatchSourceSpec = NonNullable<SodaiConfig['source']>;
export type PostgresSourceSpec = Extract<BatchSourceSpec, { kind: 'postgres' }>;

/** Batch file names a folder or a bucket prefix may hold; anything else there is ignored. */
export const BATCH_FILE = /\.(parquet|pq|csv)$/i;

/** The configured source, or the landing folder when none is configured. */
export function configuredSource(config: SodaiConfig, landingDir: string): BatchSourceSpec {
  const source = config.source;
  if (source === undefined) return { kind: 'folder', path: landingDir };
  if (source.kind === 'folder') return { kind: 'folder', path: path.resolve(source.path ?? landingDir) };
  return source;
}
