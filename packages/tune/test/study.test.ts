import { describe, expect, it } from 'vitest';
import { createStudy, loadStudy, InMemoryStorage, RandomSampler, toCsv, TuneError } from '../src/index.ts';

describe('study ask/tell', () => {
  it('numbers trials, records values and finds the best trial', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    for (let i = 0; i < 3; i++) {
      const t = await study.ask();
      expect(t.number).toBe(i);
      await study.tell(t, [5, 2, 9][i]!);
    }
    expect(study.bestTrial?.number).toBe(1);
    expect((await study.getBestTrial()).value).toBe(2);
    expect(study.trials.map((t) => t.state)).toEqual(['complete', 'complete', 'complete']);
    expect(Object.isFrozen(study.trials[0])).toBe(true);
  });

  it('refuses to tell a trial twice', async () => {
    const study = await createStudy();
    const t = await study.ask();
    await study.tell(t, 1);
    await expect(study.tell(t, 2)).rejects.toMatchObject({ code: 'TRIAL_NOT_RUNNING' });
    expect(() => t.suggestFloat('x', 0, 1)).toThrow(TuneError);
  });

  it('records a failing objective with its error and keeps going', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 2 }) });
    await study.optimize(
      (t) => {
        const x = t.suggestFloat('x', 0, 1);
        if (t.number === 1) throw new Error('boom');
        if (t.number === 2) return NaN;
        return x;
      },
      { nTrials: 5 },
    );
    const trials = await study.getTrials();
    expect(trials.map((t) => t.state)).toEqual(['complete', 'failed', 'failed', 'complete', 'complete']);
    expect(trials[1]!.error).toBe('Error: boom');
    expect(trials[2]!.error).toMatch(/NaN/);
    expect(trials[1]!.params.x).toBeTypeOf('number');
  });

  it('runs enqueued trials first with their fixed parameters', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 3 }) });
    await study.enqueueTrial({ eta: 0.1, booster: 'dart' });
    await study.optimize(
      (t) =>
        t.suggestFloat('eta', 0.01, 0.3, { log: true }) +
        (t.suggestCategorical('booster', ['gbtree', 'dart']) === 'dart' ? 0 : 1) +
        t.suggestInt('depth', 2, 8),
      { nTrials: 3 },
    );
    const [first, second] = study.trials;
    expect(first!.params.eta).toBe(0.1);
    expect(first!.params.booster).toBe('dart');
    expect(first!.params.depth).toBeTypeOf('number');
    expect(second!.params.eta).not.toBe(0.1);
    expect(study.trials).toHaveLength(3);
  });

  it('keeps user attributes and exports rows, CSV and history', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 4 }) });
    await study.optimize(
      (t) => {
        t.setUserAttr('fold', { auc: [0.7, 0.8] });
        return [3, 1, 2][t.number]! + 0 * t.suggestFloat('x', 0, 1);
      },
      { nTrials: 3 },
    );
    const rows = await study.exportTrials();
    expect(rows[0]).toMatchObject({
      number: 0,
      state: 'complete',
      value: 3,
      user_attrs_fold: '{"auc":[0.7,0.8]}',
    });
    expect(rows[0]!.params_x).toBeTypeOf('number');
    const csv = toCsv(rows);
    expect(csv.split('\n')[0]).toBe(
      'number,state,value,started_at,completed_at,duration_ms,params_x,user_attrs_fold,error',
    );
    expect(csv).toContain('"{""auc"":[0.7,0.8]}"');
    expect((await study.optimizationHistory()).map((p) => [p.number, p.value, p.best])).toEqual([
      [0, 3, 3],
      [1, 1, 1],
      [2, 2, 1],
    ]);
  });

  it('stops on timeout and on abort, letting running trials finish', async () => {
    const study = await createStudy({ sampler: new RandomSampler() });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await study.optimize(
      async (t) => {
        await sleep(20);
        return t.suggestFloat('x', 0, 1);
      },
      { timeoutMs: 90 },
    );
    // Wall-clock bound: on a loaded machine fewer trials fit, but the study must stop near 90 ms.
    expect(study.trials.length).toBeGreaterThanOrEqual(1);
    expect(study.trials.length).toBeLessThanOrEqual(7);
    expect(study.trials.every((t) => t.state === 'complete')).toBe(true);

    const controller = new AbortController();
    const aborted = await createStudy();
    await aborted.optimize(
      async (t) => {
        if (t.number === 2) controller.abort();
        await sleep(1);
        return t.suggestFloat('x', 0, 1);
      },
      { nTrials: 100, signal: controller.signal },
    );
    expect(aborted.trials).toHaveLength(3);
  });

  it('keeps `concurrency` async trials in flight', async () => {
    const study = await createStudy();
    let inFlight = 0;
    let peak = 0;
    await study.optimize(
      async (t) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 10));
        inFlight--;
        return t.suggestFloat('x', 0, 1);
      },
      { nTrials: 12, concurrency: 4 },
    );
    expect(peak).toBe(4);
    expect(study.trials.map((t) => t.number)).toEqual([...Array(12).keys()]);
  });

  it('with heartbeats, fails trials of a dead process but not live ones', async () => {
    const storage = new InMemoryStorage();
    // A trial is stale after two intervals without a heartbeat. At 20 ms a loaded machine (a CI run
    // beside other work) delayed the live trial's own heartbeat timer past 40 ms and failed it too;
    // 250 ms leaves the live timer half a second of slack and still ages the orphan out.
    const study = await createStudy({ name: 'hb', storage, heartbeatIntervalMs: 250 });
    // A trial of a process that crashed after one heartbeat.
    const orphan = await storage.createTrial(1, { state: 'running' });
    await storage.recordHeartbeat(orphan.id);
    const live = await study.ask();
    await new Promise((r) => setTimeout(r, 700));
    const next = await study.ask();
    const trials = await study.getTrials();
    expect(trials.find((t) => t.id === orphan.id)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/StaleTrial/),
    });
    expect(trials.find((t) => t.id === live.id)?.state).toBe('running');
    await study.tell(live, 1);
    await study.tell(next, 2);
    expect(study.bestTrial?.value).toBe(1);
  });

  it('creates, refuses duplicates, resumes and loads by name', async () => {
    const storage = new InMemoryStorage();
    await createStudy({ name: 's', storage, direction: 'maximize' });
    await expect(createStudy({ name: 's', storage })).rejects.toMatchObject({ code: 'STUDY_EXISTS' });
    await expect(
      createStudy({ name: 's', storage, loadIfExists: true, direction: 'minimize' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await createStudy({ name: 's', storage, loadIfExists: true })).direction).toBe('maximize');
    expect((await loadStudy({ name: 's', storage })).name).toBe('s');
    await expect(loadStudy({ name: 'nope', storage })).rejects.toMatchObject({ code: 'STUDY_NOT_FOUND' });
  });
});
