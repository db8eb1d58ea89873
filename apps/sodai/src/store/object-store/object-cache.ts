import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HashingStream, hashHex, isContentHash } from './content-hash.ts';

/**
 * A local folder of immutable files named by their content hash (`sha256/ab/abcd…`). A file is only
 * ever renamed in after its bytes were hashed, so a path the cache returns always holds exactly the
 * bytes its name says; several processes may fill the same cache at once (the last rename wins, with
 * identical bytes).
 */
export class ObjectCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  pathOf(contentHash: string): string {
    if (!isContentHash(contentHash)) throw new RangeError(`not a sha256:<hex> content hash: ${contentHash}`);
    const hex = hashHex(contentHash);
    return path.join(this.dir, 'sha256', hex.slice(0, 2), hex);
  }

  /** The cached file for `contentHash`, or undefined when it is not cached yet. */
  async find(contentHash: string): Promise<string | undefined> {
    const file = this.pathOf(contentHash);
    try {
      await access(file);
      return file;
    } catch {
      return undefined;
    }
  }

  /**
   * Copies `source` into the cache and returns its path and hash. When `expectedHash` is given and
   * the bytes differ, nothing is cached and `onMismatch` decides the error.
   */
  async admit(
    source: Readable,
    expectedHash: string | undefined,
    onMismatch: (actual: string) => Error,
  ): Promise<{ path: string; contentHash: string }> {
    const staging = path.join(this.dir, 'staging');
    await mkdir(staging, { recursive: true });
    const temp = path.join(staging, `${randomUUID()}.tmp`);
    try {
      const hashing = new HashingStream();
      await pipeline(source, hashing, createWriteStream(temp));
      const { contentHash } = hashing.result();
      if (expectedHash !== undefined && contentHash !== expectedHash) throw onMismatch(contentHash);
      const target = this.pathOf(contentHash);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
      return { path: target, contentHash };
    } finally {
      await rm(temp, { force: true });
    }
  }
}
