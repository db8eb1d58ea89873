import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../src/contract/feature-vector.ts';
import { queryNumber, queryRows } from '../src/store/duckdb.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { cutoffRows, readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { auditPointInTime } from '../src/features/point-in-time-audit.ts';
import { addDays, planCutoffs } from '../src/features/cutoff-plan.ts';
import { generateSmall, tempDir } from './helpers.ts';

const dir = tempDir();
let store: RawStore;

beforeAll(async () => {
  await generateSmall(dir, { customers: 200, weeks: 20, seed: 21 });
  store = await RawStore.openDir(path.join(dir, 'store'));
  await loadInitialData(
    store,
    {
      customers: path.join(dir, 'clientes.parquet'),
      products: path.join(dir, 'productos.parquet'),
      transactions: path.join(dir, 'transacciones.parquet'),
    },
    {},
  );
});
afterAll(() => store.close());

describe('customer × product × week dataset', () => {
  it('plans cut-offs on the weekday after the latest data, even mid-week', () => {
    const plan = planCutoffs('2024-12-31', { trainWeeks: 2, validationWeeks: 2 }); // a Tuesday
    expect(plan.predictCutoff).toBe('2025-01-01');
    expect(plan.testCutoff).toBe('2024-12-25');
    expect(plan.validationCutoffs).toEqual(['2024-12-11', '2024-12-18']);
    expect(plan.trainCutoffs).toEqual(['2024-11-27', '2024-12-04']);
  });

  it('materialises only candidate pairs and labels the 7 days from the cut-off', async () => {
    const summary = await buildDataset(store.connection, {
      cutoffs: ['2024-04-03'],
      lookbackWeeks: 12,
      exploreK: 3,
      table: 'ds',
    });
    const customers = await queryNumber(store.connection, 'SELECT count(*) FROM customers');
    const products = await queryNumber(store.connection, 'SELECT count(*) FROM products');
    expect(summary.rows).toBeGreaterThan(0);
    expect(summary.rows).toBeLessThan((customers * products) / 4);
    const [check] = await queryRows(
      store.connection,
      `WITH truth AS (SELECT customer_id, product_id FROM transactions
                      WHERE purchase_date >= DATE '2024-04-03' AND purchase_date < DATE '2024-04-10'
                      GROUP BY ALL HAVING sum(items) > 0)
       SELECT (SELECT count(*) FROM ds WHERE label = 1) AS labelled,
              (SELECT count(*) FROM truth) AS purchased,
              (SELECT count(*) FROM ds_uncovered) AS uncovered`,
    );
    expect(Number(check!.labelled) + Number(check!.uncovered)).toBe(Number(check!.purchased));
    expect(summary.coverage[0]!.share).toBeGreaterThanOrEqual(0.75);
  });

  it('features at a cut-off do not change when later data is deleted', async () => {
    const leaks = await auditPointInTime(store.connection, {
      cutoff: '2024-03-06',
      lookbackWeeks: 12,
      exploreK: 3,
    });
    expect(leaks).toEqual([]);
  });

  it('catches a deliberately leaky feature', async () => {
    const leaks = await auditPointInTime(store.connection, {
      cutoff: '2024-03-06',
      lookbackWeeks: 12,
      exploreK: 3,
      extraColumns: { next_week_echo: '(l.customer_id IS NOT NULL)::INT' },
    });
    expect(leaks.map((l) => l.feature)).toEqual(['next_week_echo']);
    expect(leaks[0]!.changedRows).toBeGreaterThan(0);
  });

  // Each new feature family: its columns vary (so the check is not vacuous), do not change when the
  // future is deleted, and the audit catches a version of the family that reads the label week.
  // `cutoff`: a week where the family varies (a product is first sold on 2024-03-25 in this data).
  const FAMILIES: Record<string, { columns: string[]; leaky: string; cutoff?: string }> = {
    'pair day-level timing': {
      columns: ['days_since_last', 'pair_day_share_12'],
      leaky: `(SELECT max(d) FROM ds_pair_days x WHERE x.customer_id = k.customer_id AND x.product_id = k.product_id) - k.t`,
    },
    'customer delivery rhythm': {
      columns: ['cust_days_since_order', 'cust_order_days_4', 'cust_due_ratio', 'cust_cutoff_weekday_share'],
      leaky: `(SELECT count(DISTINCT d) FROM ds_pair_days x WHERE x.customer_id = k.customer_id AND x.d >= k.t - 84)`,
    },
    'product last week and age': {
      columns: ['prod_buyers_1', 'prod_age_weeks'],
      leaky: `(SELECT count(DISTINCT customer_id) FROM ds_pair_days x WHERE x.product_id = k.product_id AND x.d >= k.t - 7)`,
      cutoff: '2024-04-10',
    },
    // market_days_1 (days with deliveries last week) is 7 every week in generated data: not listed here.
    'market volume': {
      columns: ['market_week_ratio'],
      leaky: `(SELECT count(*) FROM ds_pair_days x WHERE x.d >= k.t - 7)`,
    },
  };
  for (const [family, { columns, leaky, cutoff = '2024-03-06' }] of Object.entries(FAMILIES)) {
    it(`${family}: varies, reads only the past, and a future-reading variant is caught`, async () => {
      await buildDataset(store.connection, {
        cutoffs: [cutoff, addDays(cutoff, 7)],
        lookbackWeeks: 12,
        exploreK: 3,
        table: 'family',
      });
      for (const column of columns) {
        const distinct = await queryNumber(
          store.connection,
          `SELECT count(DISTINCT "${column}") FROM family`,
        );
        expect(distinct, column).toBeGreaterThan(1);
      }
      const leaks = await auditPointInTime(store.connection, {
        cutoff,
        lookbackWeeks: 12,
        exploreK: 3,
        extraColumns: { leaky_variant: leaky },
      });
      expect(leaks.map((l) => l.feature)).toEqual(['leaky_variant']);
    });
  }

  it('product age: a product sold in the first week of data is established, not new, at an early cut-off', async () => {
    await buildDataset(store.connection, {
      cutoffs: ['2024-04-10'],
      lookbackWeeks: 12,
      exploreK: 3,
      table: 'age',
    });
    const rows = await queryRows(
      store.connection,
      `WITH first_sale AS (SELECT product_id, min(purchase_date)::DATE AS first FROM transactions
                          WHERE purchase_date < DATE '2024-04-10' GROUP BY ALL)
       SELECT f.first < DATE '2024-01-08' AS since_start, min(a.prod_age_weeks) AS lo, max(a.prod_age_weeks) AS hi,
              bool_and(a.prod_age_weeks = ((DATE '2024-04-10' - f.first) // 7) + 1) AS counted
       FROM age a JOIN first_sale f USING (product_id) GROUP BY 1 ORDER BY 1`,
    );
    const byStart = new Map(rows.map((r) => [Boolean(r.since_start), r]));
    // Fourteen weeks into the data: without the censoring these would all read 15 weeks old.
    expect(byStart.get(true)).toMatchObject({ lo: 52, hi: 52 });
    // Products first sold later keep their measured age.
    expect(byStart.get(false)?.counted).toBe(true);
    expect(Number(byStart.get(false)?.hi)).toBeLessThan(15);
  });

  it('drops training cut-offs with less than four weeks of history', () => {
    const plan = planCutoffs('2024-03-31', {
      trainWeeks: 52,
      validationWeeks: 2,
      earliestDate: '2024-01-01',
    });
    expect(plan.trainCutoffs[0]).toBe('2024-01-29');
    expect(plan.trainCutoffs.at(-1)).toBe('2024-03-04');
    expect(planCutoffs('2024-03-31', { trainWeeks: 52, validationWeeks: 2 }).trainCutoffs).toHaveLength(52);
  });

  it('reads the dataset into typed arrays in the contract order', async () => {
    await buildDataset(store.connection, {
      cutoffs: ['2024-03-06', '2024-03-13'],
      lookbackWeeks: 12,
      exploreK: 3,
      table: 'two',
    });
    const m = await readDatasetMatrix(store.connection, 'two');
    expect(m.featureNames).toEqual(FEATURE_NAMES);
    expect(m.features.length).toBe(m.rows * FEATURE_NAMES.length);
    expect(m.cutoffs).toEqual(['2024-03-06', '2024-03-13']);
    const [first] = await queryRows(
      store.connection,
      'SELECT * FROM two ORDER BY cutoff, customer_id, product_id LIMIT 1',
    );
    FEATURE_NAMES.forEach((name, j) => {
      // A never-bought pair's timings are missing: NaN in the matrix, not a number close to one.
      if (first![name] === null) expect(m.features[j], name).toBeNaN();
      else expect(m.features[j], name).toBeCloseTo(Number(first![name]), 4);
    });
    expect(m.labels[0]).toBe(Number(first!.label));
  });

  it("one cut-off's rows of a several-cut-off matrix equal that cut-off read alone", async () => {
    await buildDataset(store.connection, {
      cutoffs: ['2024-03-06', '2024-03-13', '2024-03-20'],
      lookbackWeeks: 12,
      exploreK: 3,
      table: 'three',
    });
    const all = await readDatasetMatrix(store.connection, 'three');
    const alone = await readDatasetMatrix(store.connection, 'three', "cutoff = DATE '2024-03-13'");
    const rows = cutoffRows(all, '2024-03-13')!;
    expect(rows.rows).toBe(alone.rows);
    expect(rows.cutoffs).toEqual(['2024-03-13']);
    expect(Array.from(rows.features)).toEqual(Array.from(alone.features));
    expect(Array.from(rows.customerIds)).toEqual(Array.from(alone.customerIds));
    expect(Array.from(rows.labels)).toEqual(Array.from(alone.labels));
    expect(cutoffRows(all, '2024-03-27')).toBeUndefined();
  });
});
