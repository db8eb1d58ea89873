import { createHash } from 'node:crypto';
import { renameSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sha256File } from '../src/data/ingest/file-digest.ts';
import { openBatchLanding } from '../src/data/sources/batch-landing.ts';
import { tempDir } from './helpers.ts';

vi.mock('../src/data/ingest/file-digest.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/data/ingest/file-digest.ts')>();
  return { ...real, sha256File: vi.fn(real.sha256File) };
});

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** What the Data page's GET /api/admin/landing does on every refresh: open the landing, list it. */
async function listLanding(dir: string) {
  const landing = (await openBatchLanding({ kind: 'folder', path: dir }, tempDir('sodai-cache-')))!;
  try {
    return (await landing.files()).map((f) => [f.name, f.contentHash]);
  } finally {
    await landing.close();
  }
}

const hashed = () => vi.mocked(sha256File).mock.calls.map(([file]) => path.basename(file));

describe('the landing folder listing', () => {
  it('hashes a kept batch file once, not on every look at the landing', async () => {
    // Ingested files stay in the landing; every refresh of the Data page read all of them again.
    const dir = tempDir('sodai-landing-');
    writeFileSync(path.join(dir, 'week-01.csv'), 'one\n');
    writeFileSync(path.join(dir, 'week-02.csv'), 'two\n');
    vi.mocked(sha256File).mockClear();
    const expected = [
      ['week-01.csv', sha('one\n')],
      ['week-02.csv', sha('two\n')],
    ];
    expect(await listLanding(dir)).toEqual(expected);
    expect(await listLanding(dir)).toEqual(expected);
    expect(await listLanding(dir)).toEqual(expected);
    expect(hashed().sort()).toEqual(['week-01.csv', 'week-02.csv']);
  });

  it('hashes a file again once its bytes change, even at the same size and modification time', async () => {
    const dir = tempDir('sodai-landing-');
    const file = path.join(dir, 'week-03.csv');
    writeFileSync(file, 'abc\n');
    const when = new Date('2024-06-03T10:00:00Z');
    utimesSync(file, when, when);
    expect(await listLanding(dir)).toEqual([['week-03.csv', sha('abc\n')]]);
    // A corrected file written in place, its times set back as a copy tool may do.
    writeFileSync(file, 'xyz\n');
    utimesSync(file, when, when);
    expect(await listLanding(dir)).toEqual([['week-03.csv', sha('xyz\n')]]);
    // Replaced by a rename, as an upload with ?replace=true does.
    writeFileSync(path.join(dir, 'tmp'), 'new!\n');
    renameSync(path.join(dir, 'tmp'), file);
    expect(await listLanding(dir)).toEqual([['week-03.csv', sha('new!\n')]]);
  });
});
