import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createStudy, openSqliteStorage, TpeSampler, type Trial } from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tune-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const objective = (t: Trial): number =>
  (t.suggestFloat('x', -5, 5) - 2) ** 2 + (t.suggestInt('n', 1, 64, { log: true }) - 8) ** 2 / 100;

describe('persistent studies', () => {
  it('a resumed study continues numbering and learns from past trials exactly as an uninterrupted one', async () => {
    const reference = await createStudy({ sampler: new TpeSampler({ seed: 21 }) });
    await reference.optimize(objective, { nTrials: 30 });

    const path = join(dir, 'resume.db');
    const first = await openSqliteStorage(path);
    const before = await createStudy({
      name: 'resume',
      storage: first,
      sampler: new TpeSampler({ seed: 21 }),
    });
    await before.optimize(objective, { nTrials: 15 });
    await first.close();

    const second = await openSqliteStorage(path);
    const after = await createStudy({
      name: 'resume',
      storage: second,
      loadIfExists: true,
      sampler: new TpeSampler({ seed: 21 }),
    });
    expect(after.trials).toHaveLength(15);
    await after.optimize(objective, { nTrials: 15 });
    const trials = await after.getTrials();
    expect(trials.map((t) => t.number)).toEqual([...Array(30).keys()]);
    // TPE's proposals depend on every past trial, so identical parameters prove the history was used.
    expect(trials.map((t) => t.params)).toEqual(reference.trials.map((t) => t.params));
    expect(trials.map((t) => t.value)).toEqual(reference.trials.map((t) => t.value));

    // A trial left running by a crash keeps its number; the next process carries on after it.
    await after.ask();
    await second.close();
    const third = await openSqliteStorage(path);
    const again = await createStudy({ name: 'resume', storage: third, loadIfExists: true });
    const next = await again.ask();
    expect(next.number).toBe(31);
    expect(again.trials.find((t) => t.number === 30)?.state).toBe('running');
    await third.close();
  });

  it('two worker processes share one SQLite study without duplicate trial numbers', async () => {
    const path = join(dir, 'shared.db');
    const worker = join(here, 'fixtures', 'sqlite-worker.ts');
    const tsx = join(here, '..', '..', '..', 'node_modules', '.bin', 'tsx');
    const run = promisify(execFile);
    await Promise.all([
      run(tsx, [worker, path, 'shared', '15', '1']),
      run(tsx, [worker, path, 'shared', '15', '2']),
    ]);

    const storage = await openSqliteStorage(path);
    const study = await createStudy({ name: 'shared', storage, loadIfExists: true });
    const trials = await study.getTrials();
    expect(trials).toHaveLength(30);
    expect(trials.map((t) => t.number)).toEqual([...Array(30).keys()]);
    expect(trials.every((t) => t.state === 'complete')).toBe(true);
    const pids = new Set(trials.map((t) => t.userAttrs.pid));
    expect(pids.size).toBe(2);
    await storage.close();
  });
});
