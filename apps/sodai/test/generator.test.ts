import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, queryNumber, queryRows, type DuckDb } from '../src/store/duckdb.ts';
import { behaviourStats, type BehaviourStats } from '../src/data/generator/behaviour-stats.ts';
import { generateData } from '../src/data/generator/generate.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, hasRealData, REAL_DATA_DIR, tempDir } from './helpers.ts';

const dir = tempDir();
let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb(':memory:');
});
afterAll(() => db.close());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const FILES = ['clientes.parquet', 'productos.parquet', 'transacciones.parquet', 'truth.parquet'];

describe('synthetic generator', () => {
  it('writes the same bytes for the same seed, other bytes for another seed', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(dir, name));
    await generateSmall(a!, { seed: 5 });
    await generateSmall(b!, { seed: 5 });
    await generateSmall(c!, { seed: 6 });
    for (const file of FILES) expect(sha(path.join(a!, file)), file).toBe(sha(path.join(b!, file)));
    expect(sha(path.join(a!, 'transacciones.parquet'))).not.toBe(sha(path.join(c!, 'transacciones.parquet')));
  });

  it('makes data that passes validation, quarantining only its injected duplicates', async () => {
    const out = path.join(dir, 'valid');
    await generateSmall(out, { seed: 8 });
    const store = await RawStore.openDir(path.join(out, 'store'));
    try {
      const reports = await loadInitialData(
        store,
        {
          customers: path.join(out, 'clientes.parquet'),
          products: path.join(out, 'productos.parquet'),
          transactions: path.join(out, 'transacciones.parquet'),
        },
        {},
      );
      expect(reports.map((r) => r.outcome)).toEqual(['ingested', 'ingested', 'ingested']);
      const tx = reports[2]!;
      const duplicates = await queryNumber(
        db.connection,
        `SELECT count(*) - count(DISTINCT (customer_id, product_id, order_id, purchase_date, items))
         FROM read_parquet('${path.join(out, 'transacciones.parquet')}')`,
      );
      expect(duplicates).toBeGreaterThan(0);
      const quarantining = tx.checks
        .filter((c) => c.severity === 'quarantine' && c.count > 0)
        .map((c) => c.id);
      expect(quarantining).toEqual(['duplicate_row']);
      expect(tx.rows.quarantined).toBe(duplicates);
      expect(tx.checks.find((c) => c.id === 'return')!.count).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('writes truth probabilities in [0, 1] for every pair-week it could sell', async () => {
    const out = path.join(dir, 'a');
    const [row] = await queryRows(
      db.connection,
      `SELECT min(probability) AS lo, max(probability) AS hi, count(*) AS n,
              count(DISTINCT week_start) AS weeks FROM read_parquet('${path.join(out, 'truth.parquet')}')`,
    );
    expect(Number(row!.lo)).toBeGreaterThan(0);
    expect(Number(row!.hi)).toBeLessThanOrEqual(1);
    expect(Number(row!.weeks)).toBe(16);
    // Pairs with higher true probability are bought more often.
    const [calibration] = await queryRows(
      db.connection,
      `WITH t AS (SELECT * FROM read_parquet('${path.join(out, 'truth.parquet')}')),
            bought AS (SELECT DISTINCT customer_id, product_id, date_trunc('week', purchase_date)::DATE AS week_start
                       FROM read_parquet('${path.join(out, 'transacciones.parquet')}') WHERE items > 0)
       SELECT avg(CASE WHEN b.customer_id IS NULL THEN 0 ELSE 1 END) FILTER (WHERE t.probability >= 0.5) AS high,
              avg(CASE WHEN b.customer_id IS NULL THEN 0 ELSE 1 END) FILTER (WHERE t.probability < 0.1) AS low
       FROM t LEFT JOIN bought b USING (customer_id, product_id, week_start)`,
    );
    expect(Number(calibration!.high)).toBeGreaterThan(0.5);
    expect(Number(calibration!.low)).toBeLessThan(0.12);
  });

  it('draws each week independently: the share of purchases repeated from the week before stays steady', async () => {
    // Regression: correlated hash draws made some weeks copy the previous week's purchases (share
    // ~0.75) and others avoid them (~0.1), a calendar pattern no feature can see.
    const rows = await queryRows(
      db.connection,
      `WITH t AS (SELECT DISTINCT customer_id, product_id, (purchase_date::DATE - DATE '2024-01-01') // 7 AS w
                  FROM read_parquet('${path.join(dir, 'a', 'transacciones.parquet')}') WHERE items > 0)
       SELECT a.w, count(b.w) / count(*) AS repeated
       FROM t a LEFT JOIN t b ON b.customer_id = a.customer_id AND b.product_id = a.product_id AND b.w = a.w - 1
       WHERE a.w > 0 GROUP BY a.w`,
    );
    const shares = rows.map((r) => Number(r.repeated));
    expect(shares).toHaveLength(15);
    expect(Math.max(...shares) - Math.min(...shares), JSON.stringify(shares)).toBeLessThan(0.2);
  });

  it('injects drift from the given week: the top product collapses and a new one takes off', async () => {
    const out = path.join(dir, 'drift');
    await generateSmall(out, { seed: 9, weeks: 20, driftWeek: 10 });
    const rows = await queryRows(
      db.connection,
      `WITH t AS (SELECT *, purchase_date >= DATE '2024-01-01' + 70 AS after FROM read_parquet('${path.join(out, 'transacciones.parquet')}')),
            top AS (SELECT product_id FROM t WHERE NOT after GROUP BY ALL ORDER BY count(*) DESC LIMIT 1),
            newcomer AS (SELECT product_id FROM t GROUP BY ALL HAVING bool_and(after) ORDER BY count(*) DESC LIMIT 1)
       SELECT (SELECT count(*) FILTER (WHERE NOT after) FROM t WHERE product_id IN (SELECT * FROM top)) AS top_before,
              (SELECT count(*) FILTER (WHERE after) FROM t WHERE product_id IN (SELECT * FROM top)) AS top_after,
              (SELECT count(*) FROM t WHERE product_id IN (SELECT * FROM newcomer)) AS newcomer_rows,
              (SELECT avg(items) FILTER (WHERE NOT after AND items > 0) FROM t) AS basket_before,
              (SELECT avg(items) FILTER (WHERE after AND items > 0) FROM t) AS basket_after`,
    );
    const r = rows[0]!;
    expect(Number(r.top_after)).toBeLessThan(Number(r.top_before) * 0.4);
    expect(Number(r.newcomer_rows)).toBeGreaterThan(50);
    expect(Number(r.basket_after) / Number(r.basket_before)).toBeGreaterThan(1.3);
  });

  it('rejects impossible options with the option named', async () => {
    await expect(generateSmall(path.join(dir, 'bad'), { weeks: 5, driftWeek: 9 })).rejects.toThrow(
      /drift-week 9/,
    );
    await expect(generateSmall(path.join(dir, 'bad'), { start: '2024-13-01' })).rejects.toThrow(
      /option start/,
    );
  });
});

/**
 * Behaviour of the real 2024 data, measured with behaviourStats on transacciones.parquet; used when
 * the real files are not beside the project. When they are, the test measures them afresh.
 */
const REAL_REFERENCE: BehaviourStats = {
  rows: 254936,
  weeklyRowsMean: 4810.1,
  linesPerOrder: 3.946,
  productsPerCustomerMedian: 17,
  repeatShare: 0.852,
  gapWeeksMedian: 2,
  gapWeeksMean: 2.993,
  returnShare: 0.0329,
  duplicateShare: 0.00347,
  peakToTrough: 5.95,
};

/** Relative tolerances (or absolute where marked) within which generated data must match reality. */
const TOLERANCES: Record<
  Exclude<keyof BehaviourStats, 'rows' | 'peakToTrough'>,
  { rel?: number; abs?: number }
> = {
  weeklyRowsMean: { rel: 0.1 },
  linesPerOrder: { rel: 0.15 },
  productsPerCustomerMedian: { rel: 0.2 },
  repeatShare: { abs: 0.04 },
  gapWeeksMedian: { abs: 1 },
  gapWeeksMean: { rel: 0.25 },
  returnShare: { abs: 0.005 },
  duplicateShare: { abs: 0.001 },
};

describe('calibration at the real data size', () => {
  it('matches the real data within stated tolerances', async () => {
    const out = path.join(dir, 'real-size');
    await generateData({
      customers: 1569,
      products: 971,
      weeks: 53,
      start: '2024-01-01',
      seed: 2024,
      outDir: out,
      truth: false,
    });
    const generated = await behaviourStats(db.connection, path.join(out, 'transacciones.parquet'));
    const real = hasRealData
      ? await behaviourStats(db.connection, path.join(REAL_DATA_DIR, 'transacciones.parquet'))
      : REAL_REFERENCE;
    for (const [key, tolerance] of Object.entries(TOLERANCES)) {
      const g = generated[key as keyof BehaviourStats];
      const r = real[key as keyof BehaviourStats];
      const allowed = tolerance.abs ?? Math.abs(r) * tolerance.rel!;
      expect(
        Math.abs(g - r),
        `${key}: generated ${g.toFixed(4)} vs real ${r.toFixed(4)} (±${allowed})`,
      ).toBeLessThanOrEqual(allowed);
    }
    // December is busier than the mid-year low, as in the real data.
    const [season] = await queryRows(
      db.connection,
      `SELECT count(*) FILTER (WHERE month(purchase_date) = 12) / count(*) FILTER (WHERE month(purchase_date) IN (5, 7)) * 2 AS ratio
       FROM read_parquet('${path.join(out, 'transacciones.parquet')}')`,
    );
    expect(Number(season!.ratio)).toBeGreaterThan(1.4);
  });
});
