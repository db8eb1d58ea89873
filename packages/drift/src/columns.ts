import { DriftError } from './errors.ts';

/** Numbers of a numeric column; NaN is missing. */
export type NumericValues = Float64Array | Float32Array;
/** Values of a categorical column; null (or undefined) is missing. */
export type CategoricalValues = readonly (string | null | undefined)[];
/** The two kinds of column the package compares. */
export type ColumnKind = 'numeric' | 'categorical';

/** One column with an explicit kind — use it to treat numeric codes as categories. */
export interface ColumnInput {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly values: NumericValues | CategoricalValues;
}

/**
 * Columnar input: a record of name → values (typed arrays are numeric, string arrays categorical) or a list of
 * {@link ColumnInput} when the kind must be stated.
 */
export type ColumnsInput =
  Readonly<Record<string, NumericValues | CategoricalValues>> | readonly ColumnInput[];

/** A column after validation: numeric values stay a typed array, categorical ones become strings or null. */
export type NormalizedColumn =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: NumericValues }
  | { readonly name: string; readonly kind: 'categorical'; readonly values: readonly (string | null)[] };

function isNumericArray(v: unknown): v is NumericValues {
  return v instanceof Float64Array || v instanceof Float32Array;
}

/**
 * Validates columnar input and gives every column a kind. Throws `INVALID_COLUMN` for values that fit neither
 * kind and `LENGTH_MISMATCH` when columns of one dataset differ in length (a sign of misaligned data).
 *
 * @example
 * normalizeColumns({ basket: new Float64Array([1, 2]), region: ['north', null] });
 */
export function normalizeColumns(input: ColumnsInput): NormalizedColumn[] {
  const list: ColumnInput[] = Array.isArray(input)
    ? [...(input as readonly ColumnInput[])]
    : Object.entries(input as Readonly<Record<string, NumericValues | CategoricalValues>>).map(
        ([name, values]) => ({
          name,
          kind: isNumericArray(values) ? ('numeric' as const) : ('categorical' as const),
          values,
        }),
      );
  const seen = new Set<string>();
  let length: number | undefined;
  const out: NormalizedColumn[] = [];
  for (const column of list) {
    if (seen.has(column.name))
      throw new DriftError('INVALID_COLUMN', `column "${column.name}" appears twice`);
    seen.add(column.name);
    const values = column.values as unknown;
    if (!isNumericArray(values) && !Array.isArray(values)) {
      throw new DriftError(
        'INVALID_COLUMN',
        `column "${column.name}": values must be a Float64Array, Float32Array or array`,
      );
    }
    if (length !== undefined && values.length !== length) {
      throw new DriftError(
        'LENGTH_MISMATCH',
        `column "${column.name}" has ${values.length} values, earlier columns ${length}`,
      );
    }
    length = values.length;
    out.push(
      column.kind === 'numeric' ? numericColumn(column.name, values) : categoricalColumn(column.name, values),
    );
  }
  return out;
}

function numericColumn(name: string, values: NumericValues | unknown[]): NormalizedColumn {
  if (isNumericArray(values)) return { name, kind: 'numeric', values };
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = Number.NaN;
    else if (typeof v === 'number') out[i] = v;
    else throw new DriftError('INVALID_COLUMN', `numeric column "${name}" holds a ${typeof v} at row ${i}`);
  }
  return { name, kind: 'numeric', values: out };
}

function categoricalColumn(name: string, values: NumericValues | unknown[]): NormalizedColumn {
  // The common case, strings and nulls already, is used as is: copying a million-row column costs more than
  // the drift statistics on it.
  if (Array.isArray(values) && values.every((v) => typeof v === 'string' || v === null)) {
    return { name, kind: 'categorical', values: values as (string | null)[] };
  }
  const out: (string | null)[] = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) out[i] = null;
    else if (typeof v === 'string') out[i] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[i] = String(v);
    else
      throw new DriftError('INVALID_COLUMN', `categorical column "${name}" holds a ${typeof v} at row ${i}`);
  }
  return { name, kind: 'categorical', values: out };
}

/** Category → count over the non-missing values, and the number missing. */
export function countCategories(values: readonly (string | null)[]): {
  counts: Map<string, number>;
  missing: number;
} {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { counts, missing };
}
