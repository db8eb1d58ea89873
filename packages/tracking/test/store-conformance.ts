import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../src/artifacts/local-artifact-store.ts';
import { TrackingClient } from '../src/client.ts';
import { artifactKey } from '../src/runs/active-run.ts';
import { TrackingError } from '../src/errors.ts';
import type { TrackingStore } from '../src/store/tracking-store.ts';
import { assertConsistentChain, type OpenFixture, type StoreFixture } from './helpers.ts';

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof TrackingError && e.code === code);
}

/** The contract every TrackingStore keeps; run by the SQLite and Postgres test files. */
export function describeStoreConformance(name: string, open: OpenFixture, enabled = true): void {
  describe.runIf(enabled)(`TrackingStore conformance: ${name}`, () => {
    let fx: StoreFixture;
    let store: TrackingStore;
    let client: TrackingClient;

    beforeEach(async () => {
      fx = await open();
      store = fx.store;
      client = await TrackingClient.open({
        store,
        artifacts: new LocalArtifactStore(join(fx.dir, 'artifacts')),
        flushIntervalMs: 60_000,
      });
    });
    afterEach(async () => {
      await client.close();
      await fx.cleanup();
    });

    it('creates experiments once and finds them by name', async () => {
      const e = await store.createExperiment('weekly', 'the weekly loop');
      expect(Object.isFrozen(e)).toBe(true);
      await expectCode(store.createExperiment('weekly'), 'EXPERIMENT_ALREADY_EXISTS');
      expect((await store.ensureExperiment('weekly')).id).toBe(e.id);
      expect((await store.findExperimentByName('weekly'))?.description).toBe('the weekly loop');
      await expectCode(store.getExperiment('missing'), 'EXPERIMENT_NOT_FOUND');
      const both = await Promise.all([store.ensureExperiment('x'), store.ensureExperiment('x')]);
      expect(both[0].id).toBe(both[1].id);
    });

    it('moves a run from RUNNING to one terminal state only, and refuses data afterwards', async () => {
      const run = await client.startRun({ experiment: 'e', name: 'r1' });
      const info = await run.info();
      expect(info.status).toBe('RUNNING');
      expect(info.pid).toBe(process.pid);
      expect(info.host).toBe(hostname());
      const ended = await run.end('FAILED');
      expect(ended.status).toBe('FAILED');
      expect(ended.endTime).not.toBeNull();
      expect(Object.isFrozen(ended)).toBe(true);
      await expectCode(store.endRun(run.id, 'FINISHED'), 'RUN_NOT_ACTIVE');
      await expectCode(store.logParams(run.id, [{ key: 'a', value: '1' }]), 'RUN_NOT_ACTIVE');
      await expectCode(store.getRun('nope'), 'RUN_NOT_FOUND');
      await expectCode(
        store.logMetrics('nope', [{ key: 'm', value: 1, step: 0, timestamp: 1 }]),
        'RUN_NOT_FOUND',
      );
    });

    it('keeps params immutable but accepts the same value again', async () => {
      const run = await client.startRun({ experiment: 'e', params: { eta: 0.1, depth: 6 } });
      await run.logParams({ eta: 0.1 });
      await expectCode(run.logParams({ eta: 0.2 }), 'PARAM_ALREADY_LOGGED');
      await expectCode(run.logParams({ fresh: 1, depth: 7 }), 'PARAM_ALREADY_LOGGED');
      const d = await store.getRunDetails(run.id);
      // The failed batch is atomic: "fresh" did not land either.
      expect(d.params).toEqual([
        { key: 'depth', value: '6' },
        { key: 'eta', value: '0.1' },
      ]);
    });

    it('batches metrics, keeps full history and the latest value per key', async () => {
      const run = await client.startRun({ experiment: 'e' });
      for (let step = 0; step < 30; step++)
        run.logMetrics({ loss: 1 / (step + 1), auc: step / 100 }, step, 1000 + step);
      // An out-of-order late point for an earlier step must not become "latest".
      run.logMetric('loss', 42, 3, 5000);
      await run.flush();
      const hist = await store.getMetricHistory(run.id, 'loss');
      expect(hist).toHaveLength(31);
      expect(hist[0]?.step).toBe(0);
      const d = await store.getRunDetails(run.id);
      const latest = Object.fromEntries(d.latestMetrics.map((m) => [m.key, m]));
      expect(latest.loss?.step).toBe(29);
      expect(latest.loss?.value).toBeCloseTo(1 / 30);
      expect(latest.auc?.value).toBeCloseTo(0.29);
      await expectCode(
        store.logMetrics(run.id, [{ key: 'x', value: Number.NaN, step: 0, timestamp: 0 }]),
        'INVALID_ARGUMENT',
      );
    });

    it('searches, filters and orders runs by metrics, params and tags', async () => {
      const parent = await client.startRun({ experiment: 's', name: 'parent' });
      const aucs = [0.7, 0.9, 0.8, 0.95];
      for (const [i, auc] of aucs.entries()) {
        const r = await client.startRun({
          experiment: 's',
          name: `trial-${i}`,
          parentRunId: parent.id,
          params: { depth: String(4 + i) },
          tags: { kind: i % 2 === 0 ? 'even' : 'odd' },
        });
        r.logMetric('auc', auc - 0.1, 0);
        r.logMetric('auc', auc, 1);
        await r.end();
      }
      const noMetric = await client.startRun({ experiment: 's', name: 'no-metric', parentRunId: parent.id });
      await noMetric.end();
      const exp = await client.getExperimentByName('s');
      const byAuc = await store.searchRuns({
        experimentIds: [exp.id],
        parentRunId: parent.id,
        orderBy: [{ field: { kind: 'metric', key: 'auc' }, direction: 'desc' }],
      });
      expect(byAuc.map((r) => r.name)).toEqual(['trial-3', 'trial-1', 'trial-2', 'trial-0', 'no-metric']);
      const good = await store.searchRuns({
        experimentIds: [exp.id],
        where: [
          { kind: 'metric', key: 'auc', op: '>=', value: 0.8 },
          { kind: 'tag', key: 'kind', op: '=', value: 'odd' },
        ],
      });
      expect(good.map((r) => r.name).sort()).toEqual(['trial-1', 'trial-3']);
      const depth = await store.searchRuns({ where: [{ kind: 'param', key: 'depth', op: '=', value: '6' }] });
      expect(depth.map((r) => r.name)).toEqual(['trial-2']);
      const top = await store.searchRuns({ parentRunId: null, statuses: ['RUNNING'] });
      expect(top.map((r) => r.name)).toEqual(['parent']);
      const page = await store.searchRuns({
        parentRunId: parent.id,
        orderBy: [{ field: { kind: 'metric', key: 'auc' }, direction: 'asc' }],
        limit: 2,
        offset: 1,
      });
      expect(page.map((r) => r.name)).toEqual(['trial-2', 'trial-1']);
      await expectCode(store.searchRuns({ limit: 0 }), 'INVALID_ARGUMENT');
    });

    it('stores artifacts and dataset inputs with digests', async () => {
      const run = await client.startRun({ experiment: 'a' });
      const rec = await run.logJson('eval/metrics.json', { auc: 0.9 });
      expect(rec.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(rec.contentType).toBe('application/json');
      await run.logImage('plots/roc.png', new Uint8Array([137, 80, 78, 71]));
      await expectCode(run.logImage('plots/roc.txt', new Uint8Array([1])), 'INVALID_ARGUMENT');
      await expectCode(run.logArtifact('../escape', 'x'), 'INVALID_ARGUMENT');
      await run.logInput({ name: 'train', digest: 'sha256:abc', schema: { x: 'DOUBLE' }, rowCount: 10 });
      await run.logInput({ name: 'train', digest: 'sha256:abc', schema: { x: 'DOUBLE' }, rowCount: 10 });
      const d = await store.getRunDetails(run.id);
      expect(d.artifacts.map((a) => a.path)).toEqual(['eval/metrics.json', 'plots/roc.png']);
      expect(d.inputs).toEqual([
        {
          runId: run.id,
          name: 'train',
          digest: 'sha256:abc',
          schema: { x: 'DOUBLE' },
          rowCount: 10,
          context: 'train',
        },
      ]);
      expect(
        JSON.parse(new TextDecoder().decode(await client.readArtifact(run.id, 'eval/metrics.json'))),
      ).toEqual({
        auc: 0.9,
      });
      expect((await store.findRunsByInputDigest('sha256:abc')).map((i) => i.runId)).toEqual([run.id]);
      await expectCode(client.readArtifact(run.id, 'missing.bin'), 'ARTIFACT_NOT_FOUND');
    });

    async function trainedRun(auc: number, exp = 'train') {
      const run = await client.startRun({ experiment: exp, params: { auc_target: auc } });
      run.logMetric('auc', auc, 1);
      await run.logArtifact('model.ubj', `model with auc ${auc}`);
      await run.end();
      return run.id;
    }

    it('creates dense version numbers with a metrics snapshot, even concurrently', async () => {
      const runId = await trainedRun(0.8);
      const v1 = await store.createModelVersion({
        modelName: 'purchase',
        runId,
        artifactPath: 'model.ubj',
        signature: { inputs: [{ name: 'recency', type: 'float' }] },
        description: 'first',
      });
      expect(v1.version).toBe(1);
      expect(v1.metrics).toEqual({ auc: 0.8 });
      expect(v1.signature?.inputs[0]?.name).toBe('recency');
      expect(Object.isFrozen(v1.metrics)).toBe(true);
      const many = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.createModelVersion({ modelName: 'purchase', runId, artifactPath: 'model.ubj' }),
        ),
      );
      expect(many.map((v) => v.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      await expectCode(
        store.createModelVersion({ modelName: 'purchase', runId, artifactPath: 'nope.ubj' }),
        'ARTIFACT_NOT_FOUND',
      );
      await expectCode(store.getModelVersion('purchase', 99), 'VERSION_NOT_FOUND');
      const failed = await client.startRun({ experiment: 'train' });
      await failed.logArtifact('model.ubj', 'half-trained');
      await failed.end('FAILED');
      await expectCode(
        store.createModelVersion({ modelName: 'purchase', runId: failed.id, artifactPath: 'model.ubj' }),
        'INVALID_ARGUMENT',
      );
      await expectCode(store.getModelVersion('ghost', 1), 'MODEL_NOT_FOUND');
    });

    it('moves aliases with history: who, when, why and the gate result', async () => {
      const runId = await trainedRun(0.8);
      for (let i = 0; i < 3; i++)
        await store.createModelVersion({ modelName: 'm', runId, artifactPath: 'model.ubj' });
      await store.setAlias('m', 'champion', 1, { actor: 'alice', reason: 'first' });
      const same = await store.setAlias('m', 'champion', 1, { actor: 'bob' });
      expect(same.actor).toBe('alice');
      await store.setAlias('m', 'champion', 2, {
        actor: 'flow',
        reason: 'better auc',
        gate: { passed: true, delta: 0.02 },
      });
      await store.setAlias('m', 'challenger', 3, { actor: 'flow' });
      const h = await store.getAliasHistory('m', 'champion');
      expect(h.map((e) => [e.version, e.actor, e.action])).toEqual([
        [1, 'alice', 'set'],
        [2, 'flow', 'set'],
      ]);
      expect(h[1]?.gate).toEqual({ passed: true, delta: 0.02 });
      assertConsistentChain(h, (await store.getAlias('m', 'champion')).version);
      expect((await store.listAliases('m')).map((a) => [a.alias, a.version])).toEqual([
        ['challenger', 3],
        ['champion', 2],
      ]);
      await expectCode(store.setAlias('m', 'champion', 9, { actor: 'x' }), 'VERSION_NOT_FOUND');
      await expectCode(store.setAlias('m', '1bad', 1, { actor: 'x' }), 'INVALID_ARGUMENT');
      await expectCode(store.setAlias('m', 'champion', 1, { actor: '' }), 'INVALID_ARGUMENT');
      await expectCode(store.getAlias('m', 'nobody'), 'ALIAS_NOT_FOUND');
    });

    it('keeps the alias history a consistent chain under concurrent moves', async () => {
      const runId = await trainedRun(0.8);
      for (let i = 0; i < 4; i++)
        await store.createModelVersion({ modelName: 'c', runId, artifactPath: 'model.ubj' });
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          store.setAlias('c', 'champion', (i % 4) + 1, { actor: `worker-${i}`, reason: 'race' }),
        ),
      );
      const h = await store.getAliasHistory('c', 'champion');
      assertConsistentChain(h, (await store.getAlias('c', 'champion')).version);
      expect(h.length).toBeGreaterThanOrEqual(4);
    });

    it('rolls an alias back like an undo stack, with a reason, skipping archived versions', async () => {
      const runId = await trainedRun(0.8);
      for (let i = 0; i < 4; i++)
        await store.createModelVersion({ modelName: 'r', runId, artifactPath: 'model.ubj' });
      await expectCode(
        store.rollbackAlias('r', 'champion', { actor: 'ops', reason: 'x' }),
        'ALIAS_NOT_FOUND',
      );
      for (const v of [1, 2, 3, 4]) await store.setAlias('r', 'champion', v, { actor: 'flow' });
      await expectCode(store.rollbackAlias('r', 'champion', { actor: 'ops' }), 'INVALID_ARGUMENT');
      const back = await store.rollbackAlias('r', 'champion', { actor: 'ops', reason: 'v4 regressed' });
      expect([back.version, back.action, back.reason]).toEqual([3, 'rollback', 'v4 regressed']);
      await store.archiveVersion('r', 2);
      const again = await store.rollbackAlias('r', 'champion', { actor: 'ops', reason: 'v3 too' });
      expect(again.version).toBe(1);
      await expectCode(
        store.rollbackAlias('r', 'champion', { actor: 'ops', reason: 'no more' }),
        'NOTHING_TO_ROLL_BACK',
      );
      const to = await store.rollbackAlias('r', 'champion', {
        actor: 'ops',
        reason: 'explicit',
        toVersion: 4,
      });
      expect(to.version).toBe(4);
      assertConsistentChain(await store.getAliasHistory('r', 'champion'), 4);
    });

    it('archives versions not held by an alias and never aliases an archived one', async () => {
      const runId = await trainedRun(0.8);
      await store.createModelVersion({ modelName: 'z', runId, artifactPath: 'model.ubj' });
      await store.createModelVersion({ modelName: 'z', runId, artifactPath: 'model.ubj' });
      await store.setAlias('z', 'champion', 1, { actor: 'a' });
      await expectCode(store.archiveVersion('z', 1), 'VERSION_IN_USE');
      const archived = await store.archiveVersion('z', 2);
      expect(archived.status).toBe('ARCHIVED');
      await expectCode(store.setAlias('z', 'champion', 2, { actor: 'a' }), 'VERSION_ARCHIVED');
    });

    it('deletes a run with its nested runs, data and artifact bytes, but never one in use', async () => {
      const parent = await client.startRun({ experiment: 'gc', name: 'train', params: { eta: 0.1 } });
      parent.logMetric('f1', 0.4, 1);
      await parent.logArtifact('model.ubj', 'model bytes');
      const gate = await client.startRun({ experiment: 'gc', name: 'gate', parentRunId: parent.id });
      await gate.logArtifact('gate.json', '{}');
      await expectCode(client.deleteRun(parent.id), 'RUN_IN_USE');
      await gate.end();
      await parent.end();
      const kept = await trainedRun(0.7, 'gc');
      const deleted = await client.deleteRun(parent.id);
      expect(deleted.runIds).toEqual([parent.id, gate.id]);
      expect(deleted.artifacts.map((a) => a.path)).toEqual(['gate.json', 'model.ubj']);
      await expectCode(store.getRun(parent.id), 'RUN_NOT_FOUND');
      await expectCode(store.getRun(gate.id), 'RUN_NOT_FOUND');
      expect(await client.artifacts.exists(artifactKey(parent.id, 'model.ubj'))).toBe(false);
      expect(await client.artifacts.exists(artifactKey(kept, 'model.ubj'))).toBe(true);
      expect((await store.getRunDetails(kept)).artifacts).toHaveLength(1);
      await expectCode(client.deleteRun(parent.id), 'RUN_NOT_FOUND');
      await store.createModelVersion({ modelName: 'gc', runId: kept, artifactPath: 'model.ubj' });
      await expectCode(client.deleteRun(kept), 'RUN_IN_USE');
    });

    it('finds artifact bytes no record or version points at, and deletes only those', async () => {
      const kept = await trainedRun(0.7, 'orphans');
      await store.createModelVersion({ modelName: 'orphans', runId: kept, artifactPath: 'model.ubj' });
      // A training killed between writing its model and recording it, with a temporary file beside.
      const killed = await client.startRun({ experiment: 'orphans', name: 'killed' });
      await killed.logArtifact('params.json', '{}');
      await client.artifacts.put(artifactKey(killed.id, 'model.ubj'), new TextEncoder().encode('unrecorded'));
      await client.artifacts.put(
        artifactKey(killed.id, 'model.ubj.1f2e.tmp'),
        new TextEncoder().encode('half'),
      );
      await killed.end('KILLED');
      // Bytes left by a run deletion cut short between the records and the bytes.
      await client.artifacts.put(artifactKey('gone-run', 'model.ubj'), new TextEncoder().encode('gone'));
      // A running run's bytes may be recorded any moment.
      const running = await client.startRun({ experiment: 'orphans', name: 'running' });
      await client.artifacts.put(artifactKey(running.id, 'model.ubj'), new TextEncoder().encode('in flight'));

      const later = Date.now() + 60_000;
      const found = await client.unreferencedArtifacts({ writtenBefore: later });
      expect(found.map((a) => [a.key, a.runExists, a.sizeBytes]).sort()).toEqual(
        [
          [artifactKey('gone-run', 'model.ubj'), false, 4],
          [artifactKey(killed.id, 'model.ubj'), true, 10],
          [artifactKey(killed.id, 'model.ubj.1f2e.tmp'), true, 4],
        ].sort(),
      );
      // Younger than the grace period: a write may be in progress.
      expect(await client.unreferencedArtifacts({ writtenBefore: Date.now() - 60_000 })).toEqual([]);

      for (const a of found) await client.deleteUnreferencedArtifact(a.key);
      expect(await client.unreferencedArtifacts({ writtenBefore: later })).toEqual([]);
      for (const a of found) expect(await client.artifacts.exists(a.key)).toBe(false);
      expect(await client.artifacts.exists(artifactKey(kept, 'model.ubj'))).toBe(true);
      expect(await client.artifacts.exists(artifactKey(killed.id, 'params.json'))).toBe(true);

      await expectCode(client.deleteUnreferencedArtifact(artifactKey(kept, 'model.ubj')), 'ARTIFACT_IN_USE');
      await expectCode(
        client.deleteUnreferencedArtifact(artifactKey(running.id, 'model.ubj')),
        'ARTIFACT_IN_USE',
      );
      await expectCode(client.deleteUnreferencedArtifact('models/elsewhere.bin'), 'INVALID_ARGUMENT');
      expect(await client.artifacts.exists(artifactKey(running.id, 'model.ubj'))).toBe(true);
      await running.end();
    });

    it('deletes a version only when it never held an alias and is not the newest', async () => {
      const runs = [await trainedRun(0.6), await trainedRun(0.7), await trainedRun(0.8)];
      for (const runId of runs)
        await store.createModelVersion({ modelName: 'd', runId, artifactPath: 'model.ubj' });
      await store.setAlias('d', 'champion', 1, { actor: 'flow' });
      await store.setAlias('d', 'champion', 3, { actor: 'flow' });
      await expectCode(store.deleteModelVersion('d', 1), 'VERSION_IN_USE');
      await expectCode(store.deleteModelVersion('d', 3), 'VERSION_IN_USE');
      await expectCode(store.deleteModelVersion('d', 9), 'VERSION_NOT_FOUND');
      expect((await store.deleteModelVersion('d', 2)).runId).toBe(runs[1]);
      expect((await store.listModelVersions('d')).map((v) => v.version)).toEqual([1, 3]);
      await client.deleteRun(runs[1] as string);
      // Numbers are never given out twice, even after a deletion below the newest.
      const next = await store.createModelVersion({
        modelName: 'd',
        runId: runs[2] as string,
        artifactPath: 'model.ubj',
      });
      expect(next.version).toBe(4);
      await expectCode(store.deleteModelVersion('d', 4), 'VERSION_IN_USE');
    });

    it('loads the model behind an alias and answers the lineage query', async () => {
      const pipeline = await client.startRun({ experiment: 'weekly', name: 'week-12' });
      const train = await client.startRun({ experiment: 'weekly', name: 'train', parentRunId: pipeline.id });
      await train.logParams({ max_depth: 6 });
      await train.logInput({
        name: 'features',
        digest: 'sha256:feat',
        schema: { recency: 'DOUBLE' },
        rowCount: 500,
      });
      train.logMetric('auc', 0.91, 10);
      const art = await train.logArtifact('model.ubj', new Uint8Array([1, 2, 3]));
      await train.end();
      const v = await client.registry.createModelVersion({
        modelName: 'purchase',
        runId: train.id,
        artifactPath: 'model.ubj',
      });
      await client.registry.setAlias('purchase', 'champion', v.version, {
        actor: 'flow',
        gate: { passed: true },
      });
      const loaded = await client.registry.loadModelByAlias('purchase', 'champion');
      expect([...loaded.bytes]).toEqual([1, 2, 3]);
      expect(loaded.version.artifactDigest).toBe(art.digest);
      expect(loaded.localPath).toBeDefined();
      const lineage = await client.registry.lineage('purchase', 'champion');
      expect(lineage.run.id).toBe(train.id);
      expect(lineage.parentRun?.name).toBe('week-12');
      expect(lineage.inputs.map((i) => [i.name, i.digest, i.rowCount])).toEqual([
        ['features', 'sha256:feat', 500],
      ]);
      expect(lineage.params).toEqual([{ key: 'max_depth', value: '6' }]);
      // A tampered artifact is refused rather than served.
      await writeFile(loaded.localPath as string, 'tampered');
      await expectCode(client.registry.loadModelByAlias('purchase', 'champion'), 'ARTIFACT_CORRUPT');
    });

    it('reaps RUNNING runs whose process died or whose heartbeat went stale', async () => {
      const e = await store.ensureExperiment('crash');
      const host = hostname();
      const deadPid = await store.createRun({ experimentId: e.id, host, pid: 2 ** 22 + 7 });
      const otherHost = await store.createRun({ experimentId: e.id, host: 'elsewhere', pid: 1 });
      const alive = await store.createRun({ experimentId: e.id, host, pid: process.pid });
      const reaped = await store.reapDeadRuns({
        host,
        isAlive: (pid) => pid === process.pid,
        staleAfterMs: 60_000,
      });
      expect(reaped.map((r) => r.id)).toEqual([deadPid.id]);
      expect((await store.getRun(deadPid.id)).status).toBe('KILLED');
      expect((await store.getRun(otherHost.id)).status).toBe('RUNNING');
      const stale = await store.reapDeadRuns({ host, isAlive: () => true, staleAfterMs: -1 });
      expect(stale.map((r) => r.id).sort()).toEqual([otherHost.id, alive.id].sort());
      expect(await store.heartbeat(alive.id)).toBe(false);
    });
  });
}
