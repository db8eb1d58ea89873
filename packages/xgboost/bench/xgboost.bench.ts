// npm run bench:xgboost — this binding vs Python xgboost on the same data, in one run:
// training (1M rows × 20 features, 100 rounds, hist, depth 6), batch prediction, and single-row
// predict latency through the serving fast path. Sizes can be lowered with BENCH_ROWS/BENCH_ROUNDS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeIdleWorkers, DMatrix, libraryInfo, train } from '../src/index.ts';
import { binaryData } from '../test/helpers.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const COLS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const REPS = Number(process.env.BENCH_REPS ?? 2);
const NTHREAD = availableParallelism();
const LATENCY_CALLS = 20_000;
const PYTHON = '/usr/bin/python3';
const PY_SCRIPT = fileURLToPath(new URL('./xgboost_bench.py', import.meta.url));

interface Timing {
  dmatrixMs: number;
  trainMs: number;
  predictMs: number;
  checksum: number;
}

function readF32(path: string): Float32Array {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

async function runTs(
  dir: string,
  measureLatency: boolean,
): Promise<Timing & { p50Us?: number; p99Us?: number }> {
  const X = readF32(join(dir, 'X.f32'));
  const y = readF32(join(dir, 'y.f32'));
  const t0 = performance.now();
  const dtrain = DMatrix.fromDense(X, { ncol: COLS, label: y, nthread: NTHREAD });
  const t1 = performance.now();
  const { booster } = await train(
    { objective: 'binary:logistic', tree_method: 'hist', max_depth: 6, eta: 0.3, nthread: NTHREAD, seed: 0 },
    dtrain,
    { numBoostRound: ROUNDS },
  );
  const t2 = performance.now();
  // XGBoost caches predictions per matrix, so each timed call gets a fresh one; best of 3.
  let pred: Float32Array = new Float32Array(0);
  let predictMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const dtest = DMatrix.fromDense(X, { ncol: COLS, nthread: NTHREAD });
    const s = performance.now();
    pred = booster.predict(dtest).values;
    predictMs = Math.min(predictMs, performance.now() - s);
    dtest.dispose();
  }
  let checksum = 0;
  for (let i = 0; i < 1000; i++) checksum += pred[i] ?? 0;
  const timing: Timing & { p50Us?: number; p99Us?: number } = {
    dmatrixMs: t1 - t0,
    trainMs: t2 - t1,
    predictMs,
    checksum,
  };
  if (measureLatency) {
    const predictor = booster.predictor({ maxRows: 1 });
    const rows = 1000;
    for (let i = 0; i < 2000; i++)
      predictor.predictOne(X.subarray((i % rows) * COLS, (i % rows) * COLS + COLS));
    const samples = new Float64Array(LATENCY_CALLS);
    for (let i = 0; i < LATENCY_CALLS; i++) {
      const row = X.subarray((i % rows) * COLS, (i % rows) * COLS + COLS);
      const s = process.hrtime.bigint();
      predictor.predictOne(row);
      samples[i] = Number(process.hrtime.bigint() - s) / 1000;
    }
    samples.sort();
    timing.p50Us = samples[Math.floor(LATENCY_CALLS * 0.5)];
    timing.p99Us = samples[Math.floor(LATENCY_CALLS * 0.99)];
    predictor.dispose();
  }
  booster.dispose();
  dtrain.dispose();
  return timing;
}

function runPython(dir: string): Timing {
  const out = execFileSync(
    PYTHON,
    [PY_SCRIPT, dir, String(ROWS), String(COLS), String(ROUNDS), String(NTHREAD)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Timing;
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xgb-bench-'));
  try {
    const { X, y } = binaryData(ROWS, COLS, 2024);
    writeFileSync(join(dir, 'X.f32'), X);
    writeFileSync(join(dir, 'y.f32'), y);
    console.log(
      `libxgboost ${libraryInfo().version.join('.')} · ${ROWS} rows × ${COLS} features · ${ROUNDS} rounds · hist · depth 6 · nthread ${NTHREAD} · ${REPS} alternating reps`,
    );
    const ts: Timing[] = [];
    const py: Timing[] = [];
    let latency: { p50Us?: number; p99Us?: number } = {};
    for (let rep = 0; rep < REPS; rep++) {
      const t = await runTs(dir, rep === REPS - 1);
      if (t.p50Us !== undefined) latency = t;
      ts.push(t);
      const p = runPython(dir);
      py.push(p);
      console.log(
        `rep ${rep + 1}: TS train ${fmt(t.trainMs)} predict ${fmt(t.predictMs)} | Python train ${fmt(p.trainMs)} predict ${fmt(p.predictMs)}`,
      );
    }
    const best = (xs: Timing[], k: keyof Timing): number => Math.min(...xs.map((x) => x[k]));
    const rows: [string, keyof Timing][] = [
      ['DMatrix build', 'dmatrixMs'],
      ['train', 'trainMs'],
      ['batch predict', 'predictMs'],
    ];
    console.log('\nbest of reps      TypeScript   Python     ratio (TS/Py)');
    const ratios: Record<string, number> = {};
    for (const [label, key] of rows) {
      const a = best(ts, key);
      const b = best(py, key);
      ratios[key] = a / b;
      console.log(`${label.padEnd(17)} ${fmt(a).padStart(9)}  ${fmt(b).padStart(9)}   ${(a / b).toFixed(3)}`);
    }
    const sameModel = Math.abs((ts[0]?.checksum ?? 0) - (py[0]?.checksum ?? 0)) < 1e-3;
    console.log(`same predictions (checksum of first 1000): ${sameModel ? 'yes' : 'NO'}`);
    console.log(
      `single-row predict (100 trees, ${LATENCY_CALLS} calls): p50 ${latency.p50Us?.toFixed(1)} µs, p99 ${latency.p99Us?.toFixed(1)} µs`,
    );
    const ok =
      (ratios.trainMs ?? Infinity) <= 1.05 &&
      (ratios.predictMs ?? Infinity) <= 1.05 &&
      (latency.p99Us ?? Infinity) < 50;
    console.log(ok ? 'targets met (ratios ≤ 1.05, p99 < 50 µs)' : 'TARGETS MISSED');
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await closeIdleWorkers();
  }
}

await main();
