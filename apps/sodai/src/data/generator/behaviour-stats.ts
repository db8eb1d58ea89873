import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readFileSql } from '../../store/duckdb.ts';

/** The behaviour figures the generator is calibrated on, measured the same way on any file. */
export interface BehaviourStats {
  readonly rows: number;
  readonly weeklyRowsMean: number;
  readonly linesPerOrder: number;
  readonly productsPerCustomerMedian: number;
  /** Share of customer × product × week purchases that repeat an earlier purchase of the pair. */
  readonly repeatShare: number;
  readonly gapWeeksMedian: number;
  readonly gapWeeksMean: number;
  readonly returnShare: number;
  readonly duplicateShare: number;
  /** Busiest week's rows ÷ quietest full week's rows. */
  readonly peakToTrough: number;
}

export async function behaviourStats(
  connection: DuckDBConnection,
  transactionsFile: string,
): Promise<BehaviourStats> {
  const [row] = await queryRows(
    connection,
    `WITH t AS (SELECT customer_id, product_id, order_id, CAST(purchase_date AS DATE) AS d, items
                FROM ${readFileSql(transactionsFile)}),
     weekly AS (SELECT date_trunc('week', d) AS wk, count(*) AS n FROM t GROUP BY ALL),
     full_weeks AS (SELECT * FROM weekly WHERE wk > (SELECT min(wk) FROM weekly) AND wk < (SELECT max(wk) FROM weekly)),
     pair_weeks AS (SELECT DISTINCT customer_id, product_id, date_trunc('week', d) AS wk FROM t WHERE items > 0),
     gaps AS (SELECT datediff('week', lag(wk) OVER (PARTITION BY customer_id, product_id ORDER BY wk), wk) AS gap
              FROM pair_weeks),
     per_customer AS (SELECT customer_id, count(DISTINCT product_id) AS n FROM t GROUP BY ALL)
     SELECT (SELECT count(*) FROM t) AS rows,
            (SELECT avg(n) FROM weekly) AS weekly_rows_mean,
            (SELECT count(*) / count(DISTINCT order_id) FROM t) AS lines_per_order,
            (SELECT median(n) FROM per_customer) AS products_per_customer_median,
            (SELECT count(gap) / count(*) FROM gaps) AS repeat_share,
            (SELECT median(gap) FROM gaps) AS gap_median,
            (SELECT avg(gap) FROM gaps) AS gap_mean,
            (SELECT avg((items < 0)::INT) FROM t) AS return_share,
            (SELECT (count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM t))) / count(*) FROM t) AS duplicate_share,
            (SELECT max(n) / min(n) FROM full_weeks) AS peak_to_trough`,
  );
  const r = row!;
  return {
    rows: Number(r.rows),
    weeklyRowsMean: Number(r.weekly_rows_mean),
    linesPerOrder: Number(r.lines_per_order),
    productsPerCustomerMedian: Number(r.products_per_customer_median),
    repeatShare: Number(r.repeat_share),
    gapWeeksMedian: Number(r.gap_median),
    gapWeeksMean: Number(r.gap_mean),
    returnShare: Number(r.return_share),
    duplicateShare: Number(r.duplicate_share),
    peakToTrough: Number(r.peak_to_trough),
  };
}
