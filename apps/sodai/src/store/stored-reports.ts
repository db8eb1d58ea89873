import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStore } from './object-store/object-store.ts';
import { isStoreError } from './store-error.ts';

/** Validation reports of ingested batches, and the weekly drift check's reports. */
export type ReportKind = 'ingest' | 'drift';

/** One report, as listed. */
export interface StoredReportEntry {
  /** The file name without `.json`: a batch id, or `drift-<week>-v<version>`. */
  readonly name: string;
  readonly modifiedAt: Date;
  readonly bytes: number;
}

export interface StoredReports {
  /** Newest first; a name in both places is listed once, as the store has it. */
  list(kind: ReportKind): Promise<StoredReportEntry[]>;
  /** The report's JSON text; undefined when neither the store nor the folder has it. */
  read(kind: ReportKind, name: string): Promise<string | undefined>;
}

/** The object store prefix of one kind of report. */
export function reportPrefix(kind: ReportKind): string {
  return `reports/${kind}/`;
}

/** Where a report lives in the object store. */
export function reportObjectKey(kind: ReportKind, name: string, ext: 'json' | 'html' = 'json'): string {
  return `${reportPrefix(kind)}${name}.${ext}`;
}

/**
 * Reports as every process of a deployment sees them. The object store holds those any process
 * wrote (a weekly run on a worker, an ingest from the CLI on another machine); a server reading its
 * own report folder showed none of them. The local folder (`<dataDir>/reports/<kind>`) still adds
 * what this machine wrote before drift reports went to the store.
 *
 * @example
 * const reports = storedReports(store.shared.objects, paths.reportsDir);
 * const newest = (await reports.list('drift'))[0];
 * const text = newest && (await reports.read('drift', newest.name));
 */
export function storedReports(objects: ObjectStore, localReportsDir: string): StoredReports {
  const localFile = (kind: ReportKind, name: string) => path.join(localReportsDir, kind, `${name}.json`);
  return {
    async list(kind: ReportKind): Promise<StoredReportEntry[]> {
      const prefix = `reports/${kind}/`;
      const byName = new Map<string, StoredReportEntry>();
      for (const o of await objects.list(prefix)) {
        if (!o.key.endsWith('.json')) continue;
        const name = o.key.slice(prefix.length, -'.json'.length);
        byName.set(name, { name, modifiedAt: o.lastModified, bytes: o.bytes });
      }
      const dir = path.join(localReportsDir, kind);
      for (const file of await readdir(dir).catch(() => [] as string[])) {
        const name = file.slice(0, -'.json'.length);
        if (!file.endsWith('.json') || byName.has(name)) continue;
        const s = await stat(path.join(dir, file));
        byName.set(name, { name, modifiedAt: s.mtime, bytes: s.size });
      }
      return [...byName.values()].sort(
        (a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || b.name.localeCompare(a.name),
      );
    },

    async read(kind: ReportKind, name: string): Promise<string | undefined> {
      try {
        return Buffer.from(await objects.getBytes(reportObjectKey(kind, name))).toString('utf8');
      } catch (error) {
        if (!isStoreError(error, 'OBJECT_NOT_FOUND')) throw error;
      }
      return readFile(localFile(kind, name), 'utf8').catch(() => undefined);
    },
  };
}
