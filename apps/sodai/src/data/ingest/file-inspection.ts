import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnKind, ColumnSpec, TableContract } from '../../contract/index.ts';
import { formatOf, queryNumber, queryRows, readFileSql, sqlIdent, sqlString } from '../../store/duckdb.ts';
import { KIND_WORDS, textToKind } from './staging.ts';

const INTEGER_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
]);
const FLOAT_TYPES = new Set(['FLOAT', 'DOUBLE']);
const DATE_TYPES = new Set([
  'DATE',
  'TIMESTAMP',
  'TIMESTAMP_NS',
  'TIMESTAMP_MS',
  'TIMESTAMP_S',
  'TIMESTAMP WITH TIME ZONE',
]);

const EXPECTED: Record<ColumnKind, string> = {
  int64: 'an integer',
  double: 'a number',
  date: 'a date or timestamp',
  string: 'text',
};

/** Whether a physical type can hold a column of this kind without losing meaning. */
function typeFits(kind: ColumnKind, type: string): 'yes' | 'no' | 'if-integral' {
  const isDecimal = type.startsWith('DECIMAL');
  switch (kind) {
    case 'int64':
      if (INTEGER_TYPES.has(type)) return 'yes';
      // pandas turns integer columns with gaps into floats; accept them when every value is whole.
      return FLOAT_TYPES.has(type) || isDecimal ? 'if-integral' : 'no';
    case 'double':
      return INTEGER_TYPES.has(type) || FLOAT_TYPES.has(type) || isDecimal ? 'yes' : 'no';
    case 'date':
      return DATE_TYPES.has(type) ? 'yes' : 'no';
    case 'string':
      return type === 'VARCHAR' ? 'yes' : 'no';
  }
}

export interface FileProblem {
  readonly check: 'unreadable_file' | 'missing_column' | 'wrong_type' | 'empty_batch';
  readonly column?: string;
  readonly message: string;
}

export interface FileInspection {
  readonly problems: readonly FileProblem[];
  /** Columns in the file that the contract neither declares nor ignores; they are dropped. */
  readonly extraColumns: readonly string[];
}

/**
 * Compares a file's columns and types with a table contract without reading its rows into JS.
 * Messages name the file (`name`: how the person gave it; `file` may be a link to it), the column,
 * what was found and what was expected, and for a CSV the first row holding a bad value.
 */
export async function inspectFile(
  connection: DuckDBConnection,
  file: string,
  table: TableContract,
  name: string = file,
): Promise<FileInspection> {
  let described: Record<string, unknown>[];
  try {
    described = await queryRows(connection, `DESCRIBE SELECT * FROM ${readFileSql(file)}`);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return {
      problems: [{ check: 'unreadable_file', message: `${name}: cannot be read: ${reason}` }],
      extraColumns: [],
    };
  }
  const types = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
  const problems: FileProblem[] = [];
  for (const column of table.columns) {
    const type = types.get(column.name);
    if (type === undefined) {
      problems.push({
        check: 'missing_column',
        column: column.name,
        message: `${name}: missing column "${column.name}" (${column.description}; expected ${EXPECTED[column.kind]})`,
      });
      continue;
    }
    const fit = typeFits(column.kind, type);
    if (fit === 'no' && formatOf(file) === 'csv' && column.kind !== 'string') {
      const problem = await csvColumnProblem(connection, file, column, name);
      if (problem) problems.push(problem);
    } else if (fit === 'no' || (fit === 'if-integral' && !(await allIntegral(connection, file, column)))) {
      problems.push({
        check: 'wrong_type',
        column: column.name,
        message: `${name}: column "${column.name}" has type ${type}, expected ${EXPECTED[column.kind]}`,
      });
    }
  }
  // A header-only CSV has no values to type, so every column reads as text: say what is wrong.
  if (problems.some((p) => p.check === 'wrong_type') && (await rowCount(connection, file)) === 0) {
    return {
      problems: [{ check: 'empty_batch', message: `${name}: the file has no rows` }],
      extraColumns: [],
    };
  }
  const known = new Set([...table.columns.map((c) => c.name), ...table.ignoredColumns]);
  const extraColumns = [...types.keys()].filter((name) => !known.has(name));
  return { problems, extraColumns };
}

async function rowCount(connection: DuckDBConnection, file: string): Promise<number> {
  return queryNumber(connection, `SELECT count(*) FROM ${readFileSql(file)}`);
}

/**
 * A CSV column DuckDB types as text because some of its values do not read as numbers or dates.
 * When most values read, the others are typos in single rows: staging quarantines those rows, each
 * with its row number, so one bad cell never costs the file. When most do not, the column holds
 * something else (swapped columns, another date format) and the file is rejected, naming the first
 * unreadable value. Where the typo falls (inside DuckDB's type sample or past it) changes nothing.
 */
async function csvColumnProblem(
  connection: DuckDBConnection,
  file: string,
  column: ColumnSpec,
  name: string,
): Promise<FileProblem | undefined> {
  const value = sqlIdent(column.name);
  const [row] = await queryRows(
    connection,
    `SELECT count(*) AS filled, count(*) FILTER (WHERE NOT reads) AS unreadable,
            min(row) FILTER (WHERE NOT reads) AS first_row,
            arg_min(${value}, row) FILTER (WHERE NOT reads) AS first_value
     FROM (SELECT row_number() OVER () AS row, ${value}, ${textToKind(value, column.kind)} IS NOT NULL AS reads
           FROM read_csv(${sqlString(file)}, header = true, all_varchar = true))
     WHERE ${value} IS NOT NULL AND trim(${value}) <> ''`,
  );
  const filled = Number(row?.filled ?? 0);
  const unreadable = Number(row?.unreadable ?? 0);
  if (filled === 0 || unreadable * 2 < filled) return undefined;
  return {
    check: 'wrong_type',
    column: column.name,
    message:
      `${name}: column "${column.name}" holds ${unreadable.toLocaleString('en')} of ${filled.toLocaleString('en')} values ` +
      `that are not ${KIND_WORDS[column.kind]} (first at row ${String(row?.first_row)}: ${JSON.stringify(row?.first_value)}); ` +
      `expected ${EXPECTED[column.kind]}`,
  };
}

async function allIntegral(connection: DuckDBConnection, file: string, column: ColumnSpec): Promise<boolean> {
  const c = sqlIdent(column.name);
  const fractional = await queryNumber(
    connection,
    `SELECT count(*) FROM ${readFileSql(file)} WHERE ${c} IS NOT NULL AND ${c} <> floor(${c})`,
  );
  return fractional === 0;
}
