import type { DuckDBConnection } from '@duckdb/node-api';
import { FEATURES, PAIR_WINDOWS_WEEKS } from '../contract/feature-vector.ts';
import { queryRows, sqlIdent, sqlString } from '../store/duckdb.ts';

export interface DatasetOptions {
  /** Cut-off days (YYYY-MM-DD): features use purchases strictly before, labels the 7 days from it. */
  readonly cutoffs: readonly string[];
  /** A pair is a candidate when bought within this many weeks before the cut-off. */
  readonly lookbackWeeks: number;
  /** Per active customer, this many products popular with the same customer type are added. */
  readonly exploreK: number;
  /** Table to create (replaced). */
  readonly table: string;
  /** Source of transactions; a view or table with the raw columns (default: the store's table). */
  readonly transactions?: string;
  /**
   * Extra columns (name → SQL over the final join: `k` candidates, `pair`, `cust`, `prod`, `cu`, `pr`,
   * `l` labels) for experiments and audits. They are not model inputs unless added to the contract.
   */
  readonly extraColumns?: Readonly<Record<string, string>>;
}

export interface DatasetSummary {
  readonly rows: number;
  readonly positives: number;
  /** Per cut-off: next-week purchased pairs, how many the candidates cover, and the share. */
  readonly coverage: readonly { cutoff: string; purchased: number; covered: number; share: number }[];
}

/**
 * Bumped whenever a feature's definition changes under the same name, so datasets cached by an
 * older build are rebuilt rather than mixed with new ones (2: product age censored at the data start).
 */
export const DATASET_DEFINITION_REVISION = 2;

const categoricalCode = (column: string, categories: readonly string[]) =>
  `CASE ${column} ${categories.map((c, i) => `WHEN ${sqlString(c)} THEN ${i}`).join(' ')} ELSE NULL END`;

/** The temporary tables {@link featureStatements} creates on the way to the dataset table. */
export const DATASET_TEMP_TABLES = [
  'ds_cutoffs',
  'ds_pair_days',
  'ds_buckets',
  'ds_cust_days',
  'ds_labels',
  'ds_candidates',
] as const;

/**
 * The DuckDB statements that build the dataset table from `transactions`, `customers` and
 * `products`: the one definition of the features, run by {@link buildDataset} and written out as
 * `features.sql` by the Python hand-off. Every feature at cut-off t reads purchases dated before t
 * only, so deleting later data cannot change it. Weeks are counted back from each cut-off, which may
 * fall on any weekday: a partial last week is simply the 7 days before the cut-off.
 */
