import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { openObjectStore } from '../../src/store/object-store/open-object-store.ts';
import { tempDir } from '../helpers.ts';
import { foreignS3Client, s3Gate } from './s3-test-server.ts';

// Objects another tool puts in a bucket (a team's export into the landing prefix) carry no sha256 of
// ours, so the download cache could not name them before downloading: every weekly run, and every
// look at the landing, downloaded each of them again, however many weeks of files the prefix held.
const s3 = await s3Gate({ bucket: 'foreign-objects' });
afterAll(() => s3.server?.stop());
const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
});

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('an object another tool put in the bucket', () => {
  it.runIf(s3.server !== undefined)(
    'is downloaded once per content: later reads and listings know its hash until it changes',
    async () => {
      const server = s3.server!;
      Object.assign(process.env, server.env);
      const prefix = `landing-${Date.now()}`;
      const client = foreignS3Client(server);
      const putForeign = (body: string) =>
        client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${prefix}/week-a.csv`, Body: body }));
      const cacheDir = tempDir('sodai-objects-');
      const url = `s3://${server.bucket}/${prefix}`;
      try {
        await putForeign('first week\n');
        const store = await openObjectStore(url, { cacheDir });
        expect((await store.list()).map((o) => o.contentHash)).toEqual([undefined]);
        const first = await store.localPath('week-a.csv');
        expect(readFileSync(first, 'utf8')).toBe('first week\n');
        const inode = statSync(first).ino;
        // Read again: the cached file itself, not a new download renamed over it.
        expect(statSync(await store.localPath('week-a.csv')).ino).toBe(inode);
        expect((await store.list()).map((o) => o.contentHash)).toEqual([sha('first week\n')]);
        expect((await store.head('week-a.csv'))?.contentHash).toBe(sha('first week\n'));
        await store.close();

        // Another process on this machine knows it too.
        const again = await openObjectStore(url, { cacheDir });
        expect((await again.list()).map((o) => o.contentHash)).toEqual([sha('first week\n')]);
        expect(statSync(await again.localPath('week-a.csv')).ino).toBe(inode);

        // Replaced under the same key: unknown again until downloaded, and the new bytes are read.
        await putForeign('corrected week\n');
        expect((await again.list()).map((o) => o.contentHash)).toEqual([undefined]);
        expect(readFileSync(await again.localPath('week-a.csv'), 'utf8')).toBe('corrected week\n');
        expect((await again.list()).map((o) => o.contentHash)).toEqual([sha('corrected week\n')]);
        await again.close();
      } finally {
        client.destroy();
      }
    },
  );
});
