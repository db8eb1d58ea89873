import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { StoreError } from '../store-error.ts';
import { hashBytes, hashFile, hashHex } from './content-hash.ts';
import { EtagMemo } from './etag-memo.ts';
import { ObjectCache } from './object-cache.ts';
import { compareKeys, validateKey, validatePrefix } from './object-key.ts';
import type { ObjectBody, ObjectInfo, ObjectStore, PutFileOptions, PutResult } from './object-store.ts';

export interface S3ObjectStoreOptions {
  readonly bucket: string;
  /** Key prefix inside the bucket, without leading or trailing `/` ('' for the bucket root). */
  readonly prefix: string;
  /** Folder of the content-addressed download cache (files DuckDB reads). */
  readonly cacheDir: string;
  /** `http://127.0.0.1:9000` for a local S3-compatible server; default: AWS, or AWS_ENDPOINT_URL(_S3). */
  readonly endpoint?: string;
  /** Default AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1. */
  readonly region?: string;
  /** Bucket in the path rather than the host name; default true when an endpoint is set. */
  readonly forcePathStyle?: boolean;
  /** Default: the SDK's chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

/** Metadata key holding the object's sha256, so readers know the cache name before downloading. */
const HASH_METADATA = 'sha256';

interface S3Failure {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** What to do about a failure whose cause is this machine's settings, not the store. */
const S3_FAILURE_HINTS: Readonly<Record<string, string>> = {
  CredentialsProviderError:
    "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) in this process's environment",
};

/** `list failed on s3://bucket/prefix: CredentialsProviderError (…); no credentials: set …`. */
export function describeS3Failure(what: string, url: string, error: unknown): string {
  const name = (error as S3Failure).name ?? (error as S3Failure).code ?? 'error';
  const hint = S3_FAILURE_HINTS[name];
  return `${what} failed on ${url}: ${name}${error instanceof Error ? ` (${error.message})` : ''}${hint ? `; ${hint}` : ''}`;
}

function statusOf(error: unknown): number | undefined {
  return (error as S3Failure).$metadata?.httpStatusCode;
}

/**
 * A conditional PUT lost: 412 when the key exists, 409 when another conditional write to it was in
 * flight (S3 documents both).
 */
function lostConditionalPut(error: unknown): boolean {
  const status = statusOf(error instanceof StoreError ? error.cause : error);
  return status === 412 || status === 409;
}

function isNotFound(error: unknown): boolean {
  const name = (error as S3Failure).name;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

/**
 * The object store as an S3-compatible bucket through the official AWS SDK. Each object carries its
 * sha256 as metadata; `localPath` downloads into an `ObjectCache` keyed by that hash, so a file is
 * fetched once per machine however many jobs read it (DuckDB cannot read S3 itself here: no httpfs).
 *
 * Checksums: requests and responses only carry the checksums S3 requires (`WHEN_REQUIRED`), which
 * S3-compatible servers accept; integrity comes from the sha256 checked on every download.
 *
 * @example
 * const store = new S3ObjectStore({ bucket: 'sodai', prefix: 'prod', cacheDir: '.sodai/cache' });
 * const file = await store.localPath('tables/transactions/a.parquet');
 */
export class S3ObjectStore implements ObjectStore {
  readonly url: string;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #client: S3Client;
  readonly #cache: ObjectCache;
  readonly #etags: EtagMemo;

  constructor(options: S3ObjectStoreOptions) {
    this.#bucket = options.bucket;
    this.#prefix = options.prefix === '' ? '' : `${options.prefix}/`;
    this.url = `s3://${options.bucket}${options.prefix === '' ? '' : `/${options.prefix}`}`;
    this.#cache = new ObjectCache(options.cacheDir);
    this.#etags = new EtagMemo(path.join(options.cacheDir, 'etags'));
    const endpoint = options.endpoint;
    this.#client = new S3Client({
      region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      ...(endpoint !== undefined ? { endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  #fullKey(key: string): string {
    return this.#prefix + validateKey(key);
  }

  #where(key: string): string {
    return `${this.url}/${key}`;
  }

  /** Network and permission failures become one clear error naming the store. */
  #fail(what: string, error: unknown): Error {
    if (error instanceof StoreError) return error;
    return new StoreError('OBJECT_STORE_UNAVAILABLE', describeS3Failure(what, this.url, error), {
      cause: error,
    });
  }

  async #send<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.#fail(what, error);
    }
  }

  async #putObject(input: Omit<PutObjectCommandInput, 'Bucket'>, what: string): Promise<void> {
    await this.#send(what, () => this.#client.send(new PutObjectCommand({ Bucket: this.#bucket, ...input })));
  }

