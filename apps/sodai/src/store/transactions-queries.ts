import type { DuckDBConnection } from '@duckdb/node-api';
import { SodaiError } from '../errors.ts';
import { queryRows } from './duckdb.ts';

/** The latest purchase day in the store (YYYY-MM-DD); every cut-off plan counts from it. */
export async function latestPurchaseDate(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryRows(connection, 'SELECT max(purchase_date)::VARCHAR AS d FROM transactions');
  if (!row?.d) throw new SodaiError('INVALID_ARGUMENT', 'the store has no transactions yet: load data first');
  return String(row.d).slice(0, 10);
}

/**
 * A fingerprint of the transactions table: it changes whenever rows are added, removed or replaced,
 * so anything derived from the transactions (datasets) knows when it is stale.
 */
export async function transactionsVersion(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryRows(
    connection,
    `SELECT count(*)::VARCHAR || ':' || coalesce(max(purchase_date)::VARCHAR, '') || ':' ||
            coalesce(sum(hash(customer_id, product_id, order_id, purchase_date, items)::HUGEINT)::VARCHAR, '0') AS v
     FROM transactions`,
  );
  return String(row?.v ?? '0::0');
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
