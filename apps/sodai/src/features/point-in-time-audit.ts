import type { DuckDBConnection } from '@duckdb/node-api';
import { FEATURE_NAMES } from '../contract/feature-vector.ts';
import { queryRows, sqlIdent, sqlString } from '../store/duckdb.ts';
import { buildDataset, type DatasetOptions } from './dataset-builder.ts';

export interface LeakFinding {
  readonly feature: string;
  /** Rows whose value changed when data from the cut-off on was removed. */
  readonly changedRows: number;
}

/**
 * Builds the dataset at one cut-off twice, on all data and on the data before the cut-off only,
 * and reports every column whose values differ: a feature that changes when the future is deleted
 * reads the future. Labels are excluded (they are the future by definition).
 */
export async function auditPointInTime(
  connection: DuckDBConnection,
  options: Omit<DatasetOptions, 'cutoffs' | 'table' | 'transactions'> & { cutoff: string },
): Promise<LeakFinding[]> {
  const base = { ...options, cutoffs: [options.cutoff] };
  await buildDataset(connection, { ...base, table: 'audit_full' });
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW audit_past_tx AS SELECT * FROM transactions WHERE purchase_date < DATE ${sqlString(options.cutoff)}`,
  );
  await buildDataset(connection, { ...base, table: 'audit_past', transactions: 'audit_past_tx' });
  const columns = [...FEATURE_NAMES, ...Object.keys(options.extraColumns ?? {})];
  const diffs = columns
    .map(
      (c) => `count(*) FILTER (WHERE f.${sqlIdent(c)} IS DISTINCT FROM p.${sqlIdent(c)}) AS ${sqlIdent(c)}`,
    )
    .join(', ');
  // Candidates come from the past too, so both builds hold the same pairs.
  const [row] = await queryRows(
    connection,
    `SELECT ${diffs} FROM audit_full f JOIN audit_past p USING (cutoff, customer_id, product_id)`,
  );
  for (const t of ['audit_full', 'audit_past', 'audit_full_uncovered', 'audit_past_uncovered']) {
    await connection.run(`DROP TABLE IF EXISTS ${t}`);
  }
  await connection.run('DROP VIEW IF EXISTS audit_past_tx');
  return columns
    .map((feature) => ({ feature, changedRows: Number(row?.[feature] ?? 0) }))
    .filter((f) => f.changedRows > 0);
}