export function featureStatements(options: DatasetOptions): string[] {
  const source = options.transactions ?? 'transactions';
  const statements: string[] = [];
  statements.push(`CREATE OR REPLACE TEMP TABLE ds_cutoffs AS
    SELECT CAST(t AS DATE) AS t FROM (VALUES ${options.cutoffs.map((t) => `(${sqlString(t)})`).join(', ')}) v(t)`);
  // Net items per pair and day: returns cancel purchases of the same week below.
  statements.push(`CREATE OR REPLACE TEMP TABLE ds_pair_days AS
    SELECT customer_id, product_id, CAST(purchase_date AS DATE) AS d, sum(items) AS net
    FROM ${source} WHERE purchase_date < (SELECT max(t) + 7 FROM ds_cutoffs) GROUP BY ALL`);
  statements.push(`CREATE OR REPLACE TEMP TABLE ds_buckets AS
    SELECT k.t, x.customer_id, x.product_id, ((k.t - x.d) // 7)::INT AS b, sum(x.net) AS net,
           count(*) FILTER (WHERE x.net > 0) AS days, max(x.d) AS last_d
    FROM ds_pair_days x JOIN ds_cutoffs k ON x.d < k.t AND x.d >= k.t - 364
    GROUP BY ALL HAVING sum(x.net) > 0`);
  // The customer's delivery days (any product) in the 12 weeks before each cut-off: its rhythm.
  statements.push(`CREATE OR REPLACE TEMP TABLE ds_cust_days AS
    SELECT k.t, x.customer_id, x.d
    FROM (SELECT customer_id, d FROM ds_pair_days GROUP BY ALL HAVING sum(net) > 0) x
    JOIN ds_cutoffs k ON x.d < k.t AND x.d >= k.t - 84`);
  statements.push(`CREATE OR REPLACE TEMP TABLE ds_labels AS
    SELECT k.t, x.customer_id, x.product_id
    FROM ds_pair_days x JOIN ds_cutoffs k ON x.d >= k.t AND x.d < k.t + 7
    GROUP BY ALL HAVING sum(x.net) > 0`);

  statements.push(`CREATE OR REPLACE TEMP TABLE ds_candidates AS
    WITH history AS (
      SELECT DISTINCT t, customer_id, product_id FROM ds_buckets WHERE b < ${options.lookbackWeeks}),
    active AS (
      SELECT DISTINCT h.t, h.customer_id, cu.customer_type FROM history h JOIN customers cu USING (customer_id)),
    popular AS (
      SELECT b.t, cu.customer_type, b.product_id,
             row_number() OVER (PARTITION BY b.t, cu.customer_type ORDER BY count(DISTINCT b.customer_id) DESC, b.product_id) AS r
      FROM ds_buckets b JOIN customers cu USING (customer_id) WHERE b.b < 8
      GROUP BY b.t, cu.customer_type, b.product_id),
    -- Customers without history get the popular products too: first orders are purchases to cover.
    everyone AS (
      SELECT k.t, cu.customer_id, cu.customer_type FROM ds_cutoffs k CROSS JOIN customers cu),
    explore AS (
      SELECT a.t, a.customer_id, p.product_id FROM everyone a
      JOIN popular p ON p.t = a.t AND p.customer_type IS NOT DISTINCT FROM a.customer_type AND p.r <= ${options.exploreK}),
    -- Products first sold within the last 4 weeks spread fast: offer them to every active customer.
    launches AS (
      SELECT a.t, a.customer_id, n.product_id FROM active a
      JOIN (SELECT t, product_id FROM ds_buckets GROUP BY ALL HAVING max(b) < 4) n ON n.t = a.t),
    offered AS (SELECT * FROM explore UNION SELECT * FROM launches)
    SELECT t, customer_id, product_id, true AS from_history FROM history
    UNION ALL
    SELECT t, customer_id, product_id, false FROM offered e
    WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.t = e.t AND h.customer_id = e.customer_id AND h.product_id = e.product_id)`);

  const windows = PAIR_WINDOWS_WEEKS.map((w) => `count(*) FILTER (WHERE b < ${w}) AS pair_weeks_${w}`).join(
    ',\n      ',
  );
  const byName = new Map<string, string>([
    ['x', 'cu."X"'],
    ['y', 'cu."Y"'],
    [
      'customer_type',
      categoricalCode('cu.customer_type', FEATURES.find((f) => f.name === 'customer_type')!.categories!),
    ],
    ['category', categoricalCode('pr.category', FEATURES.find((f) => f.name === 'category')!.categories!)],
    [
      'sub_category',
      categoricalCode('pr.sub_category', FEATURES.find((f) => f.name === 'sub_category')!.categories!),
    ],
    ['segment', categoricalCode('pr.segment', FEATURES.find((f) => f.name === 'segment')!.categories!)],
    ['package', categoricalCode('pr.package', FEATURES.find((f) => f.name === 'package')!.categories!)],
    ['size', 'pr.size'],
    ['num_deliver_per_week', 'cu.num_deliver_per_week'],
    ['pair_day_share_12', 'coalesce(pair.pair_days_12 / nullif(rhythm.cust_order_days_12, 0), 0)'],
  ]);
  // Counts are 0 for a pair never bought; timings (recency, gaps) stay missing, which XGBoost handles.
  const missingWhenNeverBought = new Set(FEATURES.filter((f) => f.missingWhenNeverBought).map((f) => f.name));
  const featureColumns = FEATURES.map((f) => {
    const expression =
      byName.get(f.name) ??
      (missingWhenNeverBought.has(f.name) ? sqlIdent(f.name) : `coalesce(${sqlIdent(f.name)}, 0)`);
    return `CAST(${expression} AS FLOAT) AS ${sqlIdent(f.name)}`;
  });
  statements.push(`CREATE OR REPLACE TABLE ${sqlIdent(options.table)} AS
    WITH ordered AS (
      SELECT *, lag(b) OVER (PARTITION BY t, customer_id, product_id ORDER BY b) AS newer_b,
             row_number() OVER (PARTITION BY t, customer_id, product_id ORDER BY b) - 1 AS rn
      FROM ds_buckets),
    pair AS (
      SELECT t, customer_id, product_id,
      ${windows},
      min(b) + 1 AS weeks_since_last,
      avg(b - newer_b) AS gap_mean,
      (min(b) + 1) / coalesce(avg(b - newer_b), 52) AS due_ratio,
      coalesce(stddev_samp(b - newer_b), 0) AS gap_std,
      sum(net) FILTER (WHERE b < 4) AS items_4,
      sum(net) FILTER (WHERE b < 12) AS items_12,
      coalesce(sum(net) FILTER (WHERE b < 4), 0) / 4 - coalesce(sum(net) FILTER (WHERE b >= 4 AND b < 12), 0) / 8 AS items_trend,
      count(*) FILTER (WHERE rn = b) AS streak,
      t - max(last_d) AS days_since_last,
      sum(days) FILTER (WHERE b < 12) AS pair_days_12
      FROM ordered GROUP BY t, customer_id, product_id),
    rhythm AS (
      SELECT t, customer_id,
             t - max(d) AS cust_days_since_order,
             count(*) AS cust_order_days_12,
             count(*) FILTER (WHERE d >= t - 28) AS cust_order_days_4,
             (t - max(d)) * count(*) / 84 AS cust_due_ratio,
             count(*) FILTER (WHERE dayofweek(d) = dayofweek(t)) / count(*) AS cust_cutoff_weekday_share
      FROM ds_cust_days GROUP BY t, customer_id),
    market AS (
      SELECT t,
             count(*) FILTER (WHERE b = 0) / (count(*) FILTER (WHERE b < 8) / 8 + 1) AS market_week_ratio,
             count(DISTINCT last_d) FILTER (WHERE b = 0) AS market_days_1
      FROM ds_buckets GROUP BY t),
    cust_week AS (SELECT t, customer_id, b, count(*) AS n FROM ds_buckets GROUP BY ALL),
    cust AS (
      SELECT w.t, w.customer_id,
             count(*) FILTER (WHERE w.b < 12) AS cust_active_weeks_12,
             avg(w.n) FILTER (WHERE w.b < 12) AS cust_basket_12,
             any_value(p.products) AS cust_products_52,
             1 - any_value(p.products) / sum(w.n) AS cust_repeat_ratio
      FROM cust_week w JOIN (SELECT t, customer_id, count(DISTINCT product_id) AS products FROM ds_buckets GROUP BY ALL) p
        USING (t, customer_id)
      GROUP BY w.t, w.customer_id),
    data_start AS (SELECT min(d) AS first_day FROM ds_pair_days),
    prod AS (
      SELECT k.t, k.product_id,
             count(DISTINCT customer_id) FILTER (WHERE b < 4) AS prod_buyers_4,
             count(DISTINCT customer_id) FILTER (WHERE b = 0) AS prod_buyers_1,
             -- A product already sold in the data's first week has an unknown age: calling it
             -- new would make every product look new at the early training cut-offs.
             CASE WHEN k.t - 7 * (max(b) + 1) < any_value(s.first_day) + 7 THEN 52 ELSE max(b) + 1 END AS prod_age_weeks,
             (count(DISTINCT customer_id) FILTER (WHERE b < 4) + 1) / (count(DISTINCT customer_id) FILTER (WHERE b >= 4 AND b < 12) / 2 + 1) AS prod_trend
      FROM ds_buckets k CROSS JOIN data_start s GROUP BY k.t, k.product_id),
    brand AS (
      SELECT k.t, pr.brand, count(*) / sum(count(*)) OVER (PARTITION BY k.t) AS brand_share
      FROM ds_buckets k JOIN products pr USING (product_id) GROUP BY k.t, pr.brand)
    SELECT k.t AS cutoff, k.customer_id, k.product_id, k.from_history,
           ${[...featureColumns, ...Object.entries(options.extraColumns ?? {}).map(([name, sql]) => `${sql} AS ${sqlIdent(name)}`)].join(',\n           ')},
           (l.customer_id IS NOT NULL)::INT AS label
    FROM ds_candidates k
    LEFT JOIN pair USING (t, customer_id, product_id)
    LEFT JOIN cust USING (t, customer_id)
    LEFT JOIN prod USING (t, product_id)
    LEFT JOIN rhythm USING (t, customer_id)
    LEFT JOIN market USING (t)
    LEFT JOIN customers cu USING (customer_id)
    LEFT JOIN products pr USING (product_id)
    LEFT JOIN brand ON brand.t = k.t AND brand.brand IS NOT DISTINCT FROM pr.brand
    LEFT JOIN ds_labels l USING (t, customer_id, product_id)
    ORDER BY cutoff, customer_id, product_id`);
  return statements;
}

