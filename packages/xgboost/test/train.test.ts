import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DMatrix, isXGBoostError, train, XGBoostError, type XGBoostParams } from '../src/index.ts';
import { binaryData } from './helpers.ts';

const COLS = 5;
let dtrain: DMatrix;
let dvalid: DMatrix;
const params: XGBoostParams = {
  objective: 'binary:logistic',
  max_depth: 4,
  eta: 0.5,
  tree_method: 'hist',
  seed: 3,
};

beforeAll(() => {
  const { X, y } = binaryData(3000, COLS, 11);
  dtrain = DMatrix.fromDense(X.subarray(0, 2000 * COLS), { ncol: COLS, label: y.subarray(0, 2000) });
  dvalid = DMatrix.fromDense(X.subarray(2000 * COLS), { ncol: COLS, label: y.subarray(2000) });
});

afterAll(() => {
  dtrain.dispose();
  dvalid.dispose();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('train', () => {
  it('trains the requested rounds and records the eval history', async () => {
    const { booster, history, numIterations, bestIteration, stoppedEarly } = await train(
      { ...params, eval_metric: ['logloss', 'auc'] },
      dtrain,
      {
        numBoostRound: 8,
        evals: [
          [dtrain, 'train'],
          [dvalid, 'valid'],
        ],
      },
    );
    expect(numIterations).toBe(8);
    expect(booster.numBoostedRounds).toBe(8);
    expect(bestIteration).toBe(7);
    expect(stoppedEarly).toBe(false);
    expect(history.valid?.logloss).toHaveLength(8);
    expect(history.train?.auc?.[7]).toBeGreaterThan(0.8);
    const ll = history.train?.logloss ?? [];
    expect(ll[7]).toBeLessThan(ll[0] ?? 0);
    booster.dispose();
  });

  it('matches the equivalent hand-written loop bit for bit', async () => {
    const { booster } = await train(params, dtrain, { numBoostRound: 5 });
    const { Booster } = await import('../src/index.ts');
    const manual = Booster.create(params, [dtrain]);
    for (let i = 0; i < 5; i++) manual.update(dtrain, i);
    expect(Array.from(manual.predict(dvalid).values)).toEqual(Array.from(booster.predict(dvalid).values));
    manual.dispose();
    booster.dispose();
  });

  it('stops early on the last metric of the last eval set and records the best iteration', async () => {
    const result = await train({ ...params, eta: 1, max_depth: 8, eval_metric: ['auc', 'logloss'] }, dtrain, {
      numBoostRound: 300,
      evals: [
        [dtrain, 'train'],
        [dvalid, 'valid'],
      ],
      earlyStoppingRounds: 5,
    });
    const losses = result.history.valid?.logloss ?? [];
    expect(result.stoppedEarly).toBe(true);
    expect(result.numIterations).toBe(result.bestIteration + 6);
    expect(result.numIterations).toBeLessThan(300);
    expect(result.bestScore).toBe(Math.min(...losses));
    expect(losses.indexOf(Math.min(...losses))).toBe(result.bestIteration);
    expect(result.booster.bestIteration).toBe(result.bestIteration);
    const best = result.booster.predict(dvalid, { iterationRange: 'best' });
    const sliced = result.booster.slice(0, result.bestIteration + 1);
    expect(Array.from(best.values)).toEqual(Array.from(sliced.predict(dvalid).values));
    sliced.dispose();
    result.booster.dispose();
  });

  it('maximises AUC-like metrics by default and honours maximize', async () => {
    const auc = await train({ ...params, eval_metric: 'auc' }, dtrain, {
      numBoostRound: 30,
      evals: [[dvalid, 'valid']],
      earlyStoppingRounds: 3,
    });
    expect(auc.bestScore).toBe(Math.max(...(auc.history.valid?.auc ?? [])));
    auc.booster.dispose();
  });

  it('calls callbacks every round and stops when one says so', async () => {
    const seen: number[] = [];
    const { numIterations, booster } = await train(params, dtrain, {
      numBoostRound: 50,
      evals: [[dvalid, 'valid']],
      callbacks: [
        (info) => {
          seen.push(info.iteration);
          expect(info.evals.valid?.logloss).toBeGreaterThan(0);
          return info.iteration === 3 ? 'stop' : undefined;
        },
      ],
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(numIterations).toBe(4);
    expect(booster.numBoostedRounds).toBe(4);
    booster.dispose();
  });

  it('propagates an error thrown by a callback (pruning)', async () => {
    class Pruned extends Error {}
    const err = await rejection(
      train(params, dtrain, {
        numBoostRound: 50,
        callbacks: [
          async (info) => {
            if (info.iteration === 2) throw new Pruned('pruned at 2');
          },
        ],
      }),
    );
    expect(err).toBeInstanceOf(Pruned);
  });

  it('stops when the AbortSignal fires', async () => {
    const controller = new AbortController();
    const err = await rejection(
      train(params, dtrain, {
        numBoostRound: 10_000,
        signal: controller.signal,
        callbacks: [(info) => void (info.iteration === 5 && controller.abort(new Error('user cancelled')))],
      }),
    );
    expect(isXGBoostError(err, 'ABORTED')).toBe(true);
    expect(((err as XGBoostError).cause as Error).message).toBe('user cancelled');
    const already = await rejection(train(params, dtrain, { signal: AbortSignal.abort() }));
    expect(isXGBoostError(already, 'ABORTED')).toBe(true);
  });

  it('rejects an unknown parameter by name before training', async () => {
    const err = await rejection(train({ ...params, max_dpeth: 3 } as XGBoostParams, dtrain));
    expect(isXGBoostError(err, 'UNKNOWN_PARAMETER')).toBe(true);
    expect((err as Error).message).toContain('"max_dpeth"');
  });

  it('surfaces XGBoost native errors raised on the training thread', async () => {
    const bad = await rejection(train({ ...params, max_depth: -1 }, dtrain, { numBoostRound: 2 }));
    expect(isXGBoostError(bad, 'NATIVE')).toBe(true);
    expect((bad as Error).message).toMatch(/max_depth/);
    const objective = await rejection(train({ objective: 'reg:nonsense' }, dtrain, { numBoostRound: 2 }));
    expect((objective as Error).message).toMatch(/Unknown objective function.*reg:nonsense/);
    // The pool replaced nothing: the next training still works.
    const ok = await train(params, dtrain, { numBoostRound: 1 });
    expect(ok.numIterations).toBe(1);
    ok.booster.dispose();
  });

  it('validates options', async () => {
    expect(
      isXGBoostError(await rejection(train(params, dtrain, { earlyStoppingRounds: 3 })), 'INVALID_ARGUMENT'),
    ).toBe(true);
    const narrow = DMatrix.fromDense(new Float32Array(4), { ncol: 4, label: [1] });
    const err = await rejection(train(params, dtrain, { evals: [[narrow, 'narrow']] }));
    expect(isXGBoostError(err, 'FEATURE_MISMATCH')).toBe(true);
    narrow.dispose();
  });

  it('keeps matrices alive when disposed during training', async () => {
    const { X, y } = binaryData(500, COLS, 5);
    const m = DMatrix.fromDense(X, { ncol: COLS, label: y });
    const pending = train(params, m, {
      numBoostRound: 5,
      callbacks: [(info) => void (info.iteration === 0 && m.dispose())],
    });
    const { booster } = await pending;
    expect(booster.numBoostedRounds).toBe(5);
    expect(m.disposed).toBe(true);
    booster.dispose();
  });

  it('regression: a booster trained on a reused worker never inherits a freed booster cache', async () => {
    for (let round = 0; round < 4; round++) {
      const wide = await train(params, dtrain, { numBoostRound: 1 });
      wide.booster.dispose();
      const narrow = DMatrix.fromDense(new Float32Array([0, 1, 1, 0, 0.5, 0.5]), {
        ncol: 2,
        label: [0, 1, 0],
      });
      const { booster } = await train(params, narrow, { numBoostRound: 1 });
      expect(booster.numFeatures).toBe(2);
      booster.dispose();
      narrow.dispose();
    }
  });

  it('trains on categorical features', async () => {
    const rows = 1200;
    const X = new Float32Array(rows * 2);
    const y = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
      const category = i % 6;
      X[i * 2] = category;
      X[i * 2 + 1] = (i % 7) / 7;
      y[i] = category === 1 || category === 4 ? 1 : 0;
    }
    const m = DMatrix.fromDense(X, {
      ncol: 2,
      label: y,
      featureNames: ['category', 'x'],
      featureTypes: ['c', 'q'],
      enableCategorical: true,
    });
    const { booster } = await train(
      { objective: 'binary:logistic', tree_method: 'hist', max_cat_to_onehot: 1 },
      m,
      {
        numBoostRound: 10,
      },
    );
    expect(booster.featureTypes).toEqual(['c', 'q']);
    const p = booster.predict(m).values;
    expect(p[1]).toBeGreaterThan(0.9);
    expect(p[2]).toBeLessThan(0.1);
    const tree = JSON.stringify(booster.dumpTrees()[0]);
    expect(tree).toContain('category');
    booster.dispose();
    m.dispose();
  });
});
