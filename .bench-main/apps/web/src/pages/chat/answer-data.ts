/** A table to show under a chat answer: column names and rows of printable cells. */
export interface DataTable {
  readonly key: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One level of nesting is flattened (`attributes.brand` → `brand`), deeper values printed as JSON. */
function flatten(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, v);
    else out[k] = v;
  }
  return out;
}

/**
 * The tables a chat answer's `data` holds: each array of objects becomes a table, and the scalar
 * figures together become one two-column table.
 *
 * @example
 * answerTables({ registered: 10, with_purchases: 8 });
 * // [{ key: 'figures', columns: ['', ''], rows: [['registered', '10'], ['with_purchases', '8']] }]
 */
export function answerTables(data: Readonly<Record<string, unknown>>): DataTable[] {
  const tables: DataTable[] = [];
  const scalars: string[][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      const rows = value
        .filter((v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object')
        .map(flatten);
      if (rows.length === 0) continue;
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      tables.push({ key, columns, rows: rows.map((r) => columns.map((c) => cell(r[c]))) });
    } else if (value === null || typeof value !== 'object') {
      scalars.push([key, cell(value)]);
    }
  }
  if (scalars.length > 0) tables.unshift({ key: 'figures', columns: ['', ''], rows: scalars });
  return tables;
}
