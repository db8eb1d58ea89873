import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../src/artifacts/local-artifact-store.ts';
import { TrackingClient } from '../src/client.ts';
import { openSqliteStore } from '../src/sqlite.ts';
import { assertConsistentChain, tempDir } from './helpers.ts';

const WORKER = fileURLToPath(new URL('./fixtures/log-worker.ts', import.meta.url));
const HANGER = fileURLToPath(new URL('./fixtures/start-and-hang.ts', import.meta.url));
const WORKERS = 4;
const STEPS = 300;
const METRICS_PER_STEP = 10;
const ALIAS_MOVES = 6;

function runWorker(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('several processes on one SQLite file', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no metric point and keeps the alias history a chain', { timeout: 120_000 }, async () => {
    const dbPath = join(dir, 'shared.db');
    const artifacts = join(dir, 'artifacts');
    const setup = await TrackingClient.open({
      store: await openSqliteStore(dbPath),
      artifacts: new LocalArtifactStore(artifacts),
    });
    const seed = await setup.startRun({ experiment: 'concurrent', name: 'seed' });
    await seed.logArtifact('model.ubj', 'bytes');
    await seed.end();
    for (let v = 0; v < 3; v++) {
      await setup.registry.createModelVersion({
        modelName: 'shared',
        runId: seed.id,
        artifactPath: 'model.ubj',
      });
    }
    await setup.close();

    const results = await Promise.all(
      Array.from({ length: WORKERS }, (_, w) =>
        runWorker([dbPath, join(dir, 'fresh.db'), artifacts, String(w), String(STEPS), String(ALIAS_MOVES)]),
      ),
    );
    for (const r of results) expect(r.stderr, r.stderr).toBe('');
    expect(results.map((r) => r.code)).toEqual(Array(WORKERS).fill(0));

    const store = await openSqliteStore(dbPath);
    try {
      const runs = await store.searchRuns({ where: [{ kind: 'param', key: 'worker', op: '!=', value: '' }] });
      expect(runs).toHaveLength(WORKERS);
      for (const run of runs) {
        expect(run.status).toBe('FINISHED');
        const points = (
          await Promise.all(
            Array.from({ length: METRICS_PER_STEP }, (_, k) => store.getMetricHistory(run.id, `m${k}`)),
          )
        ).flat();
        expect(points).toHaveLength(STEPS * METRICS_PER_STEP);
        expect(new Set(points.map((p) => `${p.key}@${p.step}`)).size).toBe(STEPS * METRICS_PER_STEP);
      }
      const history = await store.getAliasHistory('shared', 'champion');
      assertConsistentChain(history, (await store.getAlias('shared', 'champion')).version);
      // Every move that changed the holder is recorded; moves to the current holder are no-ops.
      expect(history.length).toBeGreaterThanOrEqual(2);
      expect(history.length).toBeLessThanOrEqual(WORKERS * ALIAS_MOVES);
      expect(new Set(history.map((h) => h.actor)).size).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  });

  it('marks KILLED, at the next open, a run whose process was killed', { timeout: 60_000 }, async () => {
    const dbPath = join(dir, 'crash.db');
    const artifacts = join(dir, 'crash-artifacts');
    const child = spawn(process.execPath, ['--import', 'tsx', HANGER, dbPath, artifacts], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const runId = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const store = await openSqliteStore(dbPath);
    expect((await store.getRun(runId)).status).toBe('RUNNING');
    const client = await TrackingClient.open({ store, artifacts: new LocalArtifactStore(artifacts) });
    try {
      expect(client.reaped.map((r) => r.id)).toEqual([runId]);
      const run = await client.getRun(runId);
      expect(run.status).toBe('KILLED');
      expect(run.endTime).not.toBeNull();
      // What it logged before dying is kept.
      expect(await client.getMetricHistory(runId, 'loss')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});
