import { randomUUID } from 'node:crypto';
import type { SensedFile } from '@sodai/pipeline';
import { link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SodaiError } from '../../errors.ts';
import { openObjectStore } from '../../store/object-store/open-object-store.ts';
import { sha256File } from '../ingest/file-digest.ts';
import { batchFilesIn } from '../load-data.ts';
import { BATCH_FILE, type BatchSourceSpec } from './batch-source.ts';
import { forgetGoneFiles, landingFileHash } from './landing-hash-memo.ts';

/** A batch file in the landing, with the content hash the catalog records its ingestion under. */
export interface LandingFile {
  readonly name: string;
  readonly bytes: number;
  readonly modifiedAt: Date;
  /** `sha256:<hex>`, as `catalog.findIngestion` takes it. */
  readonly contentHash: string;
}

/**
 * Where new batch files are dropped and watched: the landing folder, or the S3 source's prefix (so
 * a worker on another machine ingests what the server received). A Postgres source has none.
 */
export interface BatchLanding {
  /** The folder, or the prefix as a URL (`s3://bucket/landing`): what sensors and runs name. */
  readonly where: string;
  /**
   * A bucket's batch keys under the prefix, each with its version; undefined for a folder (a sensor
   * reads it itself).
   */
  readonly list: (() => Promise<readonly SensedFile[]>) | undefined;
  /**
   * Stores an uploaded batch whole (a sensor never sees part of it); returns where it went. A name
   * already there is refused (ALREADY_EXISTS) unless `replace` says to overwrite it.
   */
  put(name: string, body: Uint8Array, options?: { readonly replace?: boolean }): Promise<string>;
  /** The batch files there now, in name order (the order an ingest reads them). */
  files(): Promise<readonly LandingFile[]>;
  /** Deletes a batch file; false when there was none of that name. */
  remove(name: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The landing of a source; `cacheDir` is this machine's cache folder (`<dataDir>/cache`). A landing
 * folder exists once opened, so a sensor watches it from the start and a person finds where to drop
 * files, even before the first upload.
 */
export async function openBatchLanding(
  source: BatchSourceSpec,
  cacheDir: string,
): Promise<BatchLanding | undefined> {
  if (source.kind === 'postgres') return undefined;
  if (source.kind === 'folder') {
    const dir = path.resolve(source.path ?? '.');
    // A folder that cannot be made (a read-only parent) is reported by the sensor that reads it.
    await mkdir(dir, { recursive: true }).catch(() => undefined);
    return folderLanding(dir);
  }
  const bucket = await openObjectStore(source.url, { cacheDir: path.join(cacheDir, 'objects') });
  return {
    where: bucket.url,
    // A version with each key, so a batch replaced under its name (a corrected upload) is sensed again.
    // Not the content hash: a listing knows it only once this machine downloaded the object, and a
    // version that changed then would start a run for a file already read.
    list: async () =>
      (await bucket.list())
        .filter((o) => BATCH_FILE.test(o.key))
        .map((o) => ({ name: o.key, version: `${o.lastModified.getTime()}:${o.bytes}` })),
    // As a folder does: an upload under a name already in the prefix (waiting, or ingested and kept)
    // is refused unless it asks to replace it, so the UI's "replace?" question is asked here too.
    async put(name, body, options = {}) {
      if (options.replace) await bucket.put(name, body);
      else if (!(await bucket.putIfAbsent(name, body)).created) throw nameTaken(name);
      return `${bucket.url}/${name}`;
    },
    async files() {
      const out: LandingFile[] = [];
      for (const o of await bucket.list()) {
        if (!BATCH_FILE.test(o.key)) continue;
        // Objects put by another tool carry no hash of ours: hashed from the cached download, which
        // the next ingest reads anyway.
        const contentHash = o.contentHash ?? `sha256:${await sha256File(await bucket.localPath(o.key))}`;
        out.push({ name: o.key, bytes: o.bytes, modifiedAt: o.lastModified, contentHash });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
    async remove(name) {
      if (!(await bucket.exists(name))) return false;
      await bucket.delete(name);
      return true;
    },
    close: () => bucket.close(),
  };
}

function nameTaken(name: string): SodaiError {
  return new SodaiError(
    'ALREADY_EXISTS',
    `landing/${name} is already waiting to be ingested; send ?replace=true to overwrite it`,
  );
}

function folderLanding(dir: string): BatchLanding {
  return {
    where: dir,
    list: undefined,
    async put(name, body, options = {}) {
      await mkdir(dir, { recursive: true });
      const target = path.join(dir, name);
      // Written beside under a name of its own that the sensor ignores (concurrent uploads of one
      // name never share it), then moved in whole.
      const temp = path.join(dir, `.${name}.${randomUUID()}.upload`);
      try {
        await writeFile(temp, body);
        if (options.replace) await rename(temp, target);
        else await link(temp, target); // fails if the name is taken, atomically
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw nameTaken(name);
        throw error;
      } finally {
        await rm(temp, { force: true });
      }
      return target;
    },
    async files() {
      // A landing folder that could not be made holds nothing yet.
      if (!(await stat(dir).catch(() => undefined))) return [];
      const out: LandingFile[] = [];
      const files = batchFilesIn(dir);
      for (const file of files) {
        const info = await stat(file, { bigint: true });
        out.push({
          name: path.basename(file),
          bytes: Number(info.size),
          modifiedAt: info.mtime,
          contentHash: await landingFileHash(file, info),
        });
      }
      forgetGoneFiles(dir, new Set(files));
      return out;
    },
    async remove(name) {
      const file = path.join(dir, name);
      // Only what a sensor would read: never a dot file (an upload in flight) or a folder.
      if (name.startsWith('.') || path.basename(file) !== name || !BATCH_FILE.test(name)) return false;
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return false;
      await rm(file, { force: true });
      return true;
    },
    close: () => Promise.resolve(),
  };
}
