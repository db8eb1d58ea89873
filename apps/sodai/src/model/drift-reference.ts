import type { DuckDBConnection } from '@duckdb/node-api';
import { createReference, type ColumnInput, type ReferenceSnapshot } from '@sodai/drift';
import { FEATURES } from '../contract/feature-vector.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';

/** The model's inputs as drift columns: numeric features as typed arrays, categorical codes as their names. */
export function featureColumns(matrix: DatasetMatrix): ColumnInput[] {
  const F = FEATURES.length;
  return FEATURES.map((feature, j) => {
    if (feature.type === 'categorical') {
      const values = Array.from({ length: matrix.rows }, (_, r) => {
        const code = matrix.features[r * F + j]!;
        return Number.isNaN(code) ? null : (feature.categories![code] ?? null);
      });
      return { name: feature.name, kind: 'categorical' as const, values };
    }
    const values = new Float32Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) values[r] = matrix.features[r * F + j]!;
    return { name: feature.name, kind: 'numeric' as const, values };
  });
}

export function labelCounts(matrix: DatasetMatrix, missed: number): { positives: number; total: number } {
  let positives = missed;
  for (let i = 0; i < matrix.rows; i++) if (matrix.labels[i]! > 0.5) positives++;
  return { positives, total: matrix.rows + missed };
}

/** The compact snapshot saved with a model version: its latest week's inputs, scores and purchase rate. */
export function referenceSnapshot(
  matrix: DatasetMatrix,
  scores: Float32Array,
  missed: number,
): ReferenceSnapshot {
  return createReference(featureColumns(matrix), {
    predictions: scores,
    labels: labelCounts(matrix, missed),
  });
}

/** Raw lines of one week (purchases only): basket sizes and product mix react at once when buying changes. */
export async function weekTransactionColumns(
  connection: DuckDBConnection,
  cutoff: string,
): Promise<ColumnInput[]> {
  const reader = await connection.runAndReadAll(
    `SELECT items, product_id::VARCHAR AS product FROM transactions
     WHERE purchase_date >= DATE '${cutoff}' AND purchase_date < DATE '${cutoff}' + 7 AND items > 0
     ORDER BY customer_id, product_id, order_id`,
  );
  const rows = reader.getRows();
  return [
    { name: 'line_items', kind: 'numeric', values: Float64Array.from(rows, (r) => Number(r[0])) },
    { name: 'line_product', kind: 'categorical', values: rows.map((r) => String(r[1])) },
  ];
}
