import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** `sha256:<hex>` of bytes; the digest format used for artifacts and dataset inputs. */
export function digestBytes(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/**
 * `sha256:<hex>` of a file, streamed.
 *
 * @example
 * import { digestFile } from '@sodai/tracking';
 * const digest = await digestFile('data/train.parquet'); // for logInput({ digest, ... })
 */
export async function digestFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}
