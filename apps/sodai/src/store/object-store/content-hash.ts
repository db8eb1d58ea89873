import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';

const HASH_FORMAT = /^sha256:[0-9a-f]{64}$/;

/** `sha256:<hex>` of bytes or a string. */
export function hashBytes(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** `sha256:<hex>` of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

export function isContentHash(value: string): boolean {
  return HASH_FORMAT.test(value);
}

/** The hex part of `sha256:<hex>`. */
export function hashHex(contentHash: string): string {
  return contentHash.slice('sha256:'.length);
}

/**
 * A pass-through stream that hashes and counts what flows through it, so a body is hashed while it is
 * written and never read twice.
 */
export class HashingStream extends Transform {
  readonly #hash: Hash = createHash('sha256');
  #bytes = 0;
  #digest: string | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#digest = `sha256:${this.#hash.digest('hex')}`;
    callback();
  }

  /** What flowed through; throws when called before the stream ended. */
  result(): { contentHash: string; bytes: number } {
    if (this.#digest === undefined) throw new Error('HashingStream.result() called before the stream ended');
    return { contentHash: this.#digest, bytes: this.#bytes };
  }
}