/**
 * Builds the customer × product × cut-off dataset in DuckDB. Only candidate pairs are materialised
 * (never customers × products × weeks); see {@link featureStatements} for the point-in-time rules.
 */
export async function buildDataset(
  connection: DuckDBConnection,
  options: DatasetOptions,
): Promise<DatasetSummary> {
  const c = connection;
  for (const statement of featureStatements(options)) await c.run(statement);

  // Purchases the candidates missed still count as misses when a week is scored.
  await c.run(`CREATE OR REPLACE TABLE ${sqlIdent(`${options.table}_uncovered`)} AS
    SELECT l.t AS cutoff, l.customer_id, l.product_id FROM ds_labels l
    ANTI JOIN ds_candidates k USING (t, customer_id, product_id) ORDER BY ALL`);
  const coverage = await queryRows(
    c,
    `SELECT l.t::VARCHAR AS cutoff, count(*) AS purchased, count(k.customer_id) AS covered
     FROM ds_labels l LEFT JOIN ds_candidates k USING (t, customer_id, product_id) GROUP BY ALL ORDER BY 1`,
  );
  const [totals] = await queryRows(
    c,
    `SELECT count(*) AS rows, sum(label) AS positives FROM ${sqlIdent(options.table)}`,
  );
  for (const name of DATASET_TEMP_TABLES) await c.run(`DROP TABLE IF EXISTS ${name}`);
  return {
    rows: Number(totals!.rows),
    positives: Number(totals!.positives ?? 0),
    coverage: coverage.map((r) => ({
      cutoff: String(r.cutoff),
      purchased: Number(r.purchased),
      covered: Number(r.covered),
      share: Number(r.covered) / Math.max(1, Number(r.purchased)),
    })),
  };
}
