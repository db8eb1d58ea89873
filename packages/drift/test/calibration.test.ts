import { describe, expect, it } from 'vitest';
import {
  calibrateThresholds,
  createReference,
  DEFAULT_THRESHOLDS,
  detectDrift,
  DriftError,
  parseReference,
  ThresholdCalibrator,
  type ColumnsInput,
} from '../src/index.ts';
import { SeededRandom } from './seeded.ts';

const PRODUCTS = Array.from({ length: 30 }, (_, i) => `p${i}`);
/** A long-tailed product mix, the most popular first. */
const MIX = PRODUCTS.map((_, i) => 1 / (i + 1));

/**
 * One ordinary week: each product's share wobbles (a few large orders move it) and the mean basket
 * moves a little, as real weeks do; nothing has changed about the business.
 */
function ordinaryWeek(
  seed: number,
  change: { basketFactor?: number; newProductShare?: number } = {},
): ColumnsInput {
  const rng = new SeededRandom(seed);
  const n = 3000;
  const weights = MIX.map((w) => w * Math.exp(0.45 * rng.normal()));
  const products = rng.categories(n, PRODUCTS, weights);
  const share = change.newProductShare ?? 0;
  for (let i = 0; i < n; i++) if (rng.next() < share) products[i] = 'launched';
  const level = 12 + 0.4 * rng.normal();
  const basket = rng.normals(n, level, 3).map((v) => v * (change.basketFactor ?? 1));
  return { basket, product: products };
}

const history = Array.from({ length: 13 }, (_, i) => ordinaryWeek(100 + i));
const later = Array.from({ length: 40 }, (_, i) => ordinaryWeek(200 + i));

