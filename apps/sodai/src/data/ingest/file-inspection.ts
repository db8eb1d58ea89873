import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnKind, ColumnSpec, TableContract } from '../../contract/index.ts';
import { queryNumber, queryRows, readFileSql, sqlIdent } from '../../store/duckdb.ts';

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
  readonly check: 'unreadable_file' | 'missing_column' | 'wrong_type';
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
 * Messages name the file, the column, what was found and what was expected.
 */
export async function inspectFile(
  connection: DuckDBConnection,
  file: string,
  table: TableContract,
  /** What messages call the file (where it came from, when `file` is a local copy). */
  label = file,
): Promise<FileInspection> {
  let described: Record<string, unknown>[];
  try {
    described = await queryRows(connection, `DESCRIBE SELECT * FROM ${readFileSql(file)}`);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return {
      problems: [{ check: 'unreadable_file', message: `${label}: cannot be read: ${reason}` }],
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
        message: `${label}: missing column "${column.name}" (${column.description}; expected ${EXPECTED[column.kind]})`,
      });
      continue;
    }
    const fit = typeFits(column.kind, type);
    if (fit === 'no' || (fit === 'if-integral' && !(await allIntegral(connection, file, column)))) {
      problems.push({
        check: 'wrong_type',
        column: column.name,
        message: `${label}: column "${column.name}" has type ${type}, expected ${EXPECTED[column.kind]}`,
      });
    }
  }
  const known = new Set([...table.columns.map((c) => c.name), ...table.ignoredColumns]);
  const extraColumns = [...types.keys()].filter((name) => !known.has(name));
  return { problems, extraColumns };
}

async function allIntegral(connection: DuckDBConnection, file: string, column: ColumnSpec): Promise<boolean> {
  const c = sqlIdent(column.name);
  const fractional = await queryNumber(
    connection,
    `SELECT count(*) FROM ${readFileSql(file)} WHERE ${c} IS NOT NULL AND ${c} <> floor(${c})`,
  );
  return fractional === 0;
}
