import path from 'node:path';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { Catalog } from './catalog/catalog.ts';
import { openCatalog } from './catalog/open-catalog.ts';
import type { ObjectStore } from './object-store/object-store.ts';
import { openObjectStore } from './object-store/open-object-store.ts';

/** The deployment's data: the catalog (metadata database) and the object store it lists files of. */
export interface SharedStore {
  readonly catalog: Catalog;
  readonly objects: ObjectStore;
  /** DuckDB memory cap for each job (`storeMemoryLimit`). */
  readonly memoryLimit: string;
  close(): Promise<void>;
}

/** Where the pieces live for a configuration, resolved against `cwd`. */
export function sharedStoreLocations(config: SodaiConfig, cwd = process.cwd()) {
  const dataDir = path.resolve(cwd, config.dataDir);
  return {
    dataDir,
    objectStoreUrl: config.objectStore ?? path.join(dataDir, 'objects'),
    cacheDir: path.join(dataDir, 'cache', 'objects'),
  };
}

/**
 * Opens the catalog (`databaseUrl`: Postgres, else SQLite in the data folder) and the object store
 * (`objectStore`: s3://… or a folder, else `<dataDir>/objects`). Every process of a deployment — the
 * server, the CLI, workers on other machines — opens its own; none holds a lock between jobs.
 *
 * @example
 * const { config } = loadConfig();
 * const store = await openSharedStore(config);
 * const snapshot = await store.catalog.currentSnapshot('transactions');
 * await store.close();
 */
export async function openSharedStore(
  config: SodaiConfig,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<SharedStore> {
  const where = sharedStoreLocations(config, options.cwd);
  const objects = await openObjectStore(where.objectStoreUrl, {
    cacheDir: where.cacheDir,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
  });
  let catalog: Catalog;
  try {
    catalog = await openCatalog({ databaseUrl: config.databaseUrl, dataDir: where.dataDir });
  } catch (error) {
    await objects.close();
    throw error;
  }
  return {
    catalog,
    objects,
    memoryLimit: config.storeMemoryLimit,
    async close() {
      await catalog.close();
      await objects.close();
    },
  };
}
