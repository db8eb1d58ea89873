import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booster, DMatrix, isXGBoostError, train, type TrainResult } from '../src/index.ts';
import { binaryData } from './helpers.ts';

const ROWS = 600;
const COLS = 4;
const names = ['a', 'b', 'c', 'd'];
let dtrain: DMatrix;
let result: TrainResult;
let booster: Booster;
let dir: string;
const { X, y } = binaryData(ROWS, COLS, 7);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xgb-booster-'));
  dtrain = DMatrix.fromDense(X, { ncol: COLS, label: y, featureNames: names });
  result = await train(
    { objective: 'binary:logistic', max_depth: 3, eta: 0.3, tree_method: 'hist', seed: 1 },
    dtrain,
    { numBoostRound: 12 },
  );
  booster = result.booster;
});

afterAll(() => {
  booster.dispose();
  dtrain.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function close(a: Float32Array, b: Float32Array, tol = 1e-6): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] ?? Number.NaN)) <= tol);
}

describe('Booster prediction', () => {
  it('predicts probabilities, and margins whose sigmoid they are', () => {
    const p = booster.predict(dtrain);
    expect(p.shape).toEqual([ROWS]);
    expect(p.values.every((v) => v > 0 && v < 1)).toBe(true);
    const m = booster.predict(dtrain, { output: 'margin' });
    const sigmoid = m.values.map((v) => 1 / (1 + Math.exp(-v)));
    expect(close(sigmoid, p.values, 1e-5)).toBe(true);
  });

  it('returns SHAP contributions that sum to the margin', () => {
    const c = booster.predict(dtrain, { output: 'contributions' });
    expect(c.shape).toEqual([ROWS, COLS + 1]);
    const m = booster.predict(dtrain, { output: 'margin' });
    for (let i = 0; i < 20; i++) {
      let sum = 0;
      for (let j = 0; j <= COLS; j++) sum += c.values[i * (COLS + 1) + j] ?? 0;
      expect(sum).toBeCloseTo(m.values[i] ?? 0, 4);
    }
    const inter = booster.predict(dtrain.slice([0, 1]), { output: 'interactions' });
    expect(inter.shape).toEqual([2, COLS + 1, COLS + 1]);
  });

  it('returns leaf indices per tree', () => {
    const l = booster.predict(dtrain, { output: 'leaf' });
    expect(l.shape).toEqual([ROWS, 12]);
    expect(l.values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('honours iteration ranges', () => {
    const first = booster.predict(dtrain, { output: 'margin', iterationRange: [0, 1] });
    const sliced = booster.slice(0, 1);
    expect(close(first.values, sliced.predict(dtrain, { output: 'margin' }).values)).toBe(true);
    sliced.dispose();
    const all = booster.predict(dtrain, { output: 'margin' });
    expect(close(first.values, all.values)).toBe(false);
    expect(() => booster.predict(dtrain, { iterationRange: [3, 1] })).toThrow(/iterationRange/);
  });

  it('uses the thread count asked for', () => {
    const p1 = booster.predict(dtrain, { nthread: 1 });
    const p2 = booster.predict(dtrain, { nthread: 2 });
    expect(close(p1.values, p2.values)).toBe(true);
  });

  it('predicts in place from a dense array like from a DMatrix', () => {
    const viaMatrix = booster.predict(dtrain);
    const dense = booster.predictDense(X, COLS);
    expect(dense.shape).toEqual([ROWS]);
    expect(close(dense.values, viaMatrix.values)).toBe(true);
  });

  it('serves single rows and small batches through a reusable predictor', () => {
    const all = booster.predict(dtrain).values;
    const predictor = booster.predictor({ maxRows: 8 });
    expect(predictor.predictOne(X.subarray(0, COLS))).toBeCloseTo(all[0] ?? 0, 6);
    expect(close(predictor.predict(X.subarray(COLS * 3, COLS * 8)), all.subarray(3, 8))).toBe(true);
    expect(predictor.predictWithShape(X.subarray(0, COLS * 2)).shape).toEqual([2]);
    expect(() => predictor.predict(X.subarray(0, COLS * 9))).toThrow(/maxRows/);
    predictor.dispose();
    expect(() => predictor.predictOne(X.subarray(0, COLS))).toThrow(/disposed/);
  });

  it('gives a clear error for a wrong feature count', () => {
    const wrong = DMatrix.fromDense(new Float32Array(6), { ncol: 3 });
    let error: unknown;
    try {
      booster.predict(wrong);
    } catch (err) {
      error = err;
    }
    expect(isXGBoostError(error, 'FEATURE_MISMATCH')).toBe(true);
    expect((error as Error).message).toContain('expects 4 features but the data has 3');
    wrong.dispose();
    expect(() => booster.predictDense(new Float32Array(3), 3)).toThrow(/expects 4 features/);
    const predictor = booster.predictor();
    expect(() => predictor.predictOne(new Float32Array(3))).toThrow(/expects 4 features/);
    predictor.dispose();
  });

  it('rejects data whose feature names differ from the model', () => {
    const other = DMatrix.fromDense(X.subarray(0, COLS), { ncol: COLS, featureNames: ['a', 'b', 'x', 'd'] });
    expect(() => booster.predict(other)).toThrow(/column 2: expected "c", got "x"/);
    other.dispose();
  });
});

describe('Booster model I/O', () => {
  it('round-trips JSON and UBJ through buffers and files', async () => {
    const expected = booster.predict(dtrain).values;
    for (const format of ['json', 'ubj'] as const) {
      const buf = booster.toBuffer(format);
      if (format === 'json') expect(JSON.parse(buf.toString('utf8'))).toHaveProperty('learner');
      else expect(buf[0]).toBe(0x7b); // UBJ objects open with '{' too, followed by a type marker
      const fromBuffer = Booster.fromBuffer(buf);
      expect(close(fromBuffer.predict(dtrain).values, expected)).toBe(true);
      expect(fromBuffer.featureNames).toEqual(names);
      fromBuffer.dispose();
      const path = join(dir, `model.${format}`);
      await booster.save(path);
      const fromFile = await Booster.load(path);
      expect(close(fromFile.predict(dtrain).values, expected)).toBe(true);
      fromFile.dispose();
    }
  });

  it('reports a native error for a corrupt model', () => {
    expect(() => Booster.fromBuffer(Buffer.from('{"not": "a model"'))).toThrow(/load model/);
  });

  it('gets and sets the internal configuration', () => {
    const copy = booster.copy();
    const config = copy.getConfig() as { learner: { learner_train_param: { objective: string } } };
    expect(config.learner.learner_train_param.objective).toBe('binary:logistic');
    copy.setConfig(config);
    expect(close(copy.predict(dtrain).values, booster.predict(dtrain).values)).toBe(true);
    copy.dispose();
  });

  it('computes feature importance of every kind', () => {
    const weight = booster.featureImportance('weight');
    expect(Object.keys(weight).sort()).toEqual(expect.arrayContaining(['a', 'b']));
    expect(weight.a).toBeGreaterThan(0);
    for (const type of ['gain', 'cover', 'total_gain', 'total_cover'] as const) {
      const scores = booster.featureImportance(type);
      expect((scores.a ?? 0) + (scores.b ?? 0)).toBeGreaterThan(0);
    }
    const gain = booster.featureImportance('gain');
    const total = booster.featureImportance('total_gain');
    expect((total.a ?? 0) / (weight.a ?? 1)).toBeCloseTo(gain.a ?? 0, 2);
  });

  it('dumps trees as JSON with feature names', () => {
    const trees = booster.dumpTrees({ withStats: true });
    expect(trees).toHaveLength(12);
    expect(trees[0]?.nodeid).toBe(0);
    expect(names).toContain(trees[0]?.split);
    expect(trees[0]?.gain).toBeGreaterThan(0);
  });

  it('stores attributes with the model', () => {
    const copy = booster.copy();
    copy.setAttr('owner', 'tests');
    expect(copy.getAttr('owner')).toBe('tests');
    expect(Booster.fromBuffer(copy.toBuffer('json')).attributes()).toMatchObject({ owner: 'tests' });
    copy.setAttr('owner', null);
    expect(copy.getAttr('owner')).toBeUndefined();
    copy.dispose();
  });

  it('knows its shape', () => {
    expect(booster.numFeatures).toBe(COLS);
    expect(booster.numBoostedRounds).toBe(12);
  });

  it('throws DISPOSED when used after dispose, never crashes', () => {
    const copy = booster.copy();
    const predictor = copy.predictor();
    copy.dispose();
    copy.dispose();
    expect(copy.disposed).toBe(true);
    for (const use of [
      () => copy.predict(dtrain),
      () => copy.predictDense(X, COLS),
      () => copy.toBuffer(),
      () => copy.getConfig(),
      () => copy.featureImportance(),
      () => copy.dumpTrees(),
      () => copy.numFeatures,
      () => copy.setParam('eta', 0.1),
      () => predictor.predictOne(X.subarray(0, COLS)),
    ]) {
      let error: unknown;
      try {
        use();
      } catch (err) {
        error = err;
      }
      expect(isXGBoostError(error, 'DISPOSED')).toBe(true);
    }
  });

  it('validates parameter names on setParam', () => {
    expect(() => booster.setParam('colsample_by_tree', 0.5)).toThrow(
      /Unknown XGBoost parameter "colsample_by_tree"/,
    );
  });
});
