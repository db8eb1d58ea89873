import { describe, expect, it } from 'vitest';
import {
  chiSquareHomogeneity,
  chiSquareSurvival,
  jensenShannonDistance,
  kolmogorovSurvival,
  ksAsymptoticPValue,
  ksExactPValue,
  ksStatisticKnots,
  ksTestSorted,
  logGamma,
  psi,
  quantileSorted,
  sortedFinite,
  sortFloat64,
  twoProportionZTest,
  upperRegularizedGamma,
  wassersteinKnots,
  wassersteinSorted,
} from '../src/index.ts';
import { SeededRandom } from './seeded.ts';

// Reference values computed with scipy 1.10.1 (/usr/bin/python3) on the same inputs.
const A = sortedFinite(new Float64Array([0.61, 1.42, -0.37, 2.05, 0.88, 1.13, -1.21, 0.27, 1.76, 0.49]));
const B = sortedFinite(
  new Float64Array([1.91, 2.33, 0.95, 3.12, 1.48, 2.71, 0.66, 2.08, 1.37, 2.95, 1.69, 2.52]),
);
const X50 = sortedFinite(
  new Float64Array([
    0.3456, 0.8216, 0.3304, -1.3032, 0.9054, 0.4464, -0.537, 0.5811, 0.3646, 0.2941, 0.0284, 0.5467, -0.7365,
    -0.1629, -0.4821, 0.5988, 0.0397, -0.2925, -0.7819, -0.2572, 0.0081, -0.2756, 1.2941, 1.0067, -2.7112,
    -1.889, -0.1748, -0.4222, 0.2136, 0.2173, 2.1178, -1.112, -0.3776, 2.0428, 0.6467, 0.6631, -0.514,
    -1.6481, 0.1675, 0.109, -1.2274, -0.6832, -0.072, -0.9448, -0.0983, 0.0955, 0.0356, -0.5063, 0.5937,
    0.8912,
  ]),
);
const Y60 = sortedFinite(
  new Float64Array([
    0.8208, -0.3182, 1.2317, -0.0014, 1.3792, -0.5718, 1.4145, 0.4799, -0.7487, 0.1861, 0.5541, 0.7728,
    -0.4822, -0.6074, 0.6996, 0.0333, 0.7355, 1.2595, -1.1488, 0.7544, 1.7246, 0.2025, -0.3108, 1.2522,
    0.7534, 1.3959, 0.1548, -0.9818, 0.39, 0.0542, 1.2753, 0.6936, -1.1308, -0.6952, 1.3838, 1.1798, -0.1402,
    0.499, 0.9456, 0.9684, 1.3762, 0.7565, 0.4052, 0.2412, 1.5557, -1.7509, 0.3613, 0.533, -0.9253, 0.8328,
    -0.1513, 1.3624, 0.3744, 1.1692, 1.7188, 0.8829, -0.3757, -1.0143, 2.2534, 0.3887,
  ]),
);

describe('incomplete gamma and chi-square', () => {
  it('logGamma matches scipy gammaln', () => {
    expect(logGamma(5)).toBeCloseTo(3.1780538303479458, 12);
    expect(logGamma(0.3)).toBeCloseTo(1.0957979948180756, 12);
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 9);
  });

  it('upperRegularizedGamma matches scipy gammaincc on both branches', () => {
    const cases: [number, number, number][] = [
      [0.5, 0.1, 0.6547208460185768],
      [2.5, 1.0, 0.8491450360846096],
      [5, 12.0, 0.007600390681066992],
      [50, 40.0, 0.9296649333406051],
      [1, 2, 0.1353352832366127],
    ];
    for (const [a, x, q] of cases) expect(upperRegularizedGamma(a, x)).toBeCloseTo(q, 12);
    expect(upperRegularizedGamma(3, 0)).toBe(1);
  });

  it('chiSquareSurvival matches scipy chi2.sf', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(10, 3)).toBeCloseTo(0.01856613546304325, 12);
    expect(chiSquareSurvival(25, 10)).toBeCloseTo(0.005345505487134069, 12);
    expect(chiSquareSurvival(100, 80)).toBeCloseTo(0.064570368921133, 12);
  });

  it('chiSquareHomogeneity matches chi2_contingency(correction=False)', () => {
    const r = chiSquareHomogeneity([30, 50, 20], [45, 40, 15]);
    expect(r.statistic).toBeCloseTo(4.825396825396825, 10);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.08957326253887996, 10);
    // Categories empty on both sides do not add degrees of freedom.
    expect(chiSquareHomogeneity([30, 0, 70], [45, 0, 55]).df).toBe(1);
    expect(chiSquareHomogeneity([30, 0, 70], [45, 0, 55]).statistic).toBeCloseTo(4.8, 10);
  });

  it('the two-proportion z-test equals chi-square with two categories', () => {
    const z = twoProportionZTest(30, 100, 45, 100);
    expect(z.pValue).toBeCloseTo(0.028459736916310638, 10);
    expect(z.z * z.z).toBeCloseTo(4.8, 10);
  });
});

