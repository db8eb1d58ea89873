import type { ObjectStore } from '../object-store/object-store.ts';
import { daysAgo, type GcItem } from './gc-item.ts';

/**
 * A built cut-off kept in the object store (`datasets/<digest>/<cutoff>.*`, see
 * `features/dataset-cache.ts`) that the dataset cache would no longer read for today's data and
 * settings: what it read changed since, so a job asking for the cut-off now builds or reads another.
 */
export interface SupersededDataset {
  /** The files' common prefix: `datasets/<digest>/<cutoff>`. */
  readonly id: string;
  readonly cutoff: string;
  /** Its files, the metadata first: the cache reads a cut-off only once its metadata exists. */
  readonly keys: readonly string[];
  readonly bytes: number;
  /** Epoch ms its newest file was written. */
  readonly writtenAt: number;
  /** Epoch ms the cut-off's current files were kept, if a job built them yet. */
  readonly rebuiltAt: number | undefined;
}

/** The datasets gc judges: a cache on today's data, with the settings the jobs use. */
export interface KeptDatasets {
  superseded(): Promise<readonly SupersededDataset[]>;
}

export interface DatasetGcItem extends GcItem {
  readonly kind: 'superseded-dataset';
  readonly keys: readonly string[];
}

/**
 * The superseded cut-offs whose newest file is older than the grace period: a job still running on
 * the data as it was may have just written one, or be about to read it.
 */
export async function planDatasetGc(
  datasets: KeptDatasets,
  now: number,
  graceBefore: number,
): Promise<DatasetGcItem[]> {
  return (await datasets.superseded())
    .filter((d) => d.writtenAt <= graceBefore)
    .map((d) => ({
      kind: 'superseded-dataset',
      id: d.id,
      keys: d.keys,
      bytes: d.bytes,
      since: d.writtenAt,
      reason:
        d.rebuiltAt === undefined
          ? `cut-off ${d.cutoff} built ${daysAgo(now, d.writtenAt)}; its data or settings changed since (rebuilt when a job next needs it)`
          : `cut-off ${d.cutoff} rebuilt ${daysAgo(now, d.rebuiltAt)} from newer data or settings`,
    }));
}

/**
 * Deletes a cut-off's files, the metadata first: a job that finds no metadata builds the cut-off
 * again, so an interrupted removal never leaves a half set that is read, and the next gc finishes it.
 */
export async function removeDataset(objects: ObjectStore, item: DatasetGcItem): Promise<void> {
  for (const key of item.keys) await objects.delete(key);
}
