import type { DuckDBConnection } from '@duckdb/node-api';
import { FEATURE_NAMES } from '../contract/feature-vector.ts';
import { SodaiError } from '../errors.ts';
import { queryNumber, sqlIdent } from '../store/duckdb.ts';

/** A dataset as typed arrays: row-major features (NaN = missing), labels and row keys. */
export interface DatasetMatrix {
  readonly rows: number;
  readonly featureNames: readonly string[];
  readonly features: Float32Array;
  readonly labels: Float32Array;
  readonly customerIds: Float64Array;
  readonly productIds: Float64Array;
  /** Cut-off of each row as an index into `cutoffs`. */
  readonly cutoffIndex: Int32Array;
  readonly cutoffs: readonly string[];
  readonly fromHistory: Uint8Array;
}

/**
 * Reads a dataset table chunk by chunk straight into typed arrays (no per-row objects), in the
 * table's order. `where` filters rows (e.g. a range of cut-offs).
 */
export async function readDatasetMatrix(
  connection: DuckDBConnection,
  table: string,
  where = 'true',
): Promise<DatasetMatrix> {
  const rows = await queryNumber(connection, `SELECT count(*) FROM ${sqlIdent(table)} WHERE ${where}`);
  const cutoffs = (
    await connection.runAndReadAll(
      `SELECT DISTINCT cutoff::VARCHAR FROM ${sqlIdent(table)} WHERE ${where} ORDER BY 1`,
    )
  )
    .getRows()
    .map((r) => String(r[0]));
  const F = FEATURE_NAMES.length;
  const features = new Float32Array(rows * F);
  const labels = new Float32Array(rows);
  const customerIds = new Float64Array(rows);
  const productIds = new Float64Array(rows);
  const cutoffIndex = new Int32Array(rows);
  const fromHistory = new Uint8Array(rows);
  const columns = [
    `list_position([${cutoffs.map((c) => `'${c}'`).join(', ')}], cutoff::VARCHAR) - 1 AS cutoff_index`,
    'customer_id::DOUBLE',
    'product_id::DOUBLE',
    'from_history::INT',
    'label::FLOAT',
    ...FEATURE_NAMES.map((name) => sqlIdent(name)),
  ];
  const result = await connection.stream(
    `SELECT ${columns.join(', ')} FROM ${sqlIdent(table)} WHERE ${where} ORDER BY cutoff, customer_id, product_id`,
  );
  let offset = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const n = chunk.rowCount;
    const vectors = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnVector(i));
    for (let r = 0; r < n; r++) {
      const row = offset + r;
      cutoffIndex[row] = Number(vectors[0]!.getItem(r));
      customerIds[row] = Number(vectors[1]!.getItem(r));
      productIds[row] = Number(vectors[2]!.getItem(r));
      fromHistory[row] = Number(vectors[3]!.getItem(r));
      labels[row] = Number(vectors[4]!.getItem(r));
    }
    for (let j = 0; j < F; j++) {
      const vector = vectors[5 + j]!;
      for (let r = 0; r < n; r++) {
        const value = vector.getItem(r);
        features[(offset + r) * F + j] = value === null ? Number.NaN : Number(value);
      }
    }
    offset += n;
  }
  // A read cut short (another statement on the same connection interrupting the stream) must fail
  // loudly rather than leave zero-filled rows that look like customer 0 and product 0.
  if (offset !== rows) {
    throw new SodaiError('STORE_ERROR', `read ${offset} of ${rows} rows of ${table}: the read was cut short`);
  }
  return {
    rows,
    featureNames: FEATURE_NAMES,
    features,
    labels,
    customerIds,
    productIds,
    cutoffIndex,
    cutoffs,
    fromHistory,
  };
}

/**
 * The rows of one cut-off, as views into `matrix` (no copy): rows are ordered by cut-off, so they are
 * contiguous. Undefined when the matrix has no rows of that cut-off.
 *
 * @example
 * const testWeek = cutoffRows(train, '2024-12-09');
 */
export function cutoffRows(matrix: DatasetMatrix, cutoff: string): DatasetMatrix | undefined {
  const index = matrix.cutoffs.indexOf(cutoff);
  if (index < 0) return undefined;
  const start = matrix.cutoffIndex.indexOf(index);
  if (start < 0) return undefined;
  let end = start;
  while (end < matrix.rows && matrix.cutoffIndex[end] === index) end++;
  const F = matrix.featureNames.length;
  return {
    rows: end - start,
    featureNames: matrix.featureNames,
    features: matrix.features.subarray(start * F, end * F),
    labels: matrix.labels.subarray(start, end),
    customerIds: matrix.customerIds.subarray(start, end),
    productIds: matrix.productIds.subarray(start, end),
    cutoffIndex: new Int32Array(end - start),
    cutoffs: [cutoff],
    fromHistory: matrix.fromHistory.subarray(start, end),
  };
}

/**
 * Every `stride`-th row of `matrix` (a copy): a systematic sample across customers, where the first
 * rows would be the lowest customer ids only. A stride below 1 counts as 1.
 *
 * @example
 * const sample = everyNthRow(test, Math.ceil(test.rows / 1000)); // at most ~1,000 rows
 */
export function everyNthRow(matrix: DatasetMatrix, stride: number): DatasetMatrix {
  const step = Math.max(1, Math.floor(stride));
  const rows = Math.ceil(matrix.rows / step);
  const F = matrix.featureNames.length;
  const features = new Float32Array(rows * F);
  const pick = <A extends Float32Array | Float64Array | Int32Array | Uint8Array>(from: A, to: A): A => {
    for (let k = 0; k < rows; k++) to[k] = from[k * step]!;
    return to;
  };
  for (let k = 0; k < rows; k++) {
    features.set(matrix.features.subarray(k * step * F, (k * step + 1) * F), k * F);
  }
  return {
    rows,
    featureNames: matrix.featureNames,
    features,
    labels: pick(matrix.labels, new Float32Array(rows)),
    customerIds: pick(matrix.customerIds, new Float64Array(rows)),
    productIds: pick(matrix.productIds, new Float64Array(rows)),
    cutoffIndex: pick(matrix.cutoffIndex, new Int32Array(rows)),
    cutoffs: matrix.cutoffs,
    fromHistory: pick(matrix.fromHistory, new Uint8Array(rows)),
  };
}
