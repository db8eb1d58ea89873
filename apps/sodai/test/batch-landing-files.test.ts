import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { openBatchLanding } from '../src/data/sources/batch-landing.ts';
import type { BatchSourceSpec } from '../src/data/sources/batch-source.ts';
import { tempDir } from './helpers.ts';
import { foreignS3Client, s3Gate } from './store/s3-test-server.ts';

// What the landing lists and removes (GET and DELETE /api/admin/landing): its batch files with the
// content hash the catalog knows their ingestion by, whoever put them there.
const s3 = await s3Gate({ bucket: 'landing-files-test' });
afterAll(() => s3.server?.stop());
const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
});

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('a landing folder', () => {
  it('lists batch files in name order with their content hash, and removes only batch files', async () => {
    const dir = tempDir('sodai-landing-');
    const landing = (await openBatchLanding({ kind: 'folder', path: dir }, tempDir('sodai-cache-')))!;
    await landing.put('week-b.csv', new TextEncoder().encode('b\n'));
    writeFileSync(path.join(dir, 'week-a.PQ'), 'a\n'); // dropped there by hand
    writeFileSync(path.join(dir, 'notes.txt'), 'not a batch');
    writeFileSync(path.join(dir, '.week-c.csv.1234.upload'), 'in flight');
    mkdirSync(path.join(dir, 'old.csv'));
    const files = await landing.files();
    expect(files.map((f) => [f.name, f.contentHash, f.bytes])).toEqual([
      ['week-a.PQ', sha('a\n'), 2],
      ['week-b.csv', sha('b\n'), 2],
    ]);
    expect(await landing.remove('notes.txt')).toBe(false);
    expect(await landing.remove('.week-c.csv.1234.upload')).toBe(false);
    expect(await landing.remove('old.csv')).toBe(false);
    expect(await landing.remove('../week-b.csv')).toBe(false);
    expect(await landing.remove('week-b.csv')).toBe(true);
    expect(await landing.remove('week-b.csv')).toBe(false);
    expect((await landing.files()).map((f) => f.name)).toEqual(['week-a.PQ']);
  });

  it('a landing folder that is not there yet holds nothing', async () => {
    const source: BatchSourceSpec = { kind: 'folder', path: path.join(tempDir(), 'a', 'b') };
    const landing = (await openBatchLanding(source, tempDir('sodai-cache-')))!;
    expect(await landing.files()).toEqual([]);
  });
});

describe('an S3 landing prefix', () => {
  it.runIf(s3.server !== undefined)(
    'lists its batch objects with their content hash, also those another tool put there, and removes them',
    async () => {
      const server = s3.server!;
      Object.assign(process.env, server.env);
      const prefix = `landing-${Date.now()}`;
      const landing = (await openBatchLanding(
        { kind: 's3', url: `s3://${server.bucket}/${prefix}/` },
        tempDir('sodai-cache-'),
      ))!;
      try {
        await landing.put('week-b.csv', new TextEncoder().encode('b\n'));
        // Put by another producer: no hash metadata of ours.
        const client = foreignS3Client(server);
        for (const [key, body] of [
          ['week-a.parquet', 'a\n'],
          ['readme.txt', 'not a batch'],
        ] as const) {
          await client.send(
            new PutObjectCommand({ Bucket: server.bucket, Key: `${prefix}/${key}`, Body: body }),
          );
        }
        client.destroy();
        expect((await landing.files()).map((f) => [f.name, f.contentHash])).toEqual([
          ['week-a.parquet', sha('a\n')],
          ['week-b.csv', sha('b\n')],
        ]);
        expect(await landing.remove('week-a.parquet')).toBe(true);
        expect(await landing.remove('week-a.parquet')).toBe(false);
        expect((await landing.files()).map((f) => f.name)).toEqual(['week-b.csv']);
      } finally {
        await landing.close();
      }
    },
  );
});
