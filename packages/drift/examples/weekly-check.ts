// A weekly drift check as the app runs it: snapshot at training time, comparison when a week lands, with
// last year's same weeks as the seasonal reference. Run: npx tsx packages/drift/examples/weekly-check.ts
import { pathToFileURL } from 'node:url';
import { Rng } from '@sodai/random';
import { createReference, detectDrift, parseReference, type DriftReport } from '../src/index.ts';

/** Deterministic pseudo-data: `peak` scales baskets (December), `shift` moves prices. */
function week(seed: number, n: number, peak: number, shift = 0) {
  const rng = new Rng(seed);
  const u = (): number => rng.next();
  const normal = (): number => rng.normal();
  return {
    basket: new Float64Array(n).map(() => peak * (12 + 3 * normal())),
    price: new Float64Array(n).map(() => 1.5 + 0.2 * (normal() + shift)),
    pack: Array.from({ length: n }, () => (u() < 0.5 ? 'can' : u() < 0.8 ? 'bottle' : 'keg')),
  };
}

/** Builds the snapshots, round-trips them through JSON as a model registry would, and checks December. */
export function runWeeklyCheck(priceShift = 0): DriftReport {
  const novemberSnapshot = createReference(week(1, 5_000, 1), {
    predictions: new Float64Array(5_000).fill(0.2),
  });
  const stored = JSON.stringify(novemberSnapshot); // saved with the model version
  const lastDecember = createReference(week(2, 5_000, 1.8));
  return detectDrift(parseReference(JSON.parse(stored)), week(3, 2_000, 1.8, priceShift), {
    seasonalReference: lastDecember,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const shift of [0, 1]) {
    const report = runWeeklyCheck(shift);
    console.log(
      `price shift ${shift} sd: ${report.verdict.drifted ? 'DRIFT' : 'ok'} — ${report.verdict.reason}`,
    );
    for (const c of report.columns) {
      console.log(
        `  ${c.name.padEnd(7)} ${c.method.padEnd(14)} ${c.statistic.toFixed(3)} (threshold ${c.threshold}) vs last year ${c.seasonal?.statistic.toFixed(3)}`,
      );
    }
  }
}
