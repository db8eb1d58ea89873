import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RawTableName } from '../contract/index.ts';
import { SodaiError } from '../errors.ts';
import { formatOf } from '../store/duckdb.ts';
import { ingestFile, type IngestOptions } from './ingest/ingest-file.ts';
import type { RawStore } from '../store/raw-store.ts';
import type { ValidationReport } from './ingest/validation-report.ts';
import type { InitialLoadFiles } from './raw-data-files.ts';

export type BatchIngestOptions = Omit<IngestOptions, 'table'>;

/**
 * The initial load: customers and products first (upserted), then transactions through the same
 * validation as weekly batches. A rejected reference file stops the load before transactions.
 */
export async function loadInitialData(
  store: RawStore,
  files: InitialLoadFiles,
  options: BatchIngestOptions,
): Promise<ValidationReport[]> {
  const reports: ValidationReport[] = [];
  const order: RawTableName[] = ['customers', 'products', 'transactions'];
  for (const table of order) {
    const file = files[table];
    if (!file) continue;
    const report = await ingestFile(store, file, { ...options, table });
    reports.push(report);
    if (report.outcome === 'rejected') break;
  }
  return reports;
}

/**
 * Data files in a folder, in file-name order (the order batches are meant to be applied). Hidden
 * files are left out: they are uploads in progress, editor backups or system files, never batches.
 */
export function batchFilesIn(target: string): string[] {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (!stats) throw new SodaiError('FILE_NOT_FOUND', `${target}: no such file or folder`);
  if (stats.isFile()) return [target];
  return readdirSync(target)
    .filter((name) => !name.startsWith('.') && /\.(parquet|pq|csv)$/i.test(name))
    .sort()
    .map((name) => path.join(target, name))
    .filter((file) => {
      formatOf(file);
      return statSync(file).isFile();
    });
}

/** Ingests every transaction file of a folder (or one file), each in its own transaction. */
export async function ingestBatches(
  store: RawStore,
  target: string,
  options: BatchIngestOptions,
): Promise<ValidationReport[]> {
  const reports: ValidationReport[] = [];
  for (const file of batchFilesIn(target)) {
    reports.push(await ingestFile(store, file, { ...options, table: 'transactions' }));
  }
  return reports;
}
