import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { StoreError } from '../store-error.ts';
import { HashingStream, hashFile } from './content-hash.ts';
import { bodyStream } from './object-body.ts';
import { compareKeys, validateKey, validatePrefix } from './object-key.ts';
import type { ObjectBody, ObjectInfo, ObjectStore, PutFileOptions, PutResult } from './object-store.ts';

/** Folder under the root where writes are staged; on the same filesystem, so rename is atomic. */
const STAGING = '.staging';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The object store as a local folder: `<root>/<key>`. Writes go to a staging file first and are
 * renamed (or, for `putIfAbsent`, hard-linked, which fails when the key exists) into place, so a
 * reader — another process included — never sees a partial file.
 *
 * @example
 * const store = new LocalObjectStore('./.sodai/objects');
 * await store.put('reports/a.json', '{}');
 */
export class LocalObjectStore implements ObjectStore {
  readonly root: string;
  readonly url: string;
  /** Files whose hash was checked in this process, by path and the size and mtime it had then. */
  readonly #verified = new Map<string, string>();

  constructor(root: string) {
    this.root = path.resolve(root);
    this.url = pathToFileURL(this.root).href;
  }

  #path(key: string): string {
    validateKey(key);
    if (key.split('/')[0] === STAGING) {
      throw new StoreError('INVALID_KEY', `object key ${JSON.stringify(key)}: "${STAGING}/" is reserved`);
    }
    return path.join(this.root, ...key.split('/'));
  }

  async #stage(body: ObjectBody): Promise<{ temp: string; contentHash: string; bytes: number }> {
    const dir = path.join(this.root, STAGING);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `${randomUUID()}.tmp`);
    const hashing = new HashingStream();
    try {
      await pipeline(bodyStream(body), hashing, createWriteStream(temp));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { temp, ...hashing.result() };
  }

  async put(key: string, body: ObjectBody): Promise<PutResult> {
    const target = this.#path(key);
    const staged = await this.#stage(body);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(staged.temp, target);
    } catch (error) {
      await rm(staged.temp, { force: true });
      throw error;
    }
    return Object.freeze({ key, contentHash: staged.contentHash, bytes: staged.bytes, created: true });
  }

  putFile(key: string, sourcePath: string, options: PutFileOptions = {}): Promise<PutResult> {
    this.#path(key);
    const body = createReadStream(sourcePath);
    return options.ifAbsent ? this.putIfAbsent(key, body) : this.put(key, body);
  }

  async putIfAbsent(key: string, body: ObjectBody): Promise<PutResult> {
    const target = this.#path(key);
    const existing = await this.head(key);
    if (existing) return this.#notCreated(key, target, existing.bytes);
    const staged = await this.#stage(body);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // link(2) fails with EEXIST when another writer got there first: put-if-absent without a lock.
      await link(staged.temp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await stat(target);
      return this.#notCreated(key, target, info.size);
    } finally {
      await rm(staged.temp, { force: true });
    }
    return Object.freeze({ key, contentHash: staged.contentHash, bytes: staged.bytes, created: true });
  }

  async #notCreated(key: string, target: string, bytes: number): Promise<PutResult> {
    return Object.freeze({ key, contentHash: await hashFile(target), bytes, created: false });
  }

  async getBytes(key: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (error) {
      throw this.#mapMissing(key, error);
    }
  }

  async localPath(key: string, expectedHash?: string): Promise<string> {
    const file = this.#path(key);
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      throw this.#mapMissing(key, error);
    }
    if (expectedHash !== undefined) {
      // Hash once per file version and process: jobs read the same snapshot files many times.
      const version = `${info.size}:${info.mtimeMs}:${expectedHash}`;
      if (this.#verified.get(file) !== version) {
        const actual = await hashFile(file);
        if (actual !== expectedHash) {
          throw new StoreError(
            'HASH_MISMATCH',
            `${this.url}/${key}: content hash ${actual} differs from the expected ${expectedHash}`,
          );
        }
        this.#verified.set(file, version);
      }
    }
    return file;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await stat(this.#path(key));
      if (!info.isFile()) return undefined;
      return Object.freeze({ key, bytes: info.size, lastModified: info.mtime, contentHash: undefined });
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async list(prefix = ''): Promise<ObjectInfo[]> {
    validatePrefix(prefix);
    // Only the folder the prefix names has to be walked, not the whole store.
    const slash = prefix.lastIndexOf('/');
    const base = slash < 0 ? '' : prefix.slice(0, slash);
    const found: ObjectInfo[] = [];
    const walk = async (relative: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(path.join(this.root, ...relative.split('/')), { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const entry of entries) {
        const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (relative === '' && entry.name === STAGING) continue;
        if (entry.isDirectory()) {
          if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await walk(key);
        } else if (entry.isFile() && key.startsWith(prefix)) {
          const info = await stat(path.join(this.root, ...key.split('/'))).catch(() => undefined);
          if (info) found.push({ key, bytes: info.size, lastModified: info.mtime, contentHash: undefined });
        }
      }
    };
    await walk(base);
    return found.sort((a, b) => compareKeys(a.key, b.key)).map((o) => Object.freeze(o));
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.#path(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async close(): Promise<void> {}

  #mapMissing(key: string, error: unknown): unknown {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') {
      return new StoreError('OBJECT_NOT_FOUND', `no object ${JSON.stringify(key)} in ${this.url}`, {
        cause: error,
      });
    }
    return error;
  }
}
