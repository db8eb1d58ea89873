import { afterAll, describe, expect, it } from 'vitest';
import { openBatchLanding } from '../src/data/sources/batch-landing.ts';
import type { BatchSourceSpec } from '../src/data/sources/batch-source.ts';
import { tempDir } from './helpers.ts';
import { s3Gate } from './store/s3-test-server.ts';

// Found walking Postgres + Redis + S3: an upload under a name already in the bucket's landing
// prefix (a week already ingested, or a refused file) replaced it without a word, where a landing
// folder refused it and the web UI asked whether to replace it.
const s3 = await s3Gate({ bucket: 'landing-test' });
afterAll(() => s3.server?.stop());
const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
});

const sources: [string, () => BatchSourceSpec][] = [
  ['a landing folder', () => ({ kind: 'folder', path: tempDir('sodai-landing-') })],
  ['an S3 landing prefix', () => ({ kind: 's3', url: `s3://${s3.server!.bucket}/landing-${Date.now()}/` })],
];

describe.each(sources)('uploading a batch to %s', (label, source) => {
  it.runIf(label.startsWith('a landing') || s3.server !== undefined)(
    'refuses a name already there unless asked to replace it',
    async () => {
      if (s3.server) Object.assign(process.env, s3.server.env);
      const landing = (await openBatchLanding(source(), tempDir('sodai-cache-')))!;
      try {
        const first = new TextEncoder().encode('first\n');
        const where = await landing.put('week-2024-12-30.csv', first);
        await expect(
          landing.put('week-2024-12-30.csv', new TextEncoder().encode('second\n')),
        ).rejects.toThrow(
          'landing/week-2024-12-30.csv is already waiting to be ingested; send ?replace=true to overwrite it',
        );
        expect(
          await landing.put('week-2024-12-30.csv', new TextEncoder().encode('third\n'), { replace: true }),
        ).toBe(where);
        // The bucket's listing versions each key, so the sensor sees the replacement as new content.
        if (landing.list) {
          const [before] = await landing.list();
          await landing.put('week-2024-12-30.csv', new TextEncoder().encode('fourth\n'), { replace: true });
          const [after] = await landing.list();
          expect(after!.name).toBe(before!.name);
          expect(after!.version).not.toBe(before!.version);
        }
      } finally {
        await landing.close();
      }
    },
  );
});
