import type { DuckDBConnection } from '@duckdb/node-api';
import { SodaiError } from '../errors.ts';
import { queryRows, sqlString } from './duckdb.ts';

/** The latest purchase day in the store (YYYY-MM-DD); every cut-off plan counts from it. */
export async function latestPurchaseDate(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryRows(connection, 'SELECT max(purchase_date)::VARCHAR AS d FROM transactions');
  if (!row?.d) throw new SodaiError('INVALID_ARGUMENT', 'the store has no transactions yet: load data first');
  return String(row.d).slice(0, 10);
}

/**
 * A fingerprint of the purchases dated before each of `ends` (row count, latest day, sum of row
 * hashes). Anything built from the purchases before a day (a cut-off's dataset reads those before
 * the end of its label week) knows when it is stale, and appending later weeks changes none of
 * the earlier fingerprints.
 *
 * @example
 * const v = await transactionsVersionsBefore(connection, ['2024-12-16']);
 * v.get('2024-12-16'); // '251234:2024-12-15:…'
 */
export async function transactionsVersionsBefore(
  connection: DuckDBConnection,
  ends: readonly string[],
): Promise<Map<string, string>> {
  if (ends.length === 0) return new Map();
  const rows = await queryRows(
    connection,
    `WITH days AS (
       SELECT CAST(purchase_date AS DATE) AS d, count(*) AS n,
              sum(hash(customer_id, product_id, order_id, purchase_date, items)::HUGEINT) AS h
       FROM transactions GROUP BY 1),
     ends AS (SELECT CAST(e AS DATE) AS e FROM (VALUES ${ends.map((e) => `(${sqlString(e)})`).join(', ')}) v(e))
     SELECT e::VARCHAR AS e, coalesce(sum(n), 0)::VARCHAR || ':' || coalesce(max(d)::VARCHAR, '') || ':' ||
            coalesce(sum(h)::VARCHAR, '0') AS v
     FROM ends LEFT JOIN days ON days.d < ends.e GROUP BY e`,
  );
  return new Map(rows.map((r) => [String(r.e), String(r.v)]));
}

/** A fingerprint of the customer and product tables: datasets read their attributes. */
export async function catalogFingerprint(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryRows(
    connection,
    `SELECT (SELECT count(*) || ':' || coalesce(sum(hash(c)::HUGEINT), 0) FROM customers c) || '/' ||
            (SELECT count(*) || ':' || coalesce(sum(hash(p)::HUGEINT), 0) FROM products p) AS v`,
  );
  return String(row?.v ?? '');
}

/**
 * Monday-to-Sunday weeks between the first and the latest purchase that hold no purchase at all:
 * for a distributor that sells every week, a batch that never arrived.
 */
export async function dataGaps(connection: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows(
    connection,
    `WITH bounds AS (SELECT date_trunc('week', min(purchase_date))::DATE AS f,
                            date_trunc('week', max(purchase_date))::DATE AS l FROM transactions),
          weeks AS (SELECT unnest(generate_series(f, l, INTERVAL 7 DAY))::DATE AS w FROM bounds WHERE f IS NOT NULL),
          seen AS (SELECT DISTINCT date_trunc('week', purchase_date)::DATE AS w FROM transactions)
     SELECT w::VARCHAR AS w FROM weeks ANTI JOIN seen USING (w) ORDER BY w`,
  );
  return rows.map((r) => String(r.w));
}
