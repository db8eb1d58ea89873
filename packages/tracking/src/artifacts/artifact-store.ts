/** What a store reports after writing an object. */
export interface StoredObject {
  /** `sha256:<hex>` of the bytes. */
  readonly digest: string;
  readonly sizeBytes: number;
}

/** One stored object, as {@link ArtifactStore.list} reports it. */
export interface ArtifactInfo {
  readonly key: string;
  readonly sizeBytes: number;
  /** Epoch ms of the last write: retention leaves objects younger than its grace period alone. */
  readonly modifiedAt: number;
}

/**
 * Byte storage for artifacts, addressed by `/`-separated keys (`runs/<runId>/<path>`). The local
 * filesystem implementation is the default; an S3-compatible one only has to implement these methods.
 *
 * Rules: `put` is atomic (readers see the old object or the whole new one, never a prefix) and
 * overwrites; `get` of a missing key throws `TrackingError` ARTIFACT_NOT_FOUND; `delete` of a missing
 * key succeeds (retention may retry a deletion that was cut short).
 */
export interface ArtifactStore {
  put(key: string, data: Uint8Array): Promise<StoredObject>;
  /** Copies a local file in, streaming, so large models never sit in memory. */
  putFile(key: string, sourcePath: string): Promise<StoredObject>;
  get(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * Every object whose key starts with `prefix`, in key order, including what an interrupted write
   * left behind (retention looks for bytes no record points at).
   */
  list(prefix: string): Promise<ArtifactInfo[]>;
  /** A local filesystem path to the object when the store has one (so loaders can mmap or open it). */
  localPath?(key: string): string | undefined;
}
