import type { ModelSettings } from '../config/config-schema.ts';
import type { KeptDatasets, SupersededDataset } from '../store/gc/superseded-datasets.ts';
import type { ObjectInfo } from '../store/object-store/object-store.ts';
import type { RawStore } from '../store/raw-store.ts';
import { DatasetCache, DATASETS_PREFIX, parseDatasetKey } from './dataset-cache.ts';

/** One cut-off's files in one folder; the cache reads them once the metadata, written last, exists. */
interface KeptCutoff {
  readonly folder: string;
  readonly cutoff: string;
  readonly files: ObjectInfo[];
  metadata?: ObjectInfo;
}

const newest = (files: readonly ObjectInfo[]): number =>
  Math.max(...files.map((f) => f.lastModified.getTime()));

/**
 * The cut-offs kept in the object store, judged by a cache opened as the weekly jobs open theirs:
 * on `store`'s view of today's data, with the configured settings. A cut-off's files in any folder
 * but the one that cache would read now are superseded.
 */
export function keptDatasets(
  store: RawStore,
  settings: Pick<ModelSettings, 'lookbackWeeks' | 'exploreK'>,
): KeptDatasets {
  const objects = store.shared.objects;
  const cache = new DatasetCache(store.connection, {
    lookbackWeeks: settings.lookbackWeeks,
    exploreK: settings.exploreK,
    objects,
  });
  return {
    async superseded(): Promise<SupersededDataset[]> {
      const kept = new Map<string, KeptCutoff>();
      for (const file of await objects.list(DATASETS_PREFIX)) {
        const parsed = parseDatasetKey(file.key);
        if (!parsed) continue;
        const id = `${parsed.folder}/${parsed.cutoff}`;
        const set = kept.get(id) ?? { folder: parsed.folder, cutoff: parsed.cutoff, files: [] };
        set.files.push(file);
        if (parsed.metadata) set.metadata = file;
        kept.set(id, set);
      }
      if (kept.size === 0) return [];
      const current = await cache.folders([...new Set([...kept.values()].map((k) => k.cutoff))]);
      const isCurrent = (k: KeptCutoff) => k.folder === current.get(k.cutoff);
      const rebuiltAt = new Map<string, number>();
      for (const k of kept.values())
        if (isCurrent(k) && k.metadata) rebuiltAt.set(k.cutoff, k.metadata.lastModified.getTime());
      return [...kept]
        .filter(([, k]) => !isCurrent(k))
        .map(([id, k]) => ({
          id,
          cutoff: k.cutoff,
          keys: [k.metadata, ...k.files.filter((f) => f !== k.metadata)].flatMap((f) => (f ? [f.key] : [])),
          bytes: k.files.reduce((sum, f) => sum + f.bytes, 0),
          writtenAt: newest(k.files),
          rebuiltAt: rebuiltAt.get(k.cutoff),
        }))
        .sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.id.localeCompare(b.id));
    },
  };
}