  async put(key: string, body: ObjectBody): Promise<PutResult> {
    const fullKey = this.#fullKey(key);
    if (typeof body === 'string' || body instanceof Uint8Array) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const contentHash = hashBytes(bytes);
      await this.#putObject(
        {
          Key: fullKey,
          Body: bytes,
          ContentLength: bytes.byteLength,
          Metadata: { [HASH_METADATA]: hashHex(contentHash) },
        },
        `put ${key}`,
      );
      return Object.freeze({ key, contentHash, bytes: bytes.byteLength, created: true });
    }
    // A stream has no length up front, which PutObject needs: spool it into the cache (it is
    // content-addressed, so the spooled copy is also this machine's cached copy) and upload that.
    const spooled = await this.#cache.admit(body, undefined, () => new Error('unreachable'));
    return this.#putLocalFile(key, spooled.path, spooled.contentHash);
  }

  async putFile(key: string, sourcePath: string, options: PutFileOptions = {}): Promise<PutResult> {
    this.#fullKey(key);
    if (options.ifAbsent && (await this.exists(key))) return this.#existing(key);
    return this.#putLocalFile(key, sourcePath, await hashFile(sourcePath), options.ifAbsent ?? false);
  }

  async #putLocalFile(key: string, file: string, contentHash: string, ifAbsent = false): Promise<PutResult> {
    const { size } = await stat(file);
    try {
      await this.#putObject(
        {
          Key: this.#fullKey(key),
          Body: createReadStream(file),
          ContentLength: size,
          Metadata: { [HASH_METADATA]: hashHex(contentHash) },
          ...(ifAbsent ? { IfNoneMatch: '*' } : {}),
        },
        `put ${key}`,
      );
    } catch (error) {
      if (ifAbsent && lostConditionalPut(error)) {
        return this.#existing(key);
      }
      throw error;
    }
    return Object.freeze({ key, contentHash, bytes: size, created: true });
  }

  async #existing(key: string): Promise<PutResult> {
    const info = await this.head(key);
    if (!info) throw new StoreError('OBJECT_NOT_FOUND', `${this.#where(key)} vanished while being written`);
    const contentHash = info.contentHash ?? hashBytes(await this.getBytes(key));
    return Object.freeze({ key, contentHash, bytes: info.bytes, created: false });
  }

  /**
   * HEAD first (servers that ignore `If-None-Match` still see the common case), then a conditional
   * PUT, which S3 turns into 412 when another writer created the key in between.
   */
  async putIfAbsent(key: string, body: ObjectBody): Promise<PutResult> {
    if (await this.exists(key)) return this.#existing(key);
    if (typeof body === 'string' || body instanceof Uint8Array) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      try {
        await this.#putObject(
          {
            Key: this.#fullKey(key),
            Body: bytes,
            ContentLength: bytes.byteLength,
            Metadata: { [HASH_METADATA]: hashHex(hashBytes(bytes)) },
            IfNoneMatch: '*',
          },
          `put ${key}`,
        );
      } catch (error) {
        if (lostConditionalPut(error)) return this.#existing(key);
        throw error;
      }
      return Object.freeze({ key, contentHash: hashBytes(bytes), bytes: bytes.byteLength, created: true });
    }
    const spooled = await this.#cache.admit(body, undefined, () => new Error('unreachable'));
    return this.#putLocalFile(key, spooled.path, spooled.contentHash, true);
  }

  /** The object's bytes, with the ETag of exactly those bytes. */
  async #get(key: string): Promise<{ readonly body: Readable; readonly etag: string | undefined }> {
    const fullKey = this.#fullKey(key);
    try {
      const out = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: fullKey }));
      return { body: out.Body as Readable, etag: out.ETag };
    } catch (error) {
      if (isNotFound(error)) {
        throw new StoreError('OBJECT_NOT_FOUND', `no object ${JSON.stringify(key)} in ${this.url}`, {
          cause: error,
        });
      }
      throw this.#fail(`get ${key}`, error);
    }
  }

  async getBytes(key: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of (await this.#get(key)).body) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }

  async localPath(key: string, expectedHash?: string): Promise<string> {
    const fullKey = this.#fullKey(key);
    const stat = expectedHash === undefined ? await this.#stat(key) : undefined;
    const known = expectedHash ?? stat?.info.contentHash;
    if (known !== undefined) {
      const cached = await this.#cache.find(known);
      if (cached) return cached;
    }
    const { body, etag } = await this.#get(key);
    // A hash from our metadata or the caller is checked; one only remembered for an ETag is not a
    // promise about these bytes (the cache was cleaned since), so it is learned again.
    const expected = expectedHash ?? stat?.metadataHash;
    const admitted = await this.#cache.admit(
      body,
      expected,
      (actual) =>
        new StoreError(
          'HASH_MISMATCH',
          `${this.#where(key)}: downloaded content hash ${actual} differs from the expected ${expected}`,
        ),
    );
    if (expected === undefined) await this.#etags.remember(fullKey, etag, admitted.contentHash);
    return admitted.path;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    return (await this.#stat(key))?.info;
  }

  /**
   * The object's info, its content hash from our metadata or, for an object another tool put, from
   * what a download here learned for its ETag; `metadataHash` is only the former.
   */
  async #stat(key: string): Promise<{ info: ObjectInfo; metadataHash: string | undefined } | undefined> {
    const fullKey = this.#fullKey(key);
    try {
      const out = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: fullKey }));
      const hex = out.Metadata?.[HASH_METADATA];
      const metadataHash = hex ? `sha256:${hex}` : undefined;
      const info = Object.freeze({
        key,
        bytes: out.ContentLength ?? 0,
        lastModified: out.LastModified ?? new Date(0),
        contentHash: metadataHash ?? (await this.#etags.find(fullKey, out.ETag)),
      });
      return { info, metadataHash };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.#fail(`head ${key}`, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async list(prefix = ''): Promise<ObjectInfo[]> {
    validatePrefix(prefix);
    const found: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.#send(prefix ? `list ${prefix}` : 'list', () =>
        this.#client.send(
          new ListObjectsV2Command({
            Bucket: this.#bucket,
            Prefix: this.#prefix + prefix,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        ),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        found.push(
          Object.freeze({
            key: object.Key.slice(this.#prefix.length),
            bytes: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
            // A listing carries no metadata: only what a download here learned for this ETag.
            contentHash: await this.#etags.find(object.Key, object.ETag),
          }),
        );
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    // S3 already lists in key order; sorting guards servers that do not.
    return found.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    const fullKey = this.#fullKey(key);
    await this.#send(`delete ${key}`, () =>
      this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: fullKey })),
    );
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }
}
