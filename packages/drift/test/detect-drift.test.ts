import { describe, expect, it } from 'vitest';
import {
  createReference,
  detectDrift,
  DriftError,
  isNumericHistogram,
  type ColumnsInput,
} from '../src/index.ts';
import { SeededRandom } from './seeded.ts';

const REGIONS = ['north', 'south', 'east', 'west', 'centre'];
const REGION_WEIGHTS = [35, 25, 20, 15, 5];

/** Ten columns: six numeric, four categorical, optionally shifted. */
function dataset(
  seed: number,
  n: number,
  shift: { meanSd?: number; collapse?: boolean; spread?: number; missing?: number } = {},
): ColumnsInput {
  const rng = new SeededRandom(seed);
  const cols: Record<string, Float64Array | (string | null)[]> = {};
  const m = shift.meanSd ?? 0;
  cols.basket = rng.normals(n, 12 + 3 * m, 3 * (shift.spread ?? 1));
  cols.price = rng.normals(n, 1.5 + 0.2 * m, 0.2);
  cols.volume = new Float64Array(n).map(() => Math.exp(rng.normal(2 + 0.8 * m, 0.8)));
  cols.tenure = new Float64Array(n).map(() => Math.floor(rng.next() * 120));
  cols.discount = new Float64Array(n).map(() => (rng.next() < 0.6 ? 0 : rng.next() * 0.3));
  cols.visits = new Float64Array(n).map(() => Math.floor(-Math.log(1 - rng.next()) * 4));
  cols.region = rng.categories(n, REGIONS, shift.collapse ? [35, 25, 1, 15, 24] : REGION_WEIGHTS);
  cols.segment = rng.categories(n, ['horeca', 'retail', 'wholesale'], [50, 40, 10]);
  cols.channel = rng.categories(n, ['phone', 'web', 'rep'], [30, 50, 20]);
  cols.pack = rng.categories(n, ['can', 'bottle', 'keg', 'crate'], [40, 30, 10, 20]);
  if (shift.missing !== undefined) {
    const b = cols.basket as Float64Array;
    for (let i = 0; i < n; i++) if (rng.next() < shift.missing) b[i] = Number.NaN;
  }
  return cols;
}

/** The same generator with three numeric and one categorical column shifted. */
function drifted(seed: number, n: number): ColumnsInput {
  const base = dataset(seed, n) as Record<string, Float64Array | (string | null)[]>;
  const shifted = dataset(seed + 1000, n, { meanSd: 1, collapse: true }) as Record<
    string,
    Float64Array | (string | null)[]
  >;
  return {
    ...base,
    basket: shifted.basket!,
    price: shifted.price!,
    volume: shifted.volume!,
    region: shifted.region!,
  };
}

