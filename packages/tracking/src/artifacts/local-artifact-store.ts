import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type Dirent } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { TrackingError } from '../errors.ts';
import type { ArtifactInfo, ArtifactStore, StoredObject } from './artifact-store.ts';
import { digestBytes } from './digest.ts';

/**
 * Artifacts as files under a root folder. Writes go to a temp file in the target folder and are
 * renamed into place, so a crash never leaves a half-written artifact under its real name.
 *
 * @example
 * import { LocalArtifactStore } from '@sodai/tracking';
 * const store = new LocalArtifactStore('.sodai/artifacts');
 * const { digest } = await store.put('runs/abc/model.json', new TextEncoder().encode('{}'));
 */
export class LocalArtifactStore implements ArtifactStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, data: Uint8Array): Promise<StoredObject> {
    const target = this.#path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    return { digest: digestBytes(data), sizeBytes: data.byteLength };
  }

  async putFile(key: string, sourcePath: string): Promise<StoredObject> {
    const target = this.#path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    try {
      await pipeline(createReadStream(sourcePath), tap, createWriteStream(tmp));
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new TrackingError(
          'INVALID_ARGUMENT',
          `localPath: no file at ${sourcePath}`,
          { field: 'localPath' },
          e,
        );
      }
      throw e;
    }
    return { digest: `sha256:${hash.digest('hex')}`, sizeBytes: size };
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new TrackingError('ARTIFACT_NOT_FOUND', `no stored artifact at ${key}`, { key }, e);
      }
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.#path(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }

  async list(prefix: string): Promise<ArtifactInfo[]> {
    // Only the folder the prefix ends in is walked: `runs/` walks `<root>/runs`.
    const slash = prefix.lastIndexOf('/');
    const base = slash <= 0 ? this.root : this.#path(prefix.slice(0, slash));
    let entries: Dirent[];
    try {
      entries = await readdir(base, { recursive: true, withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const found: ArtifactInfo[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const key = relative(this.root, file).split(sep).join('/');
      if (!key.startsWith(prefix)) continue;
      try {
        const stats = await stat(file);
        found.push({ key, sizeBytes: stats.size, modifiedAt: stats.mtimeMs });
      } catch (e) {
        // Deleted since the folder was read: it is not there to list.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  localPath(key: string): string {
    return this.#path(key);
  }

  /** Resolves a key inside the root; keys that climb out (`..`) are rejected. */
  #path(key: string): string {
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) {
      throw new TrackingError('INVALID_ARGUMENT', `path: "${key}" escapes the artifact root`, {
        field: 'path',
      });
    }
    return p;
  }
}
