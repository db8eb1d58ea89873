import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../src/artifacts/local-artifact-store.ts';
import {
  modelsList,
  modelsPromote,
  modelsRollback,
  modelsShow,
  runsCompare,
  runsList,
  runsShow,
} from '../src/cli/index.ts';
import { TrackingClient } from '../src/client.ts';
import { openSqliteStore } from '../src/sqlite.ts';
import { tempDir } from './helpers.ts';

describe('CLI text', () => {
  const dir = tempDir();
  let client: TrackingClient;
  const ids: Record<string, string> = {};
  // A clock that ticks one second per read keeps timestamps (and so the text) deterministic.
  let t = Date.UTC(2026, 0, 5);
  const now = () => (t += 1000);
  // Run ids are random: swap each for a same-width placeholder so the table layout stays checkable.
  const P = (name: string) => `<${name}>`.padEnd(32, '.');
  const anonymize = (s: string) =>
    Object.entries(ids).reduce((acc, [name, id]) => acc.replaceAll(id, P(name)), s);

  beforeAll(async () => {
    client = await TrackingClient.open({
      store: await openSqliteStore(join(dir, 't.db'), { now }),
      artifacts: new LocalArtifactStore(join(dir, 'artifacts')),
      now,
    });
    for (const [name, auc, depth] of [
      ['slow', 0.81, 4],
      ['fast', 0.875, 6],
    ] as const) {
      const run = await client.startRun({ experiment: 'weekly', name, params: { depth, eta: 0.1 } });
      run.logMetric('auc', auc, 3);
      run.logMetric('logloss', 0.5, 3);
      await run.logArtifact('model.ubj', name);
      await run.end();
      ids[name] = run.id;
    }
  });
  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists runs ordered by a metric with metric columns', async () => {
    const text = await runsList(client, { experiment: 'weekly', orderBy: 'metrics.auc desc' });
    expect(anonymize(text)).toBe(
      [
        `RUN ID${' '.repeat(26)}  NAME  STATUS    STARTED              DURATION  auc`,
        `${'-'.repeat(32)}  ----  --------  -------------------  --------  -----`,
        `${P('fast')}  fast  FINISHED  2026-01-05 00:00:09  4.0s      0.875`,
        `${P('slow')}  slow  FINISHED  2026-01-05 00:00:03  4.0s      0.81`,
      ].join('\n'),
    );
    expect(await runsList(client, { filter: 'metrics.auc > 0.9' })).toBe('no runs');
  });

  it('shows one run and compares two, marking differences', async () => {
    const show = anonymize(await runsShow(client, ids.fast as string));
    expect(show).toContain(`run ${P('fast')} (fast)`);
    expect(show).toContain('depth  6');
    expect(show).toMatch(/auc\s+0\.875\s+3/);
    expect(show).toMatch(/model\.ubj\s+4\s+application\/ubjson\s+sha256:/);
    const cmp = anonymize(await runsCompare(client, [ids.slow as string, ids.fast as string]));
    expect(cmp.split('\n')).toEqual([
      `   KEY              slow${' '.repeat(30)}fast`,
      `-  ---------------  ${'-'.repeat(32)}  ${'-'.repeat(32)}`,
      `   run id           ${P('slow')}  ${P('fast')}`,
      `   status           FINISHED${' '.repeat(26)}FINISHED`,
      `*  params.depth     4${' '.repeat(33)}6`,
      `   params.eta       0.1${' '.repeat(31)}0.1`,
      `*  metrics.auc      0.81${' '.repeat(30)}0.875`,
      `   metrics.logloss  0.5${' '.repeat(31)}0.5`,
    ]);
  });

  it('promotes, rolls back and shows the model with its alias history', async () => {
    await client.registry.createModelVersion({
      modelName: 'purchase',
      runId: ids.slow as string,
      artifactPath: 'model.ubj',
    });
    await client.registry.createModelVersion({
      modelName: 'purchase',
      runId: ids.fast as string,
      artifactPath: 'model.ubj',
    });
    expect(
      await modelsPromote(client, { name: 'purchase', version: 1, actor: 'alice', reason: 'first' }),
    ).toBe('purchase@champion -> v1 (new alias) by alice at 2026-01-05 00:00:16: first');
    expect(await modelsPromote(client, { name: 'purchase', version: 2, actor: 'flow' })).toBe(
      'purchase@champion -> v2 (was v1) by flow at 2026-01-05 00:00:17',
    );
    expect(await modelsRollback(client, { name: 'purchase', actor: 'ops', reason: 'v2 regressed' })).toBe(
      'purchase@champion -> v1 (was v2) by ops at 2026-01-05 00:00:18: v2 regressed',
    );
    expect(await modelsList(client)).toBe(
      [
        'MODEL     VERSIONS  ALIASES      UPDATED',
        '--------  --------  -----------  -------------------',
        'purchase  2         champion=v1  2026-01-05 00:00:18',
      ].join('\n'),
    );
    const show = anonymize(await modelsShow(client, 'purchase'));
    expect(show).toContain(`v1       READY   champion  ${P('slow')}  auc=0.81 logloss=0.5`);
    expect(show).toContain('alias champion history:');
    expect(show).toMatch(/3\s+v1\s+rollback\s+2026-01-05 00:00:18\s+now\s+ops\s+v2 regressed\s+-/);
    expect(show).toMatch(/2\s+v2\s+set\s+2026-01-05 00:00:17\s+2026-01-05 00:00:18\s+flow/);
  });
});
