import { describe, expect, it } from 'vitest';
import { createReference, DriftError, parseReference } from '../src/index.ts';
import { SeededRandom } from './seeded.ts';

function data(seed: number, n: number) {
  const rng = new SeededRandom(seed);
  const basket = rng.normals(n, 10, 2);
  for (let i = 0; i < n; i += 20) basket[i] = Number.NaN; // 5 % missing
  const tail = Array.from({ length: 300 }, (_, i) => `rare-${i}`);
  const region = rng.categories(
    n,
    ['north', 'south', 'east', ...tail],
    [50, 30, 15, ...tail.map(() => 5 / 300)],
  );
  region[1] = null as unknown as string;
  return { basket, region: region as (string | null)[] };
}

describe('createReference', () => {
  it('summarises numeric columns: counts, missing share, quantiles, equal-frequency bins', () => {
    const s = createReference(data(1, 10_000));
    const basket = s.columns.find((c) => c.name === 'basket')!;
    expect(basket.kind).toBe('numeric');
    if (basket.kind !== 'numeric') return;
    expect(basket.count).toBe(9_500);
    expect(basket.missingShare).toBeCloseTo(0.05, 12);
    expect(basket.quantiles.probs).toHaveLength(107); // percentiles and six tail knots
    expect(basket.quantiles.probs.slice(0, 4)).toEqual([0, 0.0001, 0.001, 0.005]);
    expect(basket.quantiles.values[0]).toBe(basket.min);
    expect(basket.quantiles.values.at(-1)).toBe(basket.max);
    const median = basket.quantiles.values[basket.quantiles.probs.indexOf(0.5)]!;
    expect(median).toBeGreaterThan(9.8);
    expect(median).toBeLessThan(10.2);
    expect(basket.histogram.edges).toHaveLength(11);
    expect(basket.histogram.counts.reduce((a, b) => a + b, 0)).toBe(9_500);
    for (const c of basket.histogram.counts) expect(Math.abs(c - 950)).toBeLessThanOrEqual(1);
    expect(basket.exact).toBeUndefined(); // more than exactUpTo distinct values: no value table
  });

  it('keeps the top categories and folds the long tail into other', () => {
    const s = createReference(data(2, 10_000), { topCategories: 3 });
    const region = s.columns.find((c) => c.name === 'region')!;
    if (region.kind !== 'categorical') throw new Error('expected categorical');
    expect(region.histogram.categories).toEqual(['north', 'south', 'east']);
    expect(region.missing).toBe(1);
    expect(region.histogram.counts.reduce((a, b) => a + b, 0) + region.histogram.other).toBe(9_999);
    expect(region.histogram.other).toBeGreaterThan(400);
  });

  it('keeps a value table for small or discrete columns so their tests are exact', () => {
    const s = createReference({ x: new Float64Array([3, 1, 2, 3, Number.NaN]) });
    const x = s.columns[0]!;
    expect(x.kind === 'numeric' && x.exact).toEqual({ values: [1, 2, 3], counts: [1, 1, 2] });
    const many = createReference({ y: new Float64Array(5000).map((_, i) => i % 7) }, { exactUpTo: 7 })
      .columns[0]!;
    expect(many.kind === 'numeric' && many.exact?.counts.length).toBe(7);
    const continuous = createReference({ z: new Float64Array(5000).map((_, i) => i / 3) }).columns[0]!;
    expect(continuous.kind === 'numeric' && continuous.exact).toBeUndefined();
  });

  it('is deterministic, frozen, JSON-round-trippable and compact', () => {
    const a = createReference(data(3, 50_000));
    const b = createReference(data(3, 50_000));
    const json = JSON.stringify(a);
    expect(json).toBe(JSON.stringify(b));
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.columns[0]!)).toBe(true);
    expect(json.length).toBeLessThan(20_000);
    expect(parseReference(JSON.parse(json))).toEqual(a);
  });

  it('a constant column gets one degenerate bin', () => {
    const s = createReference({ k: new Float64Array(50).fill(4) }, { exactUpTo: 0 });
    const k = s.columns[0]!;
    expect(k.kind === 'numeric' && k.histogram).toEqual({ edges: [4, 4], counts: [50], below: 0, above: 0 });
  });

  it('gives a flag or small count one bin per value, not one bar for all (drift page histograms)', () => {
    // 95 % zeros: every decile is 0, so quantile bins would put 0 and 1 in one bin.
    const flag = Float64Array.from({ length: 1000 }, (_, i) => (i % 20 === 0 ? 1 : 0));
    const s = createReference({ flag });
    const h = s.columns[0]!.kind === 'numeric' ? s.columns[0]!.histogram : undefined;
    expect(h).toEqual({ edges: [0, 0, 1], counts: [950, 50], below: 0, above: 0 });
  });

  it('puts a zero-inflated column’s point mass in a bin of its own', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : i / 10));
    const s = createReference({ values });
    const h = s.columns[0]!.kind === 'numeric' ? s.columns[0]!.histogram : undefined;
    expect(h?.edges.slice(0, 2)).toEqual([0, 0]);
    expect(h?.counts[0]).toBe(600);
    expect(h?.counts.length).toBeGreaterThan(3);
  });

  it('rejects bad settings and bad input with codes', () => {
    expect(() => createReference({ x: new Float64Array(3) }, { bins: 1 })).toThrow(DriftError);
    try {
      createReference({ x: new Float64Array(3), y: ['a'] });
      expect.unreachable();
    } catch (e) {
      expect((e as DriftError).code).toBe('LENGTH_MISMATCH');
    }
    try {
      createReference([{ name: 'x', kind: 'numeric', values: ['a'] }]);
      expect.unreachable();
    } catch (e) {
      expect((e as DriftError).code).toBe('INVALID_COLUMN');
    }
  });

  it('parseReference rejects what is not a snapshot', () => {
    expect(() => parseReference({ format: 'other' })).toThrow(/format/);
    const good = JSON.parse(JSON.stringify(createReference({ x: new Float64Array([1, 2, 3]) })));
    expect(() => parseReference({ ...good, version: 2 })).toThrow(/version/);
    delete good.columns[0].quantiles;
    try {
      parseReference(good);
      expect.unreachable();
    } catch (e) {
      expect((e as DriftError).code).toBe('INVALID_SNAPSHOT');
    }
  });
});
