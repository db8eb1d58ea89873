import { TrackingError, type ArtifactInfo, type ArtifactStore, type StoredObject } from '@sodai/tracking';
import type { ObjectStore } from './object-store/object-store.ts';
import { isStoreError } from './store-error.ts';

/** Where tracking's artifacts (models, gate decisions, drift references) live in the object store. */
export const ARTIFACTS_PREFIX = 'artifacts/';

/**
 * Tracking's artifacts in the deployment's object store, so a model trained by a worker on one
 * machine is loaded by the server or another worker on any other: the registry rows are in the
 * metadata database, the bytes under `artifacts/` in the bucket (or folder).
 *
 * @example
 * const tracking = await openTracking({ dataDir, databaseUrl, artifacts: new ObjectArtifactStore(objects) });
 */
export class ObjectArtifactStore implements ArtifactStore {
  readonly #objects: ObjectStore;

  constructor(objects: ObjectStore) {
    this.#objects = objects;
  }

  async put(key: string, data: Uint8Array): Promise<StoredObject> {
    const put = await this.#objects.put(ARTIFACTS_PREFIX + key, data);
    return { digest: put.contentHash, sizeBytes: put.bytes };
  }

  async putFile(key: string, sourcePath: string): Promise<StoredObject> {
    const put = await this.#objects.putFile(ARTIFACTS_PREFIX + key, sourcePath);
    return { digest: put.contentHash, sizeBytes: put.bytes };
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return await this.#objects.getBytes(ARTIFACTS_PREFIX + key);
    } catch (error) {
      if (isStoreError(error, 'OBJECT_NOT_FOUND')) {
        throw new TrackingError('ARTIFACT_NOT_FOUND', `no stored artifact at ${key}`, { key }, error);
      }
      throw error;
    }
  }

  exists(key: string): Promise<boolean> {
    return this.#objects.exists(ARTIFACTS_PREFIX + key);
  }

  delete(key: string): Promise<void> {
    return this.#objects.delete(ARTIFACTS_PREFIX + key);
  }

  async list(prefix: string): Promise<ArtifactInfo[]> {
    return (await this.#objects.list(ARTIFACTS_PREFIX + prefix)).map((o) => ({
      key: o.key.slice(ARTIFACTS_PREFIX.length),
      sizeBytes: o.bytes,
      modifiedAt: o.lastModified.getTime(),
    }));
  }
}
