import path from 'node:path';
import { createReference, detectDrift, type ColumnInput, type ReferenceSnapshot } from '@sodai/drift';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { addDays, planCutoffs } from '../src/features/cutoff-plan.ts';
import { everyNthRow } from '../src/features/dataset-matrix.ts';
import { weekContext, type WeekContext } from '../src/jobs/week-context.ts';
import {
  calibrateDriftThresholds,
  featureColumns,
  weekTransactionColumns,
} from '../src/model/drift-reference.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir } from './helpers.ts';

// Generated weeks start on Monday 2024-01-01; the reference is week 16, checked against weeks 17–20.
const REFERENCE_WEEK = '2024-04-22';
const LATER_WEEKS = [1, 2, 3, 4].map((k) => addDays(REFERENCE_WEEK, 7 * k));

let store: RawStore;
let week: WeekContext;
let lines: ReferenceSnapshot;
let features: ReferenceSnapshot;

beforeAll(async () => {
  const dir = tempDir('sodai-drift-thresholds-');
  const { files } = await generateSmall(path.join(dir, 'generated'), {
    customers: 400,
    products: 150,
    weeks: 22,
    seed: 5,
    truth: false,
  });
  store = await RawStore.openDir(path.join(dir, 'store'));
  await loadInitialData(store, files, {});
  const settings = ConfigSchema.parse({}).model;
  // The plan a training on the reference week's data makes: its test week is the reference.
  const plan = planCutoffs(addDays(REFERENCE_WEEK, 6), { ...settings, earliestDate: '2024-01-01' });
  week = await weekContext(store.connection, settings, { plan });
  const thresholds = await calibrateDriftThresholds(
    store.connection,
    plan,
    settings.maxAgeWeeks,
    async (t) => {
      await week.datasets.ensure([t]);
      return week.datasets.matrix([t]);
    },
  );
  lines = createReference(await weekTransactionColumns(store.connection, REFERENCE_WEEK), {
    thresholds: thresholds.lines!,
  });
  await week.datasets.ensure([REFERENCE_WEEK, ...LATER_WEEKS]);
  features = createReference(featureColumns(await week.datasets.matrix([REFERENCE_WEEK])), {
    thresholds: thresholds.features!,
  });
}, 240_000);

afterAll(async () => {
  await store?.close();
});

/** One week's lines with an injected change: every quantity scaled, or a share of lines moved to one product. */
function injected(columns: ColumnInput[], change: { itemsFactor?: number; toOneProduct?: number }) {
  const [items, product] = columns as [
    ColumnInput & { values: Float64Array },
    ColumnInput & { values: string[] },
  ];
  const factor = Math.log(change.itemsFactor ?? 1);
  const every = change.toOneProduct ? Math.round(1 / change.toOneProduct) : 0;
  return [
    { ...items, values: items.values.map((v) => v + factor) },
    { ...product, values: product.values.map((p, i) => (every > 0 && i % every === 0 ? 'launched' : p)) },
  ];
}

describe('drift thresholds calibrated at training on generated weeks', { timeout: 240_000 }, () => {
  it('regression: ordinary week-to-week variation does not raise drift (lines and features), calibrated from history', async () => {
    let alarmsWithDefaults = 0;
    for (const [k, later] of LATER_WEEKS.entries()) {
      const current = await weekTransactionColumns(store.connection, later);
      const report = detectDrift(lines, current, { lag: k + 1 });
      expect(report.columns.map((c) => [later, c.name, c.thresholdSource, c.drifted])).toEqual([
        [later, 'line_items_log', 'calibrated', false],
        [later, 'line_product', 'calibrated', false],
      ]);
      const featureReport = detectDrift(features, featureColumns(await week.datasets.matrix([later])), {
        lag: k + 1,
      });
      expect(featureReport.verdict.drifted).toBe(false);
      // The thresholds every reference had before calibration alarm on these same ordinary weeks.
      const defaults = { useCalibration: false };
      if (
        detectDrift(lines, current, defaults).verdict.drifted ||
        detectDrift(features, featureColumns(await week.datasets.matrix([later])), defaults).verdict.drifted
      )
        alarmsWithDefaults++;
    }
    expect(alarmsWithDefaults).toBeGreaterThanOrEqual(LATER_WEEKS.length / 2);
  });

  it('a calibration sample with a stride takes every stride-th row of every feature column', async () => {
    const matrix = await week.datasets.matrix([REFERENCE_WEEK]);
    const all = featureColumns(matrix);
    const sample = featureColumns(everyNthRow(matrix, 3));
    expect(sample.map((c) => c.name)).toEqual(all.map((c) => c.name));
    sample.forEach((column, j) => {
      const full = Array.from(all[j]!.values as ArrayLike<number | string | null>);
      expect(Array.from(column.values as ArrayLike<number | string | null>)).toEqual(
        full.filter((_, r) => r % 3 === 0),
      );
    });
  });

  it('flags one generated week with halved baskets, or with a fifth of its lines moved to a new product', async () => {
    const current = await weekTransactionColumns(store.connection, LATER_WEEKS[0]!);
    const halved = detectDrift(lines, injected(current, { itemsFactor: 0.5 }), { lag: 1 });
    expect(halved.verdict.drifted).toBe(true);
    expect(halved.columns[0]).toMatchObject({
      name: 'line_items_log',
      drifted: true,
      thresholdSource: 'calibrated',
    });
    const launch = detectDrift(lines, injected(current, { toOneProduct: 0.2 }), { lag: 1 });
    expect(launch.verdict.drifted).toBe(true);
    expect(launch.columns[1]).toMatchObject({
      name: 'line_product',
      drifted: true,
      thresholdSource: 'calibrated',
    });
  });
});
