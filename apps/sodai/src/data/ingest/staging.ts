import type { DuckDBConnection } from '@duckdb/node-api';
import { RAW_TABLES, type ColumnKind, type RawTableName } from '../../contract/index.ts';
import { formatOf, readFileSql, sqlIdent, sqlString } from '../../store/duckdb.ts';
import { DUCKDB_TYPES } from '../../store/raw-store.ts';
import type { RowCheck } from './row-checks.ts';

/** The temp table of values a CSV row holds that its column's type cannot read. */
export const UNPARSEABLE_TABLE = 'unparseable_values';

export const KIND_WORDS: Record<ColumnKind, string> = {
  int64: 'a whole number',
  double: 'a number',
  date: 'a date',
  string: 'text',
};

/**
 * Text → the column's type, NULL when it does not parse. Integers may be written `3.0` (spreadsheet
 * exports) and dates may carry a time of day, as the type inspection accepts for Parquet.
 */
export function textToKind(value: string, kind: ColumnKind): string {
  switch (kind) {
    case 'int64':
      return `COALESCE(TRY_CAST(${value} AS BIGINT), CASE WHEN TRY_CAST(${value} AS DOUBLE) = floor(TRY_CAST(${value} AS DOUBLE)) THEN TRY_CAST(TRY_CAST(${value} AS DOUBLE) AS BIGINT) END)`;
    case 'double':
      return `TRY_CAST(${value} AS DOUBLE)`;
    case 'date':
      return `COALESCE(TRY_CAST(${value} AS DATE), TRY_CAST(TRY_CAST(${value} AS TIMESTAMP) AS DATE))`;
    case 'string':
      return value;
  }
}

/**
 * Loads a file into the temp table `staged` (contract columns in contract types, `source_row` the
 * 1-based data row) and `unparseable_values` (source_row, detail). A CSV is read as text and each
 * value converted on its own: a bad value anywhere in the file, even far past the part DuckDB samples
 * to guess types, flags its row instead of failing the whole read.
 */
export async function stage(connection: DuckDBConnection, file: string, table: RawTableName): Promise<void> {
  const columns = RAW_TABLES[table].columns;
  const csv = formatOf(file) === 'csv';
  const source = csv ? `read_csv(${sqlString(file)}, header = true, all_varchar = true)` : readFileSql(file);
  // The CTAS keeps file order, so rowid + 1 is the data row number a person finds in the file.
  await connection.run(`CREATE OR REPLACE TEMP TABLE raw_file AS SELECT * FROM ${source}`);
  const casts = columns
    .map((c) => {
      const value = sqlIdent(c.name);
      const typed = csv ? textToKind(value, c.kind) : `CAST(${value} AS ${DUCKDB_TYPES[c.kind]})`;
      return `${typed} AS ${value}`;
    })
    .join(', ');
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE staged AS SELECT rowid + 1 AS source_row, ${casts} FROM raw_file`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${UNPARSEABLE_TABLE} (source_row BIGINT, detail VARCHAR)`,
  );
  if (csv) {
    for (const c of columns.filter((column) => column.kind !== 'string')) {
      const name = sqlIdent(c.name);
      await connection.run(
        `INSERT INTO ${UNPARSEABLE_TABLE}
         SELECT s.source_row, ${sqlString(`${c.name} = `)} || to_json(r.${name})::VARCHAR || ${sqlString(` is not ${KIND_WORDS[c.kind]}`)}
         FROM raw_file r JOIN staged s ON s.source_row = r.rowid + 1
         WHERE r.${name} IS NOT NULL AND trim(r.${name}) <> '' AND s.${name} IS NULL`,
      );
    }
  }
  await connection.run('DROP TABLE raw_file');
}

/** Rows with a value their column cannot hold: quarantined, each named with its row and value. */
export const unparseableValueCheck: RowCheck = {
  id: 'unparseable_value',
  severity: 'quarantine',
  description: 'a value that cannot be read as its column type (e.g. letters in items)',
  policy: 'quarantined: the value cannot be trusted or repaired',
  sql: `SELECT source_row, string_agg(detail, '; ') AS detail FROM ${UNPARSEABLE_TABLE} GROUP BY source_row`,
};
