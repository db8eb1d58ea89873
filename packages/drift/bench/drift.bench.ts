// npm run bench:drift — the cost of drift checks at the weekly loop's scale: a reference of 1 M rows ×
// 25 columns (20 numeric, 5 categorical) summarised into a snapshot, then a current week of 200 k rows
// compared against the snapshot and against the raw reference. For comparison in the same run, scipy computes
// normed Wasserstein and KS on one column pair (when /usr/bin/python3 has scipy), and the values are checked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createReference, detectDrift, ksTestSorted, sortedFinite, wassersteinSorted } from '../src/index.ts';
import { seededRandom } from '@sodai/random';

const REF_ROWS = Number(process.env.BENCH_REF_ROWS ?? 1_000_000);
const CUR_ROWS = Number(process.env.BENCH_CUR_ROWS ?? 200_000);
const NUMERIC = 20;
const CATEGORICAL = 5;

function dataset(seed: number, n: number, shift: number): Record<string, Float64Array | string[]> {
  const r = seededRandom(seed);
  const cols: Record<string, Float64Array | string[]> = {};
  for (let c = 0; c < NUMERIC; c++) {
    const a = new Float64Array(n);
    const m = c < 3 ? shift : 0; // the first three columns move when shift > 0
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
      a[i] = c % 2 ? Math.exp(0.5 * (z + m)) : 10 + 2 * (z + m);
      if (r() < 0.01) a[i] = Number.NaN;
    }
    cols[`n${c}`] = a;
  }
  const names = Array.from({ length: 200 }, (_, k) => `cat-${k}`);
  for (let c = 0; c < CATEGORICAL; c++) {
    const a: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) a[i] = names[Math.floor(200 * r() ** (c === 0 && shift > 0 ? 3 : 2))]!;
    cols[`c${c}`] = a;
  }
  return cols;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

function best<T>(reps: number, f: () => T): [T, number] {
  let out: T | undefined;
  let bestMs = Infinity;
  for (let i = 0; i < reps; i++) {
    const [o, ms] = time(f);
    out = o;
    bestMs = Math.min(bestMs, ms);
  }
  return [out!, bestMs];
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const [reference, genMs] = time(() => dataset(1, REF_ROWS, 0));
const calm = dataset(2, CUR_ROWS, 0);
const moved = dataset(3, CUR_ROWS, 1);
console.log(
  `data: reference ${REF_ROWS} rows, current ${CUR_ROWS} rows, ${NUMERIC + CATEGORICAL} columns (generated in ${fmt(genMs)})`,
);

const [snapshot, refMs] = best(3, () => createReference(reference));
const json = JSON.stringify(snapshot);
console.log(
  `createReference (1 M × 25, best of 3): ${fmt(refMs)}; snapshot JSON ${(json.length / 1024).toFixed(1)} KiB`,
);

const [calmReport, calmMs] = best(3, () => detectDrift(snapshot, calm));
const [movedReport, movedMs] = best(3, () => detectDrift(snapshot, moved));
console.log(
  `detectDrift vs snapshot (200 k × 25, best of 3): ${fmt(calmMs)} no drift, ${fmt(movedMs)} drift`,
);
console.log(`  verdicts: no drift → ${calmReport.verdict.reason}`);
console.log(`            drift    → ${movedReport.verdict.reason}`);
const [rawReport, rawMs] = time(() => detectDrift(reference, moved));
console.log(`detectDrift vs raw reference (exact statistics, sorts the reference too): ${fmt(rawMs)}`);
let maxGap = 0;
for (const c of rawReport.columns) {
  const s = movedReport.columns.find((x) => x.name === c.name)!;
  maxGap = Math.max(maxGap, Math.abs(s.statistic - c.statistic));
}
console.log(`  largest |snapshot − exact| statistic over the 25 columns: ${maxGap.toExponential(2)}`);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);

// scipy on one column pair, same data.
const refCol = reference.n0 as Float64Array;
const curCol = moved.n0 as Float64Array;
const [ours, oursMs] = time(() => {
  const a = sortedFinite(refCol);
  const b = sortedFinite(curCol);
  const std = Math.sqrt(
    a.reduce((s, x) => s + x * x, 0) / a.length - (a.reduce((s, x) => s + x, 0) / a.length) ** 2,
  );
  return { w: wassersteinSorted(a, b) / std, ks: ksTestSorted(a, b) };
});
console.log(
  `one column, exact (sort both + Wasserstein + KS): ${fmt(oursMs)}; normed W ${ours.w.toFixed(6)}, KS ${ours.ks.statistic.toFixed(6)} p ${ours.ks.pValue.toExponential(3)}`,
);
const dir = mkdtempSync(join(tmpdir(), 'drift-bench-'));
try {
  const finite = (a: Float64Array): Buffer => Buffer.from(a.filter((x) => !Number.isNaN(x)).buffer);
  writeFileSync(join(dir, 'ref.f64'), finite(refCol));
  writeFileSync(join(dir, 'cur.f64'), finite(curCol));
  const script = fileURLToPath(new URL('./scipy_reference.py', import.meta.url));
  const out = execFileSync('/usr/bin/python3', [script, join(dir, 'ref.f64'), join(dir, 'cur.f64')], {
    encoding: 'utf8',
  });
  const py = JSON.parse(out) as {
    normedWasserstein: number;
    wassersteinMs: number;
    ks: number;
    ksP: number;
    ksMs: number;
  };
  console.log(
    `scipy same column: wasserstein_distance/std ${fmt(py.wassersteinMs)} (${py.normedWasserstein.toFixed(6)}), ks_2samp asymp ${fmt(py.ksMs)} (${py.ks.toFixed(6)}, p ${py.ksP.toExponential(3)})`,
  );
  console.log(
    `  agreement: |ΔW| ${Math.abs(py.normedWasserstein - ours.w).toExponential(2)}, |ΔKS| ${Math.abs(py.ks - ours.ks.statistic).toExponential(2)}`,
  );
} catch (e) {
  console.log(`scipy comparison skipped: ${(e as Error).message.split('\n')[0]}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
