import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isContentHash } from './content-hash.ts';

/**
 * What this machine learned by downloading an object that carries no sha256 of ours (put there by
 * another tool: a team's ERP export to the landing prefix): its content hash, for the ETag it had.
 * The same key with the same ETag is the same bytes, so the next run finds them in the download cache
 * instead of downloading every such object again. One small file per key, named by a hash of the key.
 */
export class EtagMemo {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = path.resolve(dir);
  }

  #file(fullKey: string): string {
    return path.join(this.#dir, `${createHash('sha256').update(fullKey).digest('hex')}.json`);
  }

  /** The content hash last downloaded for `fullKey` at this ETag; undefined otherwise. */
  async find(fullKey: string, etag: string | undefined): Promise<string | undefined> {
    if (etag === undefined) return undefined;
    try {
      const memo = JSON.parse(await readFile(this.#file(fullKey), 'utf8')) as {
        etag?: unknown;
        contentHash?: unknown;
      };
      return memo.etag === etag && typeof memo.contentHash === 'string' && isContentHash(memo.contentHash)
        ? memo.contentHash
        : undefined;
    } catch {
      return undefined; // never downloaded here, or a memo another version wrote: download again
    }
  }

  async remember(fullKey: string, etag: string | undefined, contentHash: string): Promise<void> {
    if (etag === undefined) return;
    await mkdir(this.#dir, { recursive: true });
    const target = this.#file(fullKey);
    const temp = `${target}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify({ key: fullKey, etag, contentHash }));
    await rename(temp, target);
  }
}
