import type { BigIntStats } from 'node:fs';
import path from 'node:path';
import { sha256File } from '../ingest/file-digest.ts';

/**
 * Content hashes of landing files this process has read, each valid while the file's stat stamp
 * holds. Ingested files stay in the landing, and the Data page lists it on every refresh: reading
 * every kept week again each time grows with the history. The stamp is what git trusts for its
 * index: inode, size, and modification and change times in nanoseconds; a write in place moves
 * the change time even when a tool sets the modification time back.
 */
const known = new Map<string, { readonly stamp: string; readonly hash: string }>();

const stampOf = (info: BigIntStats): string => `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;

/** `sha256:<hex>` of `file`, read only when its stamp changed since this process last read it. */
export async function landingFileHash(file: string, info: BigIntStats): Promise<string> {
  const stamp = stampOf(info);
  const memo = known.get(file);
  if (memo?.stamp === stamp) return memo.hash;
  const hash = `sha256:${await sha256File(file)}`;
  known.set(file, { stamp, hash });
  return hash;
}

/** Drops the hashes of files of `dir` no longer in it (`present`: the files listed now). */
export function forgetGoneFiles(dir: string, present: ReadonlySet<string>): void {
  for (const file of known.keys()) {
    if (path.dirname(file) === dir && !present.has(file)) known.delete(file);
  }
}