describe('thresholds calibrated on ordinary history', () => {
  it('regression: ordinary week-to-week variation does not raise drift once thresholds are calibrated', () => {
    // The same checks with the default thresholds alarm on most ordinary weeks: that is the fatigue.
    const plain = createReference(history.at(-1)!);
    const withDefaults = later.filter((week) => detectDrift(plain, week).verdict.drifted).length;
    expect(withDefaults).toBeGreaterThan(later.length / 2);

    const thresholds = calibrateThresholds(history, { maxLag: 4 });
    const reference = createReference(history.at(-1)!, { thresholds });
    // A 95th percentile learnt from 13 weeks lets through the odd extreme week, not a weekly alarm.
    const alarms = later.filter(
      (week, i) => detectDrift(reference, week, { lag: 1 + (i % 4) }).verdict.drifted,
    ).length;
    expect(alarms).toBeLessThanOrEqual(later.length * 0.05);
  });

  it('still flags a real change: halved baskets, or a new product taking a third of the lines', () => {
    const reference = createReference(history.at(-1)!, {
      thresholds: calibrateThresholds(history, { maxLag: 4 }),
    });
    const halved = detectDrift(reference, ordinaryWeek(300, { basketFactor: 0.5 }));
    expect(halved.verdict.drifted).toBe(true);
    expect(halved.columns.find((c) => c.name === 'basket')).toMatchObject({
      drifted: true,
      thresholdSource: 'calibrated',
    });
    const launch = detectDrift(reference, ordinaryWeek(301, { newProductShare: 1 / 3 }));
    expect(launch.columns.find((c) => c.name === 'product')).toMatchObject({
      drifted: true,
      thresholdSource: 'calibrated',
    });
  });

  it('reports the statistic, the calibrated threshold and how it was learnt', () => {
    const thresholds = calibrateThresholds(history, { maxLag: 4, quantile: 0.9, margin: 1.5 });
    const product = thresholds.product!;
    // 13 windows, each compared with up to 4 before it: 12 + 11 + 10 + 9 pairs.
    expect(product).toMatchObject({
      method: 'jensen-shannon',
      quantile: 0.9,
      margin: 1.5,
      maxLag: 4,
      pairs: 42,
    });
    expect(product.threshold).toBe(product.byLag.at(-1));
    for (const t of product.byLag) expect(t).toBeGreaterThanOrEqual(product.floor);
    expect(product.observedMax).toBeGreaterThanOrEqual(product.observedQuantile);
    const column = detectDrift(createReference(history.at(-1)!, { thresholds }), later[0]!).columns.find(
      (c) => c.name === 'product',
    )!;
    expect(column).toMatchObject({
      threshold: product.threshold,
      thresholdSource: 'calibrated',
      calibration: product,
    });
  });

  it('holds a recent reference to a tighter threshold than an older one (byLag), picked by the lag option', () => {
    const thresholds = calibrateThresholds(history, { maxLag: 4 });
    const { byLag, threshold } = thresholds.product!;
    expect(byLag).toHaveLength(4);
    for (let k = 1; k < byLag.length; k++) expect(byLag[k]).toBeGreaterThanOrEqual(byLag[k - 1]!);
    expect(threshold).toBe(byLag[3]);
    const reference = createReference(history.at(-1)!, { thresholds });
    const at = (lag?: number) => {
      const report = detectDrift(reference, later[0]!, lag === undefined ? {} : { lag });
      return [report.lag, report.columns[1]!.threshold];
    };
    expect(at(1)).toEqual([1, byLag[0]]);
    expect(at(3)).toEqual([3, byLag[2]]);
    expect(at(9)).toEqual([9, byLag[3]]);
    expect(at()).toEqual([undefined, threshold]);
    expect(() => detectDrift(reference, later[0]!, { lag: 0 })).toThrow(DriftError);
  });

  it('never lowers a threshold below the method default', () => {
    const steady = Array.from({ length: 6 }, (_, i) => ({ x: new SeededRandom(i).normals(5000, 0, 1) }));
    const x = calibrateThresholds(steady).x!;
    expect(x.observedQuantile * x.margin).toBeLessThan(DEFAULT_THRESHOLDS.wasserstein);
    expect(x).toMatchObject({
      method: 'wasserstein',
      threshold: DEFAULT_THRESHOLDS.wasserstein,
      byLag: [DEFAULT_THRESHOLDS.wasserstein],
      floor: 0.1,
    });
  });

  it('survives JSON, and a snapshot saved without thresholds still checks with the defaults', () => {
    const thresholds = calibrateThresholds(history, { maxLag: 2 });
    const stored = parseReference(
      JSON.parse(JSON.stringify(createReference(history.at(-1)!, { thresholds }))),
    );
    expect(stored.thresholds).toEqual(thresholds);
    const old = parseReference(JSON.parse(JSON.stringify(createReference(history.at(-1)!))));
    expect(old.thresholds).toBeUndefined();
    const report = detectDrift(old, later[0]!);
    expect(report.columns.map((c) => [c.thresholdSource, c.threshold])).toEqual([
      ['default', DEFAULT_THRESHOLDS.wasserstein],
      ['default', DEFAULT_THRESHOLDS['jensen-shannon']],
    ]);
    expect(report.columns[0]!.calibration).toBeUndefined();
  });

  it('gives way to a per-column threshold, a different forced method, or useCalibration: false', () => {
    const reference = createReference(history.at(-1)!, { thresholds: calibrateThresholds(history) });
    const week = later[0]!;
    const source = (options: Parameters<typeof detectDrift>[2]) =>
      detectDrift(reference, week, options).columns.map((c) => `${c.name}:${c.method}:${c.thresholdSource}`);
    expect(source({})).toEqual(['basket:wasserstein:calibrated', 'product:jensen-shannon:calibrated']);
    expect(source({ columns: { basket: { threshold: 0.5 } } })[0]).toBe('basket:wasserstein:override');
    expect(source({ numericMethod: 'psi' })[0]).toBe('basket:psi:default');
    expect(source({ useCalibration: false })).toEqual([
      'basket:wasserstein:default',
      'product:jensen-shannon:default',
    ]);
  });

  it('calibrates small windows on the distance too, and skips a column forced to a test', () => {
    const small = Array.from({ length: 5 }, (_, i) => ({ x: new SeededRandom(i).normals(200, 0, 1) }));
    expect(calibrateThresholds(small).x?.method).toBe('wasserstein');
    expect(calibrateThresholds(small, { columns: { x: { method: 'ks' } } }).x).toBeUndefined();
  });

  it('keeps only maxLag snapshots and compares each window with those', () => {
    const calibrator = new ThresholdCalibrator({ maxLag: 2 });
    for (const week of history.slice(0, 5)) calibrator.add(week);
    expect(calibrator.thresholds().basket!.pairs).toBe(4 + 3);
  });

  it('rejects too little history, bad options, a changed column kind and a malformed stored threshold', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DriftError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => calibrateThresholds([history[0]!]))).toBe('INVALID_ARGUMENT');
    expect(code(() => new ThresholdCalibrator({ margin: 0.5 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => new ThresholdCalibrator({ maxLag: 0 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => calibrateThresholds([{ x: new Float64Array([1, 2]) }, { x: ['a', 'b'] }]))).toBe(
      'KIND_MISMATCH',
    );
    const json = JSON.parse(JSON.stringify(createReference(history[0]!))) as Record<string, unknown>;
    expect(
      code(() => parseReference({ ...json, thresholds: { basket: { method: 'mean', threshold: 1 } } })),
    ).toBe('INVALID_SNAPSHOT');
  });
});
