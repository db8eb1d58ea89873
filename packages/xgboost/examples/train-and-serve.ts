// Train with early stopping off the main thread, explain, save, reload and serve one row.
// Run: npx tsx packages/xgboost/examples/train-and-serve.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Booster, closeIdleWorkers, DMatrix, libraryInfo, train } from '../src/index.ts';

// Seeded data: the label depends on the first two of four features.
let state = 7;
const rand = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
const rows = 20_000;
const cols = 4;
const X = new Float32Array(rows * cols).map(() => rand());
const y = new Float32Array(rows).map((_, i) => ((X[i * cols] ?? 0) + (X[i * cols + 1] ?? 0) > 1 ? 1 : 0));
const names = ['recency', 'frequency', 'noise_a', 'noise_b'];
const split = rows * 0.8;

const dtrain = DMatrix.fromDense(X.subarray(0, split * cols), {
  ncol: cols,
  label: y.subarray(0, split),
  featureNames: names,
});
const dvalid = DMatrix.fromDense(X.subarray(split * cols), {
  ncol: cols,
  label: y.subarray(split),
  featureNames: names,
});

console.log(`libxgboost ${libraryInfo().version.join('.')}`);
const { booster, bestIteration, bestScore } = await train(
  { objective: 'binary:logistic', tree_method: 'hist', max_depth: 4, eta: 0.3, eval_metric: 'logloss' },
  dtrain,
  {
    numBoostRound: 500,
    evals: [[dvalid, 'valid']],
    earlyStoppingRounds: 10,
    callbacks: [
      (info) => void (info.iteration % 20 === 0 && console.log(`round ${info.iteration}`, info.evals)),
    ],
  },
);
console.log(`best iteration ${bestIteration}, valid logloss ${bestScore?.toFixed(4)}`);

const proba = booster.predict(dvalid, { iterationRange: 'best' });
const shap = booster.predict(dvalid.slice([0]), { output: 'contributions', iterationRange: 'best' });
console.log('first probability', proba.values[0], 'SHAP (features + bias)', Array.from(shap.values));
console.log('gain importance', booster.featureImportance('gain'));

const dir = mkdtempSync(join(tmpdir(), 'xgb-example-'));
await booster.save(join(dir, 'model.json'));
const served = await Booster.load(join(dir, 'model.json'));
const predictor = served.predictor({ iterationRange: 'best' });
console.log('served one row', predictor.predictOne(X.subarray(split * cols, split * cols + cols)));

predictor.dispose();
served.dispose();
booster.dispose();
dtrain.dispose();
dvalid.dispose();
rmSync(dir, { recursive: true, force: true });
await closeIdleWorkers();
