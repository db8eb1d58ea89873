// npm run bench:tune — TS random search and TPE vs Optuna's TPE (run in the same process tree through
// /usr/bin/python3) on Branin, Hartmann-6 and Rosenbrock-5: median best value after 10/20/30/50 trials over
// 20 seeds. Environment: TUNE_BENCH_SEEDS (default 20), TUNE_BENCH_TRIALS (default 50), TUNE_BENCH_PYTHON.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStudy, RandomSampler, TpeSampler, type Objective, type Sampler } from '../src/index.ts';
import { ndtr } from '../src/samplers/truncated-normal.ts';
import { branin, hartmann6, rosenbrock5 } from './test-functions.ts';

const nSeeds = Number(process.env.TUNE_BENCH_SEEDS ?? 20);
const nTrials = Number(process.env.TUNE_BENCH_TRIALS ?? 50);
const python = process.env.TUNE_BENCH_PYTHON ?? '/usr/bin/python3';
const checkpoints = [10, 20, 30, 50].filter((c) => c <= nTrials);
const seeds = Array.from({ length: nSeeds }, (_, i) => i);
const functions: Record<string, Objective> = { branin, hartmann6, rosenbrock5 };
const samplers: Record<string, (seed: number) => Sampler> = {
  'random (TS)': (seed) => new RandomSampler({ seed }),
  'TPE (TS)': (seed) => new TpeSampler({ seed }),
  'TPE multivariate (TS)': (seed) => new TpeSampler({ seed, multivariate: true }),
  "TPE, kernelScoring 'density' (TS)": (seed) => new TpeSampler({ seed, kernelScoring: 'density' }),
};

/** Best-so-far curves, one per seed. */
type Curves = number[][];

async function runTs(
  objective: Objective,
  make: (seed: number) => Sampler,
): Promise<{ curves: Curves; ms: number }> {
  const started = performance.now();
  const curves: Curves = [];
  for (const seed of seeds) {
    const study = await createStudy({ sampler: make(seed) });
    await study.optimize(objective, { nTrials });
    curves.push((await study.optimizationHistory()).map((p) => p.best));
  }
  return { curves, ms: performance.now() - started };
}

function runOptuna(): Promise<{ result: Record<string, Curves>; ms: number }> {
  const started = performance.now();
  const script = join(dirname(fileURLToPath(import.meta.url)), 'optuna_tpe.py');
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${python} ${script} exited with ${code}`));
      else resolve({ result: JSON.parse(out) as Record<string, Curves>, ms: performance.now() - started });
    });
    child.stdin.end(JSON.stringify({ functions: Object.keys(functions), seeds, n_trials: nTrials }));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Two-sided Mann–Whitney U test p-value (normal approximation with tie correction): do two samplers' final best
 * values differ by more than seed noise?
 */
function mannWhitneyP(a: readonly number[], b: readonly number[]): number {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(all.length).fill(0);
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.v === all[i]!.v) j++;
    for (let k = i; k <= j; k++) ranks[k] = (i + j) / 2 + 1;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const n1 = a.length;
  const n2 = b.length;
  const n = n1 + n2;
  const r1 = all.reduce((acc, x, i) => acc + (x.g === 0 ? (ranks[i] as number) : 0), 0);
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (!(sigma > 0)) return 1;
  return Math.min(1, 2 * (1 - ndtr(Math.abs(u - (n1 * n2) / 2) / sigma)));
}

const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4));

interface Row {
  readonly fn: string;
  readonly sampler: string;
  readonly medians: number[];
  /** Best value after the last trial, per seed. */
  readonly finals: number[];
  readonly ms: number;
}

const summarize = (fn: string, sampler: string, curves: Curves, ms: number): Row => ({
  fn,
  sampler,
  medians: checkpoints.map((c) => median(curves.map((curve) => curve[c - 1] as number))),
  finals: curves.map((curve) => curve[nTrials - 1] as number),
  ms,
});

const OPTUNA = 'TPE (Optuna 3.1, Python)';
const optunaPromise = runOptuna().catch((e: unknown) => {
  console.error(`Optuna reference unavailable: ${String(e)}`);
  return null;
});
const table: Row[] = [];
for (const [fn, objective] of Object.entries(functions)) {
  for (const [name, make] of Object.entries(samplers)) {
    const { curves, ms } = await runTs(objective, make);
    table.push(summarize(fn, name, curves, ms));
  }
}
const optuna = await optunaPromise;
if (optuna) {
  for (const fn of Object.keys(functions)) {
    table.splice(
      table.findLastIndex((r) => r.fn === fn) + 1,
      0,
      summarize(fn, OPTUNA, optuna.result[fn] ?? [], NaN),
    );
  }
}

console.log(`\nMedian best value after n trials (minimise), ${nSeeds} seeds × ${nTrials} trials\n`);
console.log(`| function | sampler | ${checkpoints.map((c) => `n=${c}`).join(' | ')} | wall time |`);
console.log(`|---|---|${checkpoints.map(() => '---:').join('|')}|---:|`);
for (const r of table) {
  const time = Number.isNaN(r.ms)
    ? `${((optuna?.ms ?? 0) / 1000).toFixed(1)} s (all 3 functions)`
    : `${(r.ms / 1000).toFixed(2)} s`;
  console.log(`| ${r.fn} | ${r.sampler} | ${r.medians.map(fmt).join(' | ')} | ${time} |`);
}

console.log('');
const last = checkpoints.length - 1;
for (const fn of Object.keys(functions)) {
  const row = (sampler: string) => table.find((r) => r.fn === fn && r.sampler === sampler);
  const tpe = row('TPE (TS)') as Row;
  const rnd = row('random (TS)') as Row;
  const opt = row(OPTUNA);
  const beats =
    (tpe.medians[last] as number) < (rnd.medians[last] as number)
      ? 'TPE beats random'
      : 'TPE does NOT beat random';
  let vsOptuna = 'no Optuna reference';
  if (opt) {
    const [a, b] = [tpe.medians[last] as number, opt.medians[last] as number];
    vsOptuna = `${a <= b ? 'TPE ≤ Optuna' : 'TPE > Optuna'} (${fmt(a)} vs ${fmt(b)}; Mann–Whitney p = ${mannWhitneyP(tpe.finals, opt.finals).toFixed(2)})`;
  }
  console.log(`${fn}: ${beats} at n=${nTrials}; ${vsOptuna}`);
}
