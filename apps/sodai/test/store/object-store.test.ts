import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/store/object-store/local-object-store.ts';
import { openObjectStore } from '../../src/store/object-store/open-object-store.ts';
import { S3ObjectStore } from '../../src/store/object-store/s3-object-store.ts';
import { isStoreError } from '../../src/store/store-error.ts';
import { describeObjectStoreConformance, seededBytes } from './object-store-conformance.ts';
import { s3Gate } from './s3-test-server.ts';

const scratchDir = () => mkdtempSync(path.join(tmpdir(), 'sodai-objects-'));

describeObjectStoreConformance('local folder', async () => {
  const scratch = scratchDir();
  return {
    store: new LocalObjectStore(path.join(scratch, 'store')),
    scratch,
    cleanup: async () => rmSync(scratch, { recursive: true, force: true }),
  };
});

const s3 = await s3Gate();
afterAll(async () => s3.server?.stop());

let prefixCount = 0;
describe.runIf(s3.server !== undefined)('S3 (s3rver on 127.0.0.1)', () => {
  const server = s3.server!;
  // One server for the file; each test gets its own prefix, so tests never see each other's keys.
  describeObjectStoreConformance('S3', async () => {
    const scratch = scratchDir();
    const store = new S3ObjectStore({
      bucket: server.bucket,
      prefix: `conformance/run-${++prefixCount}`,
      cacheDir: path.join(scratch, 'cache'),
      endpoint: server.endpoint,
      credentials: server.credentials,
    });
    return {
      store,
      scratch,
      cleanup: async () => {
        await store.close();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  });

  it('serves a cached object without the server: a file is downloaded once per machine', async () => {
    const scratch = scratchDir();
    const bucket = 'cache-test';
    const own = await (await import('./s3-test-server.ts')).startS3TestServer({ bucket });
    const store = new S3ObjectStore({
      bucket,
      prefix: '',
      cacheDir: path.join(scratch, 'cache'),
      endpoint: own.endpoint,
      credentials: own.credentials,
    });
    try {
      const put = await store.put('t/file.parquet', seededBytes(9, 4096));
      const first = await store.localPath(put.key, put.contentHash);
      await own.stop();
      expect(await store.localPath(put.key, put.contentHash)).toBe(first);
      const offline = await store.head(put.key).catch((e: unknown) => e);
      expect(isStoreError(offline, 'OBJECT_STORE_UNAVAILABLE')).toBe(true);
    } finally {
      await store.close();
      await own.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('opens from an s3:// URL with endpoint, region and keys from the standard AWS variables', async () => {
    const scratch = scratchDir();
    const store = await openObjectStore(`s3://${server.bucket}/from-url/`, {
      cacheDir: path.join(scratch, 'cache'),
      env: { ...server.env },
    });
    try {
      expect(store.url).toBe(`s3://${server.bucket}/from-url`);
      await store.put('k', 'v');
      expect((await store.list()).map((o) => o.key)).toEqual(['k']);
    } finally {
      await store.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('local folder store', () => {
  it('never writes outside its root, and keeps staging files out of listings', async () => {
    const scratch = scratchDir();
    try {
      const store = new LocalObjectStore(path.join(scratch, 'root'));
      await store.put('ok/file', 'x');
      for (const key of ['../outside', 'ok/../../outside', '.staging/x']) {
        expect(isStoreError(await store.put(key, 'x').catch((e: unknown) => e), 'INVALID_KEY')).toBe(true);
      }
      writeFileSync(path.join(scratch, 'root', '.staging', 'leftover.tmp'), 'half');
      expect(readdirSync(scratch)).toEqual(['root']);
      expect((await store.list()).map((o) => o.key)).toEqual(['ok/file']);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('putIfAbsent lets exactly one of many concurrent writers create a key', async () => {
    const scratch = scratchDir();
    try {
      const store = new LocalObjectStore(scratch);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.putIfAbsent('race/key', `writer ${i}`)),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)!;
      expect(results.every((r) => r.contentHash === winner.contentHash)).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
