import type { Readable } from 'node:stream';

/** What a store reports after writing an object. */
export interface PutResult {
  readonly key: string;
  /** `sha256:<hex>` of the bytes written. */
  readonly contentHash: string;
  readonly bytes: number;
  /** False when `putIfAbsent` found the key already there and wrote nothing. */
  readonly created: boolean;
}

/** One object as listed or found by `head`. */
export interface ObjectInfo {
  readonly key: string;
  readonly bytes: number;
  readonly lastModified: Date;
  /** `sha256:<hex>` when the store knows it without reading the object (S3 metadata), else undefined. */
  readonly contentHash: string | undefined;
}

export interface PutFileOptions {
  readonly ifAbsent?: boolean;
}

/** What `put*` accepts: bytes, a string (UTF-8), or a stream of bytes. */
export type ObjectBody = Uint8Array | string | Readable;

/**
 * Immutable-file storage addressed by `/`-separated keys (`tables/transactions/<id>.parquet`): a
 * local folder by default, an S3-compatible bucket when configured. Keys are relative to the store's
 * root (a folder, or a bucket prefix); see `validateKey` for what a key may hold.
 *
 * Rules every implementation keeps (the conformance suite checks them):
 * - `put` is atomic: a reader sees no object or the whole new one, never a prefix. It overwrites.
 * - `putIfAbsent` writes only when the key is free; otherwise it returns `created: false` and the
 *   existing object's size (data files are content-named, so an existing key holds the same bytes).
 * - `list` returns every key under a prefix in byte order of the UTF-8 key, as S3 does.
 * - `localPath` returns a local file holding the object's bytes, which stays valid while the process
 *   runs: the folder store returns the file itself, S3 a file in a content-addressed cache.
 * - `delete` of a missing key succeeds; `getBytes`/`localPath`/`head` of one throw or return
 *   undefined as documented, never a half-read.
 *
 * @example
 * const store = await openObjectStore('./.sodai/objects');
 * const put = await store.put('reports/week-01.json', JSON.stringify(report));
 * const file = await store.localPath(put.key, put.contentHash); // DuckDB reads this path
 */
export interface ObjectStore {
  /** Where the store lives, as a URL (`file:///…` or `s3://bucket/prefix`). */
  readonly url: string;
  put(key: string, body: ObjectBody): Promise<PutResult>;
  /**
   * Copies a local file in, streaming, so large files never sit in memory. With `ifAbsent`, behaves
   * as `putIfAbsent`.
   */
  putFile(key: string, sourcePath: string, options?: PutFileOptions): Promise<PutResult>;
  putIfAbsent(key: string, body: ObjectBody): Promise<PutResult>;
  /** The whole object; throws StoreError OBJECT_NOT_FOUND when missing. */
  getBytes(key: string): Promise<Uint8Array>;
  /**
   * A local file path holding the object. When `expectedHash` is given, a bad copy is never returned:
   * a mismatch throws StoreError HASH_MISMATCH. Throws OBJECT_NOT_FOUND when missing.
   */
  localPath(key: string, expectedHash?: string): Promise<string>;
  head(key: string): Promise<ObjectInfo | undefined>;
  exists(key: string): Promise<boolean>;
  /** Every object whose key starts with `prefix` (default: all), in key order. */
  list(prefix?: string): Promise<ObjectInfo[]>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
