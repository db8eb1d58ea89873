import path from 'node:path';
import { defineDag, openSqliteRunStore, type RunStore } from '@sodai/pipeline';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { keptDatasets } from '../src/features/kept-datasets.ts';
import { collectGarbage } from '../src/jobs/collect-garbage.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { PREDICTION_LOG_TABLE } from '../src/store/prediction-log-table.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { commitRows, tempDir } from './helpers.ts';

const DAY_MS = 86_400_000;
const { retention, model } = ConfigSchema.parse({});
const dag = defineDag({ id: 'weekly' });
dag.task('only', {}, () => 1);

describe('the retention policy, kind by kind', { timeout: 120_000 }, () => {
  let store: RawStore;
  let tracking: TrackingClient;
  let pipeline: RunStore;
  const sources = () => ({ shared: store.shared, datasets: keptDatasets(store, model), tracking, pipeline });

  beforeEach(async () => {
    const dir = tempDir('sodai-gc-policy-');
    store = await RawStore.openDir(path.join(dir, 'data'));
    tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    pipeline = await openSqliteRunStore(path.join(dir, 'pipeline.db'));
  });
  afterEach(async () => {
    await pipeline.close();
    await tracking.close();
    await store.close();
  });

  async function trainedRun(name: string, nested = false) {
    const run = await tracking.startRun({ experiment: MODEL_NAME, name });
    await run.logArtifact('model.ubj', `bytes of ${name}`);
    if (nested) await tracking.withRun({ experiment: MODEL_NAME, parentRunId: run.id }, async () => {});
    await run.end();
    return run.id;
  }

  it('lists nothing young, then removes what aged past each limit and nothing it must keep', async () => {
    const champion = await trainedRun('champion');
    const challenger = await trainedRun('challenger', true);
    const newest = await trainedRun('newest');
    const stray = await trainedRun('no version', true);
    const running = await tracking.startRun({ experiment: MODEL_NAME, name: 'still running' });
    for (const runId of [champion, challenger, newest])
      await tracking.registry.createModelVersion({ modelName: MODEL_NAME, runId, artifactPath: 'model.ubj' });
    await tracking.registry.setAlias(MODEL_NAME, CHAMPION, 1, { actor: 'test' });

    await pipeline.createRun({
      id: 'old',
      dag: dag.toJSON(),
      trigger: 'manual',
      params: {},
      logicalDate: new Date(),
    });
    await pipeline.startRun('old', 'me');
    await pipeline.appendLog('old', 'only', 1, 'info', 'hello');
    await pipeline.finishRun('old', 'success');

    await commitRows(store, PREDICTION_LOG_TABLE, 'SELECT 1 AS customer_id');
    await commitRows(store, PREDICTION_LOG_TABLE, 'SELECT 2 AS customer_id');
    const segments = store.read[PREDICTION_LOG_TABLE]!.files.map((f) => f.key);

    const young = await collectGarbage(sources(), retention, { dryRun: true });
    expect(young.plan.items).toEqual([]);
    expect(young.plan.kept).toEqual({ champion: 1, versions: [1, 3] });

    // 200 days on: past every default limit (30, 90, 90 and 180 days).
    const later = Date.now() + 200 * DAY_MS;
    const { plan, outcome } = await collectGarbage(sources(), retention, { dryRun: false, now: later });
    const byKind = (kind: string) => plan.items.filter((i) => i.kind === kind).map((i) => i.id);
    expect(byKind('model-version')).toEqual(['v2']);
    expect(byKind('tracking-run')).toEqual([stray]);
    expect(byKind('pipeline-run')).toEqual(['old']);
    expect(byKind('prediction-log').sort()).toEqual([...segments].sort());
    expect(outcome?.skipped).toEqual([]);

    expect((await tracking.registry.listModelVersions(MODEL_NAME)).map((v) => v.version)).toEqual([1, 3]);
    for (const gone of [challenger, stray]) {
      await expect(tracking.getRun(gone)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
    }
    expect((await tracking.getRun(running.id)).status).toBe('RUNNING');
    await expect(pipeline.getRun('old')).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
    const log = await store.shared.catalog.currentSnapshot(PREDICTION_LOG_TABLE);
    expect(log?.files).toEqual([]);

    // Seen from 200 days on, the snapshots that listed them are past the grace period as well, so
    // the same pass forgets those snapshots and deletes the segments' files.
    const released = outcome?.removed.filter(
      (i) => i.kind === 'prediction-log' && i.reason.includes('superseded'),
    );
    expect(released?.map((i) => i.id).sort()).toEqual([...segments].sort());
    for (const key of segments) expect(await store.shared.objects.exists(key)).toBe(false);
    const segmentBytes = released?.reduce((sum, i) => sum + i.bytes, 0) ?? 0;
    expect(segmentBytes).toBeGreaterThan(0);
    expect(outcome?.bytes).toBe(
      plan.items.filter((i) => i.kind !== 'prediction-log').reduce((s, i) => s + i.bytes, 0) + segmentBytes,
    );

    // Nothing is left to remove: a second pass is a no-op.
    const again = await collectGarbage(sources(), retention, { dryRun: false, now: later });
    expect(again.outcome?.removed).toEqual([]);
    await running.end();
  });
});
