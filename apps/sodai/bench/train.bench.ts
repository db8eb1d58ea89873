/**
 * npm run bench:train — `sodai train` with the default settings on the real 2024 data, beside the
 * previous configuration (12 training weeks, 20 explored products, 30 TPE trials, every negative,
 * a fixed threshold) in the same invocation, each in its own process: wall and CPU seconds, peak RSS,
 * test-week F1 beside the best rule. A plain 200-round XGBoost fit on the reference panel
 * (1.6 M rows × 13 features) is timed too, as the yardstick of this machine's speed: the target is
 * default training ≤ 60 s on an idle 2-core machine, about 10× that fit.
 * `--previous-trials=N` shortens the previous configuration's search; `--skip-previous` omits it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureChild, REAL_DIR } from './child.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const previousTrials = Number(arg('previous-trials') ?? 30);
const skipPrevious = process.argv.includes('--skip-previous');
const PREVIOUS = {
  nTrials: previousTrials,
  trainWeeks: 12,
  exploreK: 20,
  negativeSampleRate: 1,
  refit: false,
  decisionRule: 'threshold',
};

if (!existsSync(path.join(REAL_DIR, 'transacciones.parquet'))) {
  console.log(`real data not found at ${REAL_DIR}: nothing to measure`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'sodai-bench-train-'));
const f = (v: unknown, digits = 4) => (v as number).toFixed(digits);
try {
  const storeFile = path.join(work, 'store.duckdb');
  await measureChild(['ingest', REAL_DIR, storeFile]);
  const yardstick = await measureChild(['plain-fit', path.join(REAL_DIR, 'transacciones.parquet')]);
  console.log(
    `yardstick: one plain 200-round XGBoost fit on ${(yardstick.rows as number).toLocaleString('en')} rows × ${yardstick.features} features: ` +
      `${f(yardstick.fitSeconds, 1)} s wall, ${f(yardstick.fitCpuSeconds, 1)} s CPU`,
  );
  const runs: [string, Record<string, unknown>][] = [['default', {}]];
  if (!skipPrevious) runs.push([`previous (${previousTrials} trials)`, PREVIOUS]);
  console.log(
    '| configuration | train weeks | wall s | CPU s | wall ÷ yardstick | peak RSS MB | test F1 | best rule F1 | gain 95% interval | coverage |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, overrides] of runs) {
    const tracking = path.join(work, `tracking-${runs.findIndex(([n]) => n === name)}`);
    const r = await measureChild(['train', storeFile, tracking, JSON.stringify(overrides)]);
    const baselines = r.baselines as Record<string, number>;
    const bestRule = Math.max(...Object.values(baselines));
    console.log(
      `| ${name} | ${r.trainWeeks} | ${f(r.seconds, 1)} | ${f(r.cpuSeconds, 1)} | ${f((r.seconds as number) / (yardstick.fitSeconds as number), 1)}× | ` +
        `${f(r.maxRssMb, 0)} | ${f(r.modelF1)} | ${f(bestRule)} | ${f(r.gainLow)} … ${f(r.gainHigh)} | ${f((r.coverage as number) * 100, 1)}% |`,
    );
  }
  console.log(
    'test week: the last complete 7 days before the latest data; the rules are fitted on validation weeks',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
