/**
 * The reference panel of ../shared/bench/panel-spec.md in DuckDB SQL: scaled copies of the real
 * transactions, the customer × product × week panel with lags, rolling sums, recency and label, and
 * its column checksums. A benchmark for a side-by-side with pandas, not the product's features.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readFileSql, sqlString } from '../src/store/duckdb.ts';

const COPY_OFFSET = 10_000_000;

/**
 * Writes copy 0 (the real rows) plus copies 1 … scale−1: ids shifted by k·10⁷ and each cloned
 * order's date moved by a seeded uniform whole number of days in −3 … +3, clipped to 2024.
 */
export async function writeScaledTransactions(
  connection: DuckDBConnection,
  source: string,
  scale: number,
  out: string,
  seed = 42,
): Promise<void> {
  await connection.run(`COPY (
    SELECT customer_id + k * ${COPY_OFFSET} AS customer_id, product_id, order_id + k * ${COPY_OFFSET} AS order_id,
      CASE WHEN k = 0 THEN purchase_date
           ELSE greatest(TIMESTAMP '2024-01-01', least(TIMESTAMP '2024-12-31',
                purchase_date + to_days(CAST(hash(order_id, k, ${seed}) % 7 AS INTEGER) - 3))) END AS purchase_date,
      items
    FROM ${readFileSql(source)} CROSS JOIN range(${scale}) r(k)
  ) TO ${sqlString(out)} (FORMAT parquet)`);
}

const LAGS = [1, 2, 3, 4] as const;
const ROLLS = [4, 8] as const;

/** Builds the panel as table `panel` (read → cleaned → weekly → features), in memory. */
export async function buildReferencePanel(connection: DuckDBConnection, transactions: string): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE clean AS
    SELECT customer_id, product_id, order_id, date_trunc('week', purchase_date)::DATE AS week,
           greatest(items, 0) AS items
    FROM (SELECT DISTINCT customer_id, product_id, order_id, purchase_date, items FROM ${readFileSql(transactions)})
    WHERE greatest(items, 0) > 0`);
  const w = (rows: number) =>
    `OVER (PARTITION BY customer_id, product_id ORDER BY week ROWS BETWEEN ${rows - 1} PRECEDING AND CURRENT ROW)`;
  const lags = LAGS.flatMap((k) => [
    `coalesce(lag(n_orders, ${k - 1}) OVER pw, 0) AS orders_lag${k}`,
    `coalesce(lag(items, ${k - 1}) OVER pw, 0) AS items_lag${k}`,
  ]);
  const rolls = ROLLS.flatMap((r) => [
    `sum(n_orders) ${w(r)} AS orders_roll${r}`,
    `sum(items) ${w(r)} AS items_roll${r}`,
  ]);
  await connection.run(`CREATE OR REPLACE TEMP TABLE panel AS
    WITH weeks AS (
      SELECT unnest(generate_series(min(week), max(week), INTERVAL 7 DAY))::DATE AS week,
      FROM clean),
    weekly AS (
      SELECT customer_id, product_id, week, count(DISTINCT order_id) AS n_orders, sum(items) AS items
      FROM clean GROUP BY ALL),
    grid AS (
      SELECT p.customer_id, p.product_id, w.week,
             coalesce(x.n_orders, 0) AS n_orders, coalesce(x.items, 0) AS items,
             dense_rank() OVER (ORDER BY w.week) AS week_index
      FROM (SELECT DISTINCT customer_id, product_id FROM weekly) p CROSS JOIN weeks w
      LEFT JOIN weekly x USING (customer_id, product_id, week))
    SELECT customer_id, product_id, week, n_orders, items,
           ${[...lags, ...rolls].join(',\n           ')},
           week_index - max(CASE WHEN n_orders > 0 THEN week_index END) OVER (PARTITION BY customer_id, product_id ORDER BY week ROWS UNBOUNDED PRECEDING) AS weeks_since_last,
           CASE WHEN lead(week) OVER pw IS NULL THEN NULL ELSE (lead(n_orders) OVER pw > 0)::INT END AS label
    FROM grid
    WINDOW pw AS (PARTITION BY customer_id, product_id ORDER BY week)`);
  await connection.run('DROP TABLE clean');
}

/** The spec's checksum table (1× real data): column → sum with nulls skipped. */
export const REFERENCE_CHECKSUMS: Readonly<Record<string, number>> = Object.freeze({
  rows: 1_617_242,
  labelled_rows: 1_586_728,
  orders_lag1: 243_331,
  orders_lag2: 241_889,
  orders_lag3: 234_271,
  orders_lag4: 224_681,
  items_lag1: 1_146_171.4,
  items_lag2: 1_136_672.7333,
  items_lag3: 1_090_284.7333,
  items_lag4: 1_036_464.0667,
  orders_roll4: 944_172,
  orders_roll8: 1_785_824,
  items_roll4: 4_409_592.9333,
  items_roll8: 8_271_871.5333,
  weeks_since_last: 10_045_132,
  weeks_since_last_missing: 577_059,
  label: 202_741,
});

/** The panel's checksums, named as in {@link REFERENCE_CHECKSUMS}. */
export async function panelChecksums(connection: DuckDBConnection): Promise<Record<string, number>> {
  const sums = [
    ...LAGS.flatMap((k) => [`orders_lag${k}`, `items_lag${k}`]),
    ...ROLLS.flatMap((r) => [`orders_roll${r}`, `items_roll${r}`]),
    'weeks_since_last',
    'label',
  ];
  const [row] = await queryRows(
    connection,
    `SELECT count(*) AS rows, count(label) AS labelled_rows,
            count(*) - count(weeks_since_last) AS weeks_since_last_missing,
            ${sums.map((c) => `sum(${c})::DOUBLE AS ${c}`).join(', ')}
     FROM panel`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

/** Names of checksums that differ from the reference: counts exactly, item sums within 1e-3 relative. */
export function checksumMismatches(actual: Readonly<Record<string, number>>): string[] {
  return Object.entries(REFERENCE_CHECKSUMS)
    .filter(([name, expected]) => {
      const value = actual[name];
      if (value === undefined) return true;
      return name.startsWith('items_')
        ? Math.abs(value - expected) > 1e-3 * Math.abs(expected)
        : value !== expected;
    })
    .map(([name]) => name);
}
