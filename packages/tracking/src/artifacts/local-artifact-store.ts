import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { TrackingError } from '../errors.ts';
import type { ArtifactStore, StoredObject } from './artifact-store.ts';
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
