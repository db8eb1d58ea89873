/**
 * The dataset cache keeps each cut-off's rows until what they were built from changes: the purchases
 * before the end of its label week, the customer and product tables, the settings. A weekly run on
 * a new batch must not rebuild the year; a corrected week or customer must rebuild what read it.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetCache } from '../src/features/dataset-cache.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { addDays } from '../src/features/cutoff-plan.ts';
import { sqlString } from '../src/store/duckdb.ts';
import { generateSmall, tempDir } from './helpers.ts';

const dir = tempDir();
const SETTINGS = { lookbackWeeks: 12, exploreK: 3 };
// Generated from 2024-01-01 (a Monday) for 16 weeks; the last 3 weeks are appended later.
const CUTOFFS = ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25'];
const HELD_BACK_FROM = '2024-04-01';
let instance: DuckDBInstance;
let c: DuckDBConnection;

beforeAll(async () => {
  const { files } = await generateSmall(dir, { customers: 120, weeks: 16, seed: 5 });
  instance = await DuckDBInstance.create(':memory:');
  c = await instance.connect();
  const read = (file: string) => `read_parquet(${sqlString(file)})`;
  await c.run(`CREATE TABLE customers AS SELECT * FROM ${read(files.customers)}`);
  await c.run(`CREATE TABLE products AS SELECT * FROM ${read(files.products)}`);
  await c.run(`CREATE TABLE all_transactions AS SELECT * FROM ${read(files.transactions)}`);
  await c.run(
    `CREATE TABLE transactions AS SELECT * FROM all_transactions WHERE purchase_date < DATE '${HELD_BACK_FROM}'`,
  );
});
afterAll(() => {
  c?.closeSync();
  instance?.closeSync();
});

/** A cache as a job makes one, recording which cut-offs it built and which it reused. */
function cache(): { datasets: DatasetCache; built: string[]; reused: string[] } {
  const built: string[] = [];
  const reused: string[] = [];
  const datasets = new DatasetCache(c, {
    ...SETTINGS,
    log: (line) => {
      const days = line.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      (line.startsWith('dataset built') ? built : reused).push(...days);
    },
  });
  return { datasets, built, reused };
}

/** The cut-off's rows built from scratch on today's data, for comparison. */
async function fresh(cutoff: string) {
  await buildDataset(c, { ...SETTINGS, cutoffs: [cutoff], table: 'fresh_ds' });
  return readDatasetMatrix(c, 'fresh_ds');
}

describe('dataset cache', () => {
  it('a new week of data rebuilds only the cut-offs whose label week it reaches', async () => {
    const first = cache();
    await first.datasets.ensure(CUTOFFS);
    expect(first.built).toEqual(CUTOFFS);

    // The next batch: the week after the held-back day. The last cut-off's label week ends before it.
    await c.run(
      `INSERT INTO transactions SELECT * FROM all_transactions
       WHERE purchase_date >= DATE '${HELD_BACK_FROM}' AND purchase_date < DATE '${addDays(HELD_BACK_FROM, 7)}'`,
    );
    const next = cache();
    const newCutoff = HELD_BACK_FROM;
    await next.datasets.ensure([...CUTOFFS, newCutoff]);
    expect(next.built).toEqual([newCutoff]);
    expect(next.reused).toEqual(CUTOFFS);
    const kept = await next.datasets.matrix([newCutoff]);
    expect(Array.from(kept.features)).toEqual(Array.from((await fresh(newCutoff)).features));
  });

  it('a corrected purchase rebuilds the cut-offs that read it (its label week and later), not earlier ones', async () => {
    await cache().datasets.ensure(CUTOFFS);
    // Correct one purchase in the week of the third cut-off: its label, and the fourth's features.
    const week = CUTOFFS[2]!;
    await c.run(
      `UPDATE transactions SET items = items + 1 WHERE rowid = (SELECT min(rowid) FROM transactions
       WHERE purchase_date >= DATE '${week}' AND purchase_date < DATE '${addDays(week, 7)}' AND items > 0)`,
    );
    const after = cache();
    await after.datasets.ensure(CUTOFFS);
    expect(after.built).toEqual(CUTOFFS.slice(2));
    expect(after.reused).toEqual(CUTOFFS.slice(0, 2));
    const last = CUTOFFS.at(-1)!;
    const kept = await after.datasets.matrix([last]);
    expect(Array.from(kept.features)).toEqual(Array.from((await fresh(last)).features));
  });

  it('a changed customer attribute rebuilds every cut-off (datasets read the customer table)', async () => {
    await cache().datasets.ensure(CUTOFFS);
    await c.run(
      `UPDATE customers SET customer_type = 'MAYORISTA'
       WHERE customer_id = (SELECT min(customer_id) FROM customers WHERE customer_type <> 'MAYORISTA')`,
    );
    const after = cache();
    await after.datasets.ensure(CUTOFFS);
    expect(after.built).toEqual(CUTOFFS);
  });
});