describe('detectDrift on generated data, large samples against a snapshot', () => {
  const reference = createReference(dataset(1, 20_000));

  it('does not alarm on new data from the same distribution', () => {
    const r = detectDrift(reference, dataset(2, 5_000));
    expect(r.driftedColumns).toBe(0);
    expect(r.verdict.drifted).toBe(false);
    expect(r.verdict.reason).toMatch(/0 of 10 columns drifted/);
    for (const c of r.columns) {
      expect(c.method).toBe(c.kind === 'numeric' ? 'wasserstein' : 'jensen-shannon');
      expect(c.statistic).toBeLessThan(0.1);
    }
  });

  it('alarms on a +1 sd mean shift and a collapsing category, naming the columns', () => {
    const r = detectDrift(reference, drifted(3, 5_000));
    const names = r.columns.filter((c) => c.drifted).map((c) => c.name);
    expect(names.sort()).toEqual(['basket', 'price', 'region', 'volume']);
    expect(r.shareDrifted).toBeCloseTo(0.4, 12);
    expect(r.verdict.drifted).toBe(true);
    expect(r.verdict.reason).toMatch(/4 of 10 columns drifted \(40% >= 30%\): basket, price, volume, region/);
    const basket = r.columns.find((c) => c.name === 'basket')!;
    expect(basket.statistic).toBeGreaterThan(0.8); // 1 sd in normed Wasserstein
    expect(basket.approximate).toBe(true);
  });

  it('snapshot statistics are close to the exact ones computed from raw reference data', () => {
    const raw = dataset(1, 20_000);
    const current = drifted(3, 5_000);
    const fromSnapshot = detectDrift(reference, current);
    const exact = detectDrift(raw, current);
    for (const c of exact.columns) {
      const s = fromSnapshot.columns.find((x) => x.name === c.name)!;
      expect(c.approximate).toBe(false);
      expect(s.method).toBe(c.method);
      expect(s.drifted).toBe(c.drifted);
      expect(Math.abs(s.statistic - c.statistic), c.name).toBeLessThan(0.005 + 0.01 * c.statistic);
    }
  });

  it('regression: snapshot Wasserstein on identical long-tailed data stays near the exact value (tail knots)', () => {
    const rng = new SeededRandom(21);
    const lognormal = (n: number): Float64Array => rng.normals(n).map((z) => Math.exp(0.5 * z));
    const ref = lognormal(200_000);
    const cur = lognormal(50_000);
    const exact = detectDrift({ x: ref }, { x: cur }).columns[0]!.statistic;
    const approx = detectDrift(createReference({ x: ref }), { x: cur }).columns[0]!.statistic;
    expect(exact).toBeLessThan(0.02);
    // Without tail knots the linear last percentile (q99 to max) made this about 0.05.
    expect(Math.abs(approx - exact)).toBeLessThan(0.005);
  });

  it('reports histograms on the reference quantile bins, for plots', () => {
    const r = detectDrift(reference, drifted(3, 5_000));
    const basket = r.columns.find((c) => c.name === 'basket')!;
    const ref = basket.referenceHistogram;
    const cur = basket.currentHistogram;
    if (!isNumericHistogram(ref) || !isNumericHistogram(cur)) throw new Error('expected numeric histograms');
    expect(cur.edges).toEqual(ref.edges);
    expect(cur.counts.reduce((a, b) => a + b, 0) + cur.below + cur.above).toBe(5_000);
    // A +1 sd shift at least doubles the share in the top decile bin.
    expect(cur.counts.at(-1)!).toBeGreaterThan(ref.counts.at(-1)! * (5_000 / 20_000) * 2);
    const region = r.columns.find((c) => c.name === 'region')!;
    if (isNumericHistogram(region.currentHistogram)) throw new Error('expected categorical');
    expect(region.currentHistogram.categories).toEqual(['north', 'south', 'east', 'west', 'centre']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(detectDrift(reference, drifted(3, 5_000)))).toBe(
      JSON.stringify(detectDrift(reference, drifted(3, 5_000))),
    );
  });
});

describe('detectDrift on small samples (tests instead of distances)', () => {
  it('uses KS and chi-square up to 1000 reference rows, exactly from the snapshot', () => {
    const reference = createReference(dataset(10, 800));
    const same = detectDrift(reference, dataset(11, 400));
    expect(same.columns.find((c) => c.name === 'basket')!.method).toBe('ks');
    expect(same.columns.find((c) => c.name === 'region')!.method).toBe('chi-square');
    expect(same.columns.every((c) => c.pValue !== undefined && !c.approximate)).toBe(true);
    expect(same.verdict.drifted).toBe(false);
    const moved = detectDrift(reference, drifted(12, 400));
    expect(
      moved.columns
        .filter((c) => c.drifted)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['basket', 'price', 'region', 'volume']);
    expect(moved.verdict.drifted).toBe(true);
  });

  it('raw reference and its snapshot give identical small-sample results', () => {
    const raw = dataset(10, 800);
    const current = drifted(12, 400);
    const a = detectDrift(raw, current).columns.map((c) => [c.name, c.statistic, c.pValue]);
    const b = detectDrift(createReference(raw), current).columns.map((c) => [c.name, c.statistic, c.pValue]);
    expect(b).toEqual(a);
  });
});

