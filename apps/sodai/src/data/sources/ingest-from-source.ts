import path from 'node:path';
import type { RawStore } from '../../store/raw-store.ts';
import type { ValidationReport } from '../ingest/validation-report.ts';
import { ingestBatches, type BatchIngestOptions } from '../load-data.ts';
import type { BatchSourceSpec } from './batch-source.ts';
import { ingestPostgresIncrement, type LateRowsNotice } from './postgres-source.ts';
import { ingestS3Prefix } from './s3-source.ts';

/**
 * Ingests what is new at a source: every batch file of a folder or an S3 prefix (in name/key order,
 * each at most once by content), or the rows of a Postgres table past its watermark. `cacheDir` is
 * this machine's cache folder (`<dataDir>/cache`): downloads and extracts go there, never the data.
 * `warn` hears what no batch report holds (rows a Postgres source can no longer hand over).
 */
export async function ingestFromSource(
  store: RawStore,
  source: BatchSourceSpec,
  options: BatchIngestOptions,
  cacheDir: string,
  warn?: (notice: LateRowsNotice) => void,
): Promise<ValidationReport[]> {
  switch (source.kind) {
    case 'folder':
      return ingestBatches(store, source.path ?? '.', options);
    case 's3':
      return ingestS3Prefix(store, source.url, options, {
        objectsDir: path.join(cacheDir, 'objects'),
        sourcesDir: path.join(cacheDir, 'sources', 's3'),
      });
    case 'postgres':
      return ingestPostgresIncrement(
        store,
        source,
        options,
        path.join(cacheDir, 'sources', 'postgres'),
        warn,
      );
  }
}
