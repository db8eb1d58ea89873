import { StoreError } from '../store-error.ts';

const MAX_KEY_BYTES = 1024;
// Control characters and backslashes have no place in a key: a backslash is a separator on Windows.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

/**
 * Checks that `key` is a relative, `/`-separated object key that cannot leave the store's root: no
 * leading or doubled `/`, no `.` or `..` segment, no backslash or control character, at most 1024
 * UTF-8 bytes (S3's limit). Returns the key unchanged.
 *
 * @example
 * validateKey('tables/transactions/a.parquet'); // ok
 * validateKey('../etc/passwd'); // throws StoreError INVALID_KEY
 */
export function validateKey(key: string): string {
  const fail = (why: string): never => {
    throw new StoreError('INVALID_KEY', `object key ${JSON.stringify(key)} ${why}`);
  };
  if (typeof key !== 'string' || key.length === 0) fail('is empty');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) fail(`is longer than ${MAX_KEY_BYTES} bytes`);
  if (FORBIDDEN.test(key)) fail('holds a control character or a backslash');
  for (const segment of key.split('/')) {
    if (segment === '') fail('has an empty segment (leading, trailing or doubled "/")');
    if (segment === '.' || segment === '..') fail('has a "." or ".." segment');
  }
  return key;
}

/**
 * Checks a listing prefix: empty (everything) or a key prefix; a trailing `/` is allowed.
 */
export function validatePrefix(prefix: string): string {
  if (prefix === '') return prefix;
  validateKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  return prefix;
}

/** Sorts keys in byte order of their UTF-8 encoding, the order S3 lists in. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
