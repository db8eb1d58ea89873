import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booster, DMatrix, train } from '../src/index.ts';
import { binaryData } from './helpers.ts';

// Debian's python3-xgboost lives under the system interpreter, not whatever python3 is on PATH.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./interop.py', import.meta.url));
const ROWS = 800;
const COLS = 6;
const hasPythonXGBoost = existsSync(PYTHON) && pythonHasXGBoost();

function pythonHasXGBoost(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import xgboost'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function readF32(path: string): Float32Array {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

let dir: string;
const { X, y } = binaryData(ROWS, COLS, 99);
// Missing values must travel the same way on both sides.
for (let i = 0; i < ROWS; i += 17) X[i * COLS + 2] = Number.NaN;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xgb-interop-'));
  writeFileSync(join(dir, 'X.f32'), X);
  writeFileSync(join(dir, 'y.f32'), y);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// CI installs python3-xgboost; a developer machine without it skips rather than fails.
describe.runIf(hasPythonXGBoost || process.env.SODAI_REQUIRE_SERVICES === '1')(
  'interop with Python xgboost',
  () => {
    it('a model saved here predicts identically in Python (JSON and UBJ)', async () => {
      const names = Array.from({ length: COLS }, (_, i) => `x${i}`);
      const dtrain = DMatrix.fromDense(X, { ncol: COLS, label: y, featureNames: names });
      const { booster } = await train(
        { objective: 'binary:logistic', max_depth: 5, eta: 0.2, tree_method: 'hist', seed: 2 },
        dtrain,
        { numBoostRound: 20 },
      );
      await booster.save(join(dir, 'ts-model.json'));
      await booster.save(join(dir, 'ts-model.ubj'));
      execFileSync(PYTHON, [SCRIPT, 'predict', dir, String(ROWS), String(COLS)]);
      const ours = booster.predict(dtrain).values;
      const shap = booster.predict(dtrain, { output: 'contributions' }).values;
      for (const fmt of ['json', 'ubj']) {
        expect(maxAbsDiff(readF32(join(dir, `py-pred-${fmt}.f32`)), ours)).toBeLessThanOrEqual(1e-6);
        expect(maxAbsDiff(readF32(join(dir, `py-shap-${fmt}.f32`)), shap)).toBeLessThanOrEqual(1e-5);
      }
      booster.dispose();
      dtrain.dispose();
    });

    it('a model saved by Python predicts identically here (JSON and UBJ)', async () => {
      execFileSync(PYTHON, [SCRIPT, 'train', dir, String(ROWS), String(COLS)]);
      const expected = readF32(join(dir, 'py-pred.f32'));
      const expectedMargin = readF32(join(dir, 'py-margin.f32'));
      for (const fmt of ['json', 'ubj']) {
        const booster = await Booster.load(join(dir, `py-model.${fmt}`));
        expect(booster.featureNames).toEqual(Array.from({ length: COLS }, (_, i) => `x${i}`));
        expect(booster.numBoostedRounds).toBe(15);
        const dm = DMatrix.fromDense(X, { ncol: COLS, featureNames: booster.featureNames });
        expect(maxAbsDiff(booster.predict(dm).values, expected)).toBeLessThanOrEqual(1e-6);
        expect(
          maxAbsDiff(booster.predict(dm, { output: 'margin' }).values, expectedMargin),
        ).toBeLessThanOrEqual(1e-6);
        expect(maxAbsDiff(booster.predictDense(X, COLS).values, expected)).toBeLessThanOrEqual(1e-6);
        const predictor = booster.predictor();
        expect(Math.abs(predictor.predictOne(X.subarray(0, COLS)) - (expected[0] ?? 0))).toBeLessThanOrEqual(
          1e-6,
        );
        predictor.dispose();
        dm.dispose();
        booster.dispose();
      }
    });
  },
);