describe('Kolmogorov-Smirnov', () => {
  it('kolmogorovSurvival matches scipy special.kolmogorov on both series', () => {
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.9639452436648751, 12);
    expect(kolmogorovSurvival(1.0)).toBeCloseTo(0.26999967167735456, 12);
    expect(kolmogorovSurvival(1.36)).toBeCloseTo(0.049485876755377876, 12);
    expect(kolmogorovSurvival(2.0)).toBeCloseTo(0.0006709252557796953, 14);
  });

  it('exact two-sample statistic and p-value match ks_2samp(method="exact")', () => {
    const r = ksTestSorted(A, B);
    expect(r.statistic).toBeCloseTo(0.55, 12);
    expect(r.pValue).toBeCloseTo(0.048886098421702134, 10);
    expect(r.pMethod).toBe('exact');
    const r2 = ksTestSorted(X50, Y60);
    expect(r2.statistic).toBeCloseTo(0.32666666666666666, 12);
    expect(r2.pValue).toBeCloseTo(0.0044508095357546195, 10);
    expect(ksExactPValue(0.5, 10, 10)).toBeCloseTo(0.16782134274394334, 10);
    expect(ksExactPValue(0.6, 10, 10)).toBeCloseTo(0.05244755244755244, 10);
  });

  it('the asymptotic p-value is close to scipy for large samples', () => {
    // scipy's asymptotic: kstwo.sf(0.1, 500) = 8.34e-5; Stephens' correction gives 8.1e-5.
    expect(ksAsymptoticPValue(0.1, 1000, 1000)).toBeGreaterThan(7.5e-5);
    expect(ksAsymptoticPValue(0.1, 1000, 1000)).toBeLessThan(9e-5);
  });

  it('the statistic handles ties after the jump', () => {
    const a = new Float64Array([1, 1, 2, 2]);
    expect(ksTestSorted(a, a).statistic).toBe(0);
    expect(ksTestSorted(new Float64Array([1, 2, 3]), new Float64Array([2, 3, 4])).statistic).toBeCloseTo(
      1 / 3,
      12,
    );
  });

  it('the quantile-knot statistic is within one knot step of the exact one', () => {
    const rng = new SeededRandom(7);
    const ref = sortedFinite(rng.normals(20_000));
    const cur = sortedFinite(rng.normals(3_000, 0.2, 1.1));
    const probs = Array.from({ length: 101 }, (_, i) => i / 100);
    const knots = { probs, values: probs.map((p) => quantileSorted(ref, p)) };
    const exact = ksTestSorted(ref, cur).statistic;
    expect(Math.abs(ksStatisticKnots(knots, cur) - exact)).toBeLessThan(0.01);
  });
});