describe('detectDrift options and edge cases', () => {
  const reference = createReference(dataset(1, 20_000));

  it('per-column method and threshold overrides, PSI on quantile bins', () => {
    const r = detectDrift(reference, drifted(3, 5_000), {
      columns: {
        basket: { method: 'psi' },
        region: { method: 'psi', threshold: 0.25 },
        price: { threshold: 10 },
        tenure: { ignore: true },
      },
    });
    const basket = r.columns.find((c) => c.name === 'basket')!;
    expect(basket.method).toBe('psi');
    expect(basket.threshold).toBe(0.1);
    expect(basket.statistic).toBeGreaterThan(0.25);
    expect(basket.approximate).toBe(false);
    expect(r.columns.find((c) => c.name === 'region')!.threshold).toBe(0.25);
    expect(r.columns.find((c) => c.name === 'price')!.drifted).toBe(false);
    expect(r.columns.some((c) => c.name === 'tenure')).toBe(false);
  });

  it('PSI does not alarm without drift', () => {
    const r = detectDrift(reference, dataset(2, 5_000), { numericMethod: 'psi', categoricalMethod: 'psi' });
    expect(r.columns.every((c) => c.method === 'psi' && c.statistic < 0.05)).toBe(true);
  });

  it('a missing share rising from 0 to 20 % is drift even when the values look the same', () => {
    const r = detectDrift(reference, dataset(2, 5_000, { missing: 0.2 }));
    const basket = r.columns.find((c) => c.name === 'basket')!;
    expect(basket.distributionDrifted).toBe(false);
    expect(basket.missingShare.reference).toBe(0);
    expect(basket.missingShare.current).toBeGreaterThan(0.17);
    expect(basket.missingShare.drifted).toBe(true);
    expect(basket.drifted).toBe(true);
  });

  it('a new category in a complete reference list gets its own bin', () => {
    const ref = createReference({ c: Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'a' : 'b')) });
    const cur = Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 'new' : i % 2 ? 'a' : 'b'));
    const col = detectDrift(ref, { c: cur }).columns[0]!;
    if (isNumericHistogram(col.currentHistogram)) throw new Error('expected categorical');
    expect(col.currentHistogram.categories).toEqual(['a', 'b', 'new']);
    expect(col.currentHistogram.counts[2]).toBe(250);
    expect(col.drifted).toBe(true);
  });

  it('throws typed errors for missing columns, kind changes and unfit methods', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof DriftError ? e.code : 'other';
      }
      return undefined;
    };
    expect(code(() => detectDrift(reference, { basket: new Float64Array(3) }))).toBe('COLUMN_NOT_FOUND');
    const small = createReference({ x: new Float64Array([1, 2, 3]) });
    expect(code(() => detectDrift(small, { x: ['a', 'b', 'c'] }))).toBe('KIND_MISMATCH');
    expect(code(() => detectDrift(small, { x: new Float64Array(3) }, { numericMethod: 'chi-square' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(code(() => detectDrift(small, { x: new Float64Array(3) }, { shareThreshold: 0 }))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('lists current columns the reference lacks and survives an all-missing column', () => {
    const small = createReference({ x: new Float64Array([1, 2, 3, 4]) });
    const r = detectDrift(small, { x: new Float64Array(4).fill(Number.NaN), extra: ['a', 'b', 'c', 'd'] });
    expect(r.ignoredColumns).toEqual(['extra']);
    expect(r.columns[0]!.note).toMatch(/no non-missing/);
    expect(r.columns[0]!.statistic).toBe(0);
    expect(r.columns[0]!.missingShare.current).toBe(1);
  });
});
