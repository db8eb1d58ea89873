import { copyFile, link, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openObjectStore } from '../../store/object-store/open-object-store.ts';
import type { RawStore } from '../../store/raw-store.ts';
import { ingestFile } from '../ingest/ingest-file.ts';
import type { ValidationReport } from '../ingest/validation-report.ts';
import type { BatchIngestOptions } from '../load-data.ts';
import { BATCH_FILE } from './batch-source.ts';

/** Folders of this machine's cache that a bucket source uses (downloads, and named links to them). */
export interface SourceCache {
  /** The object store's content-addressed download cache. */
  readonly objectsDir: string;
  /** Where batches get a file name DuckDB can tell the format from. */
  readonly sourcesDir: string;
}

/**
 * Ingests every batch object under an `s3://bucket/prefix/`, in key order, through the same
 * validation, quarantine and reports as local files. Each object is downloaded once into the local
 * content-addressed cache; exactly-once is the catalog's content-hash claim, so objects already
 * landed come back as `skipped` and a rejected object is tried again on the next run (it may have
 * been fixed). Credentials and endpoint come from the standard AWS variables, as for the object store.
 */
export async function ingestS3Prefix(
  store: RawStore,
  url: string,
  options: BatchIngestOptions,
  cache: SourceCache,
): Promise<ValidationReport[]> {
  const bucket = await openObjectStore(url, { cacheDir: cache.objectsDir });
  try {
    const batches = (await bucket.list()).filter((o) => BATCH_FILE.test(o.key));
    const reports: ValidationReport[] = [];
    for (const object of batches) {
      const cached = await bucket.localPath(object.key);
      const file = await namedCopy(cached, path.extname(object.key).toLowerCase(), cache.sourcesDir);
      reports.push(
        await ingestFile(store, file, {
          ...options,
          table: 'transactions',
          sourceName: `${bucket.url}/${object.key}`,
        }),
      );
    }
    return reports;
  } finally {
    await bucket.close();
  }
}

/**
 * The cached download under a name with the object's extension (the cache names files by hash
 * only). A hard link costs nothing; a copy is the fallback across file systems. Named by the hash,
 * so it is immutable and shared by every run.
 */
async function namedCopy(cached: string, extension: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${path.basename(cached)}${extension}`);
  const temp = path.join(dir, `.${randomUUID()}.tmp`);
  try {
    await link(cached, temp);
  } catch {
    await copyFile(cached, temp);
  }
  await rename(temp, target);
  return target;
}
