import { z } from 'zod';

/** Physical kinds a raw column may have; each accepts a family of DuckDB/Parquet types. */
export type ColumnKind = 'int64' | 'double' | 'date' | 'string';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  /** Part of the row's identity: must be non-null for the row to be usable. */
  readonly key: boolean;
  /** Allowed values for categorical attributes; values outside it are reported. */
  readonly domain?: readonly string[];
  readonly description: string;
}

/** A column before it has a name; the type parameters carry kind and nullability into row types. */
export interface ColumnDef<K extends ColumnKind = ColumnKind, N extends boolean = boolean> extends Omit<
  ColumnSpec,
  'name' | 'kind' | 'nullable'
> {
  readonly kind: K;
  readonly nullable: N;
}

interface KindTypes {
  int64: number;
  double: number;
  date: Date | string;
  string: string;
}

/** The typed row of a table declared with these columns. */
export type RowOf<D extends Record<string, ColumnDef>> = {
  [C in keyof D]: D[C] extends ColumnDef<infer K, infer N>
    ? N extends true
      ? KindTypes[K] | null
      : KindTypes[K]
    : never;
};

function zodFor(def: ColumnDef): z.ZodType {
  const base =
    def.kind === 'int64'
      ? z.int()
      : def.kind === 'double'
        ? z.number()
        : def.kind === 'date'
          ? z.union([z.date(), z.iso.date(), z.iso.datetime({ local: true })])
          : z.string();
  return def.nullable ? base.nullable() : base;
}

/** Column builders: the only place a column's kind, nullability and meaning are written. */
export const col = {
  id: (description: string): ColumnDef<'int64', false> => ({
    kind: 'int64',
    nullable: false,
    key: true,
    description,
  }),
  int: (description: string): ColumnDef<'int64', true> => ({
    kind: 'int64',
    nullable: true,
    key: false,
    description,
  }),
  double: (description: string): ColumnDef<'double', true> => ({
    kind: 'double',
    nullable: true,
    key: false,
    description,
  }),
  quantity: (description: string): ColumnDef<'double', false> => ({
    kind: 'double',
    nullable: false,
    key: false,
    description,
  }),
  date: (description: string): ColumnDef<'date', false> => ({
    kind: 'date',
    nullable: false,
    key: false,
    description,
  }),
  category: (description: string, domain: readonly string[]): ColumnDef<'string', true> => ({
    kind: 'string',
    nullable: true,
    key: false,
    domain,
    description,
  }),
};

export interface TableContract<Name extends string = string, Row = Record<string, unknown>> {
  readonly name: Name;
  readonly columns: readonly ColumnSpec[];
  /** Columns present in delivered files that carry no meaning and are dropped on read. */
  readonly ignoredColumns: readonly string[];
  /** The zod schema of one row, for APIs and typed code. */
  readonly rowSchema: z.ZodType<Row>;
  column(name: string): ColumnSpec;
}

/**
 * Declares a raw table once; its zod row schema and its physical column specs both derive from
 * this declaration, so validation, storage and APIs cannot disagree.
 */
export function defineTable<Name extends string, D extends Record<string, ColumnDef>>(
  name: Name,
  defs: D,
  options: { ignoredColumns?: readonly string[] } = {},
): TableContract<Name, RowOf<D>> {
  const columns = Object.entries(defs).map(([columnName, def]) =>
    Object.freeze({ name: columnName, ...def }),
  );
  const shape = Object.fromEntries(
    Object.entries(defs).map(([columnName, def]) => [columnName, zodFor(def)]),
  );
  const byName = new Map(columns.map((c) => [c.name, c]));
  return Object.freeze({
    name,
    columns: Object.freeze(columns),
    ignoredColumns: Object.freeze([...(options.ignoredColumns ?? [])]),
    rowSchema: z.object(shape) as unknown as z.ZodType<RowOf<D>>,
    column(columnName: string): ColumnSpec {
      const spec = byName.get(columnName);
      if (!spec) throw new Error(`table ${name} has no column ${columnName}`);
      return spec;
    },
  });
}