describe('Wasserstein', () => {
  it('matches scipy wasserstein_distance', () => {
    expect(wassersteinSorted(A, B)).toBeCloseTo(1.2778333333333336, 12);
    expect(wassersteinSorted(X50, Y60)).toBeCloseTo(0.4857026666666666, 12);
    expect(wassersteinSorted(new Float64Array([0, 1, 3]), new Float64Array([5, 6, 8]))).toBeCloseTo(5, 12);
  });

  it('the quantile-knot distance integrates the piecewise-linear quantile function exactly', () => {
    expect(wassersteinKnots({ probs: [0, 1], values: [0, 1] }, new Float64Array([0.5]))).toBeCloseTo(
      0.25,
      12,
    );
    expect(wassersteinKnots({ probs: [0, 1], values: [0, 1] }, new Float64Array([2]))).toBeCloseTo(1.5, 12);
  });

  it('the quantile-knot distance is close to the exact one on large samples', () => {
    const rng = new SeededRandom(11);
    const ref = sortedFinite(rng.normals(20_000));
    const cur = sortedFinite(rng.normals(5_000, 0.3, 1));
    const probs = Array.from({ length: 101 }, (_, i) => i / 100);
    const knots = { probs, values: probs.map((p) => quantileSorted(ref, p)) };
    const exact = wassersteinSorted(ref, cur);
    expect(exact).toBeGreaterThan(0.25);
    expect(Math.abs(wassersteinKnots(knots, cur) - exact)).toBeLessThan(0.02);
  });
});

describe('PSI and Jensen-Shannon', () => {
  it('psi follows its formula and floors empty shares', () => {
    expect(psi([50, 50], [60, 40])).toBeCloseTo(0.1 * Math.log(1.2) - 0.1 * Math.log(0.8), 12);
    expect(psi([10, 20, 30], [10, 20, 30])).toBe(0);
    // An empty reference bin uses a share of 1e-4 instead of 0, so PSI stays finite.
    expect(psi([100, 0], [50, 50])).toBeCloseTo(
      (0.5 - 1) * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4),
      10,
    );
  });

  it('jensenShannonDistance matches scipy (natural log)', () => {
    expect(jensenShannonDistance([0.2, 0.5, 0.3], [0.3, 0.3, 0.4])).toBeCloseTo(0.14577767970191227, 12);
    expect(jensenShannonDistance([20, 50, 30], [3, 3, 4])).toBeCloseTo(0.14577767970191227, 12);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(0.8325546111576977, 12);
  });
});

describe('quantiles', () => {
  it('match numpy quantile (linear)', () => {
    expect(quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5)).toBe(2.5);
    const s = sortedFinite(new Float64Array([3, 1, 7, 2, 9]));
    expect(quantileSorted(s, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(s, 0.33)).toBeCloseTo(2.32, 12);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(8.2, 12);
  });

  it('sortedFinite drops NaN and infinities', () => {
    expect(Array.from(sortedFinite(new Float64Array([3, NaN, 1, Infinity])))).toEqual([1, 3]);
  });
});

describe('sortFloat64', () => {
  it('sorts like Float64Array.prototype.sort, including negatives, zeros, duplicates and extremes', () => {
    const rng = new SeededRandom(3);
    const a = new Float64Array(50_000);
    for (let i = 0; i < a.length; i++) {
      const k = i % 10;
      a[i] =
        k === 0
          ? -0
          : k === 1
            ? 0
            : k === 2
              ? Math.round(rng.normal() * 10) // many ties
              : k === 3
                ? rng.normal() * 1e300
                : k === 4
                  ? rng.normal() * 5e-324 * 10 // subnormals
                  : rng.normal(-3, 100);
    }
    const expected = new Float64Array(a).sort();
    const got = sortFloat64(new Float64Array(a));
    expect(Array.from(got)).toEqual(Array.from(expected));
    expect(Object.is(got[got.indexOf(0)], -0)).toBe(true); // −0 sorts before +0, as in the built-in sort
  });

  it('sorts a subarray view in place without touching its neighbours', () => {
    const buf = new Float64Array(10_002).fill(7);
    const view = buf.subarray(1, 10_001);
    for (let i = 0; i < view.length; i++) view[i] = (i * 7919) % 10_000;
    sortFloat64(view);
    expect(view[0]).toBe(0);
    expect(view[9_999]).toBe(9_999);
    expect(buf[0]).toBe(7);
    expect(buf[10_001]).toBe(7);
  });
});
