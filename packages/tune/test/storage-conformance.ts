import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floatDistribution, TuneError, type Storage } from '../src/index.ts';

/**
 * The rules of the `Storage` interface, run against every implementation. `open` returns a fresh storage;
 * study names are prefixed with `prefix` so runs against a shared server do not collide.
 */
export function storageConformance(
  label: string,
  open: () => Promise<Storage>,
  prefix = '',
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip === true)(`Storage conformance: ${label}`, () => {
    let storage: Storage;
    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage?.close();
    });
    const name = (s: string) => `${prefix}${s}`;

    it('creates, finds and deletes studies; names are unique', async () => {
      const s = await storage.createStudy(name('a'), 'maximize');
      expect(s).toMatchObject({ name: name('a'), direction: 'maximize' });
      expect(await storage.getStudy(name('a'))).toEqual(s);
      await expect(storage.createStudy(name('a'), 'minimize')).rejects.toMatchObject({
        code: 'STUDY_EXISTS',
      });
      expect(await storage.getStudy(name('missing'))).toBeUndefined();
      await storage.createTrial(s.id, { state: 'running' });
      await storage.deleteStudy(name('a'));
      expect(await storage.getStudy(name('a'))).toBeUndefined();
    });

    it('numbers trials 0, 1, 2, … per study, also under concurrent creation', async () => {
      const s1 = await storage.createStudy(name('numbers-1'), 'minimize');
      const s2 = await storage.createStudy(name('numbers-2'), 'minimize');
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          storage.createTrial(i % 2 ? s1.id : s2.id, { state: 'running' }),
        ),
      );
      expect(new Set(created.map((t) => t.id)).size).toBe(10);
      const numbers = async (id: number) => (await storage.getAllTrials(id)).map((t) => t.number);
      expect(await numbers(s1.id)).toEqual([0, 1, 2, 3, 4]);
      expect(await numbers(s2.id)).toEqual([0, 1, 2, 3, 4]);
    });

    it('round-trips params, intermediate values (NaN too), user attributes and results, frozen', async () => {
      const s = await storage.createStudy(name('roundtrip'), 'minimize');
      const t = await storage.createTrial(s.id, { state: 'running' });
      expect(t.state).toBe('running');
      expect(t.startedAtMs).toBeTypeOf('number');
      const d = floatDistribution(0, 1);
      await storage.setTrialParam(t.id, 'x', d, 0.1 + 0.2);
      await storage.setTrialParam(t.id, 'c', { kind: 'categorical', choices: ['a', null, true, 3] }, null);
      await storage.setTrialIntermediateValue(t.id, 0, 0.5);
      await storage.setTrialIntermediateValue(t.id, 3, NaN);
      await storage.setTrialUserAttr(t.id, 'meta', { a: [1, 'b'] });
      const done = await storage.finishTrial(t.id, { state: 'complete', value: -Infinity });
      expect(done.state).toBe('complete');
      expect(done.value).toBe(-Infinity);
      expect(done.completedAtMs).toBeTypeOf('number');
      const back = await storage.getTrial(t.id);
      expect(back.params).toEqual({ x: 0.1 + 0.2, c: null });
      expect(back.distributions.x).toEqual(d);
      expect(back.intermediateValues[0]).toBe(0.5);
      expect(back.intermediateValues[3]).toBeNaN();
      expect(back.userAttrs).toEqual({ meta: { a: [1, 'b'] } });
      expect(Object.isFrozen(back) && Object.isFrozen(back.params)).toBe(true);
      expect((await storage.getAllTrials(s.id))[0]).toEqual(back);
    });

    it('finishes a trial once and refuses writes to finished trials', async () => {
      const s = await storage.createStudy(name('finish'), 'minimize');
      const t = await storage.createTrial(s.id, { state: 'running' });
      const failed = await storage.finishTrial(t.id, { state: 'failed', error: 'Error: boom' });
      expect(failed).toMatchObject({ state: 'failed', error: 'Error: boom', value: null });
      await expect(storage.finishTrial(t.id, { state: 'complete', value: 1 })).rejects.toMatchObject({
        code: 'TRIAL_NOT_RUNNING',
      });
      await expect(storage.setTrialIntermediateValue(t.id, 1, 1)).rejects.toBeInstanceOf(TuneError);
      await expect(storage.getTrial(987654)).rejects.toMatchObject({ code: 'TRIAL_NOT_FOUND' });
    });

    it('fails running trials whose heartbeat went stale, and only those', async () => {
      const s = await storage.createStudy(name('stale'), 'minimize');
      await storage.createTrial(s.id, { state: 'running' }); // never beats: heartbeats are off for it
      const dead = await storage.createTrial(s.id, { state: 'running' });
      const alive = await storage.createTrial(s.id, { state: 'running' });
      await storage.recordHeartbeat(dead.id);
      await new Promise((r) => setTimeout(r, 150));
      await storage.recordHeartbeat(alive.id);
      const reaped = await storage.failStaleTrials(s.id, Date.now() - 75);
      expect(reaped.map((t) => t.number)).toEqual([1]);
      expect(reaped[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/^StaleTrial/) });
      expect((await storage.getAllTrials(s.id)).map((t) => t.state)).toEqual([
        'running',
        'failed',
        'running',
      ]);
      await storage.recordHeartbeat(dead.id); // no-op on a finished trial
      expect((await storage.getTrial(dead.id)).state).toBe('failed');
    });

    it('claims waiting trials oldest first, each exactly once', async () => {
      const s = await storage.createStudy(name('waiting'), 'minimize');
      await storage.createTrial(s.id, { state: 'waiting', fixedParams: { x: 1 } });
      await storage.createTrial(s.id, { state: 'waiting', fixedParams: { x: 2 } });
      const claims = await Promise.all([
        storage.claimWaitingTrial(s.id),
        storage.claimWaitingTrial(s.id),
        storage.claimWaitingTrial(s.id),
      ]);
      const got = claims.filter((c) => c !== undefined);
      expect(got.map((c) => c.number).sort()).toEqual([0, 1]);
      expect(got.every((c) => c.state === 'running' && c.startedAtMs !== null)).toBe(true);
      expect(got.find((c) => c.number === 0)?.fixedParams).toEqual({ x: 1 });
      expect(await storage.claimWaitingTrial(s.id)).toBeUndefined();
    });
  });
}
