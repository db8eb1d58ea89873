import { describe, expect, it } from 'vitest';
import { createReference, detectDrift, type ColumnsInput } from '../src/index.ts';
import { SeededRandom } from './seeded.ts';

const DECEMBER_WEEKS = [49, 50, 51, 52];
const NOVEMBER_WEEKS = [44, 45, 46, 47];

interface Injected {
  /** Extra basket shift in standard deviations of the week's own distribution. */
  basketSd?: number;
  /** The `east` region nearly disappears. */
  collapseRegion?: boolean;
}

/**
 * Rows (customer orders) of some weeks of a year. Baskets and weekly volume run ×1.8 in December and kegs are
 * popular then (parties); year 2 grows 2 % on year 1. Price, region and channel are not seasonal.
 */
function weeks(
  year: 1 | 2,
  weekNumbers: readonly number[],
  rowsPerWeek: number,
  injected: Injected = {},
): ColumnsInput {
  const rng = new SeededRandom(year * 1000 + weekNumbers[0]!);
  const n = weekNumbers.length * rowsPerWeek;
  const basket = new Float64Array(n);
  const volume = new Float64Array(n);
  const price = new Float64Array(n);
  const pack: string[] = [];
  const region: string[] = [];
  const channel: string[] = [];
  let row = 0;
  for (const week of weekNumbers) {
    const peak = week >= 49 ? 1.8 : 1;
    const growth = year === 2 ? 1.02 : 1;
    for (let i = 0; i < rowsPerWeek; i++, row++) {
      const sd = 3 * peak;
      basket[row] = rng.normal(12 * peak * growth, sd) + (injected.basketSd ?? 0) * sd;
      volume[row] = Math.exp(rng.normal(2 + Math.log(peak * growth), 0.5));
      price[row] = rng.normal(1.5, 0.2);
    }
    pack.push(
      ...rng.categories(rowsPerWeek, ['can', 'bottle', 'keg'], week >= 49 ? [30, 30, 40] : [45, 45, 10]),
    );
    region.push(
      ...rng.categories(
        rowsPerWeek,
        ['north', 'south', 'east', 'west'],
        injected.collapseRegion ? [40, 30, 1, 29] : [30, 25, 25, 20],
      ),
    );
    channel.push(...rng.categories(rowsPerWeek, ['phone', 'web', 'rep'], [30, 50, 20]));
  }
  return { basket, volume, price, pack, region, channel };
}

describe('seasonal reference: the December peak is not drift', () => {
  const november = createReference(weeks(2, NOVEMBER_WEEKS, 2_000));
  const lastDecember = createReference(weeks(1, DECEMBER_WEEKS, 2_000));
  const december = weeks(2, DECEMBER_WEEKS, 2_000);

  it('comparing December with November alarms without the seasonal option', () => {
    const r = detectDrift(november, december);
    expect(
      r.columns
        .filter((c) => c.drifted)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['basket', 'pack', 'volume']);
    expect(r.verdict.drifted).toBe(true);
    expect(r.seasonal).toBe(false);
  });

  it('does not alarm with last December as the seasonal reference', () => {
    const r = detectDrift(november, december, { seasonalReference: lastDecember });
    expect(r.seasonal).toBe(true);
    expect(r.driftedColumns).toBe(0);
    expect(r.verdict.drifted).toBe(false);
    // The columns still moved against November; the report says so and why they do not count.
    const basket = r.columns.find((c) => c.name === 'basket')!;
    expect(basket.driftedVsReference).toBe(true);
    expect(basket.seasonal!.drifted).toBe(false);
    expect(basket.seasonal!.method).toBe(basket.method);
    expect(r.verdict.reason).toMatch(/seasonal, not counted .*basket, volume, pack/);
  });

  it('an injected shift on top of the peak alarms with and without the seasonal option', () => {
    const shifted = weeks(2, DECEMBER_WEEKS, 2_000, { basketSd: 1, collapseRegion: true });
    const plain = detectDrift(november, shifted);
    const seasonal = detectDrift(november, shifted, { seasonalReference: lastDecember });
    expect(plain.columns.filter((c) => c.drifted).map((c) => c.name)).toEqual(
      expect.arrayContaining(['basket', 'region']),
    );
    expect(plain.verdict.drifted).toBe(true);
    expect(
      seasonal.columns
        .filter((c) => c.drifted)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['basket', 'region']);
    expect(seasonal.shareDrifted).toBeCloseTo(2 / 6, 12);
    expect(seasonal.verdict.drifted).toBe(true);
  });

  it('works on small samples (KS, chi-square) and with raw seasonal data', () => {
    const nov = createReference(weeks(2, NOVEMBER_WEEKS, 150));
    const dec = weeks(2, DECEMBER_WEEKS, 100);
    const lastDec = weeks(1, DECEMBER_WEEKS, 150);
    const plain = detectDrift(nov, dec);
    expect(plain.columns.find((c) => c.name === 'basket')!.method).toBe('ks');
    expect(plain.verdict.drifted).toBe(true);
    const seasonal = detectDrift(nov, dec, { seasonalReference: lastDec });
    // At 100 rows a week, six 5 % tests (and year 2's real 2 % growth) can flag one column by chance;
    // what must hold is that the season no longer reads as drift.
    expect(seasonal.driftedColumns).toBeLessThan(plain.driftedColumns);
    expect(seasonal.driftedColumns).toBeLessThanOrEqual(1);
    expect(seasonal.verdict.drifted).toBe(false);
  });
});
