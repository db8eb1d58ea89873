import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../store-error.ts';

/** Where an object store lives, parsed from configuration. */
export type ObjectStoreLocation =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string };

// S3's bucket naming rules, lower-case only.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Parses `s3://bucket/prefix`, `file:///abs/path`, `file:/abs/path` or a plain path (relative paths
 * resolve against `cwd`). Anything else is a StoreError INVALID_URL naming what was given.
 *
 * @example
 * parseObjectStoreUrl('s3://sodai/prod/'); // { kind: 's3', bucket: 'sodai', prefix: 'prod' }
 * parseObjectStoreUrl('.sodai/objects', '/srv'); // { kind: 'folder', path: '/srv/.sodai/objects' }
 */
export function parseObjectStoreUrl(url: string, cwd = process.cwd()): ObjectStoreLocation {
  const fail = (why: string): never => {
    throw new StoreError('INVALID_URL', `object store ${JSON.stringify(url)}: ${why}`);
  };
  const trimmed = url.trim();
  if (trimmed === '') fail('is empty');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'folder', path: path.resolve(cwd, trimmed) };
  if (scheme === 'file') {
    try {
      return { kind: 'folder', path: path.resolve(fileURLToPath(trimmed)) };
    } catch (error) {
      return fail(`not a valid file URL (${(error as Error).message})`);
    }
  }
  if (scheme === 's3') {
    const rest = trimmed.slice('s3://'.length);
    if (!trimmed.toLowerCase().startsWith('s3://')) fail('expected s3://bucket/prefix');
    const [bucket = '', ...parts] = rest.split('/');
    if (!BUCKET.test(bucket)) fail(`"${bucket}" is not a valid bucket name`);
    const prefix = parts.filter((p) => p !== '').join('/');
    if (parts.some((p) => p === '.' || p === '..')) fail('the prefix may not hold "." or ".." segments');
    return { kind: 's3', bucket, prefix };
  }
  return fail(`unsupported scheme "${scheme}:" (expected a folder path, file:/path or s3://bucket/prefix)`);
}
