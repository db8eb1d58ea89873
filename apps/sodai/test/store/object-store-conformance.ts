import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../src/store/object-store/object-store.ts';
import { isStoreError } from '../../src/store/store-error.ts';

export interface ObjectStoreFixture {
  readonly store: ObjectStore;
  /** A scratch folder for the test's own files. */
  readonly scratch: string;
  cleanup(): Promise<void>;
}

/** Deterministic pseudo-random bytes: sha256 of a seed and a counter, concatenated. */
export function seededBytes(seed: number, length: number): Uint8Array {
  const out = Buffer.alloc(length);
  for (let i = 0, offset = 0; offset < length; i++, offset += 32) {
    createHash('sha256').update(`${seed}:${i}`).digest().copy(out, offset);
  }
  return new Uint8Array(out);
}

function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/**
 * The rules of `ObjectStore` (see its TSDoc), run against every implementation: the local folder and
 * the S3 client against an S3-compatible server.
 */
export function describeObjectStoreConformance(name: string, open: () => Promise<ObjectStoreFixture>): void {
  describe(`ObjectStore conformance: ${name}`, () => {
    let fx: ObjectStoreFixture;
    beforeEach(async () => {
      fx = await open();
    });
    afterEach(async () => {
      await fx.cleanup();
    });

    it('put of bytes, a string and a stream reports the sha256 and size, and reads back the same bytes', async () => {
      const bytes = seededBytes(1, 1000);
      const fromBytes = await fx.store.put('a/bytes.bin', bytes);
      expect(fromBytes).toMatchObject({ key: 'a/bytes.bin', contentHash: sha256(bytes), bytes: 1000 });
      expect(Buffer.from(await fx.store.getBytes('a/bytes.bin')).equals(Buffer.from(bytes))).toBe(true);

      const text = 'café, 1 L\n';
      const fromString = await fx.store.put('a/text.txt', text);
      expect(fromString.contentHash).toBe(sha256(text));
      expect(fromString.bytes).toBe(Buffer.byteLength(text));
      expect(Buffer.from(await fx.store.getBytes('a/text.txt')).toString('utf8')).toBe(text);

      const chunks = [seededBytes(2, 70_000), seededBytes(3, 5)];
      const fromStream = await fx.store.put('a/stream.bin', Readable.from(chunks.map((c) => Buffer.from(c))));
      const whole = Buffer.concat(chunks.map((c) => Buffer.from(c)));
      expect(fromStream).toMatchObject({ contentHash: sha256(whole), bytes: whole.length, created: true });
      expect(Buffer.from(await fx.store.getBytes('a/stream.bin')).equals(whole)).toBe(true);
    });

    it('putFile streams a local file in; localPath gives a local file with the same bytes', async () => {
      const source = path.join(fx.scratch, 'big.parquet');
      const bytes = seededBytes(4, 3 * 1024 * 1024 + 17);
      writeFileSync(source, bytes);
      const put = await fx.store.putFile('tables/t/big.parquet', source);
      expect(put).toMatchObject({ contentHash: sha256(bytes), bytes: bytes.length, created: true });

      const local = await fx.store.localPath('tables/t/big.parquet', put.contentHash);
      expect(sha256(readFileSync(local))).toBe(put.contentHash);
      // Without the hash the store finds the object all the same.
      expect(sha256(readFileSync(await fx.store.localPath('tables/t/big.parquet')))).toBe(put.contentHash);
    });

    it('localPath refuses a copy whose hash is not the expected one', async () => {
      await fx.store.put('a/x.bin', 'one');
      const error = await rejection(fx.store.localPath('a/x.bin', sha256('two')));
      expect(isStoreError(error, 'HASH_MISMATCH')).toBe(true);
    });

    it('put overwrites: a reader sees the whole new object', async () => {
      await fx.store.put('k/obj', 'first version');
      const second = await fx.store.put('k/obj', 'second');
      expect(second.contentHash).toBe(sha256('second'));
      expect(Buffer.from(await fx.store.getBytes('k/obj')).toString()).toBe('second');
      expect((await fx.store.head('k/obj'))?.bytes).toBe(6);
    });

    it('putIfAbsent writes once and leaves an existing object as it is', async () => {
      const first = await fx.store.putIfAbsent('once/file', 'original');
      expect(first).toMatchObject({ created: true, contentHash: sha256('original') });
      const second = await fx.store.putIfAbsent('once/file', Readable.from([Buffer.from('replacement')]));
      expect(second).toMatchObject({ created: false, contentHash: sha256('original'), bytes: 8 });
      const source = path.join(fx.scratch, 'replacement.txt');
      writeFileSync(source, 'replacement from a file');
      const third = await fx.store.putFile('once/file', source, { ifAbsent: true });
      expect(third).toMatchObject({ created: false, contentHash: sha256('original') });
      expect(Buffer.from(await fx.store.getBytes('once/file')).toString()).toBe('original');
      const fresh = await fx.store.putFile('once/other', source, { ifAbsent: true });
      expect(fresh).toMatchObject({ created: true, contentHash: sha256('replacement from a file') });
    });

    it('head and exists describe an object, and nothing for a missing one', async () => {
      await fx.store.put('h/one', seededBytes(5, 123));
      const info = await fx.store.head('h/one');
      expect(info?.key).toBe('h/one');
      expect(info?.bytes).toBe(123);
      expect(info?.lastModified).toBeInstanceOf(Date);
      expect(await fx.store.exists('h/one')).toBe(true);
      expect(await fx.store.head('h/missing')).toBeUndefined();
      expect(await fx.store.exists('h/missing')).toBe(false);
    });

    it('getBytes and localPath of a missing key fail with OBJECT_NOT_FOUND', async () => {
      expect(isStoreError(await rejection(fx.store.getBytes('no/such')), 'OBJECT_NOT_FOUND')).toBe(true);
      expect(isStoreError(await rejection(fx.store.localPath('no/such')), 'OBJECT_NOT_FOUND')).toBe(true);
    });

    it('list returns every key under a prefix, in UTF-8 byte order', async () => {
      const keys = ['p/b', 'p/a10', 'p/a2', 'p/B', 'p/é', 'p/z/deep/x', 'pq', 'q/other'];
      for (const key of keys) await fx.store.put(key, key);
      const listed = (await fx.store.list('p/')).map((o) => o.key);
      expect(listed).toEqual(['p/B', 'p/a10', 'p/a2', 'p/b', 'p/z/deep/x', 'p/é']);
      expect((await fx.store.list('p')).map((o) => o.key)).toEqual([...listed, 'pq']);
      expect((await fx.store.list('p/a')).map((o) => o.key)).toEqual(['p/a10', 'p/a2']);
      expect((await fx.store.list()).map((o) => o.key)).toEqual([...listed, 'pq', 'q/other']);
      expect(await fx.store.list('nothing/')).toEqual([]);
      const sizes = (await fx.store.list('q/')).map((o) => o.bytes);
      expect(sizes).toEqual([Buffer.byteLength('q/other')]);
    });

    it('delete removes an object and succeeds on a missing one', async () => {
      await fx.store.put('d/one', '1');
      await fx.store.delete('d/one');
      expect(await fx.store.exists('d/one')).toBe(false);
      await fx.store.delete('d/one');
      expect(await fx.store.list('d/')).toEqual([]);
    });

    it('rejects keys that could leave the store root, before writing anything', async () => {
      for (const key of [
        '',
        '/abs',
        '../escape',
        'a/../../b',
        'a//b',
        'a/./b',
        'a\\b',
        'trailing/',
        'nul\u0000',
      ]) {
        const error = await rejection(fx.store.put(key, 'x'));
        expect(isStoreError(error, 'INVALID_KEY'), `key ${JSON.stringify(key)}`).toBe(true);
      }
      expect(await fx.store.list()).toEqual([]);
    });
  });
}
