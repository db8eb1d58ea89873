import { RAW_TABLES, type RawTableName, type TableContract } from '../../contract/index.ts';
import { sqlIdent, sqlString } from '../../store/duckdb.ts';

/**
 * What happens to a row a check flags: `quarantine` moves it out of the accepted set, `warn` keeps
 * it and reports it, `info` describes a policy applied to accepted rows (e.g. returns).
 */
export type RowSeverity = 'quarantine' | 'warn' | 'info';

/** A row-level check over the staged batch (temp table `staged`, with `source_row` 1-based). */
export interface RowCheck {
  readonly id: string;
  readonly severity: RowSeverity;
  readonly description: string;
  /** The policy applied to flagged rows, in words a data owner understands. */
  readonly policy: string;
  /** `SELECT source_row, detail …` — the rows this check flags and why. */
  readonly sql: string;
}

export interface TransactionCheckOptions {
  /** Rows dated after this day (YYYY-MM-DD) are in the future. */
  readonly asOf: string;
  readonly outlierMadMultiplier: number;
  readonly outlierSeverity: 'warn' | 'quarantine';
  /** A correction (`--replace`) covers delivered dates on purpose: no row is stray then. */
  readonly replacing?: boolean;
}

function nullKeyCheck(table: TableContract): RowCheck {
  const required = table.columns.filter((c) => !c.nullable);
  const anyNull = required.map((c) => `${sqlIdent(c.name)} IS NULL`).join(' OR ');
  const which = required
    .map((c) => `CASE WHEN ${sqlIdent(c.name)} IS NULL THEN ${sqlString(c.name)} END`)
    .join(', ');
  return {
    id: 'null_key',
    severity: 'quarantine',
    description: `a required column (${required.map((c) => c.name).join(', ')}) is empty`,
    policy: 'quarantined: the row cannot be attributed',
    sql: `SELECT source_row, concat_ws(', ', ${which}) || ' is null' AS detail FROM staged WHERE ${anyNull}`,
  };
}

function domainChecks(table: TableContract): RowCheck[] {
  return table.columns
    .filter((c) => c.domain && c.domain.length > 0)
    .map((c) => ({
      id: `unknown_${c.name}`,
      severity: 'warn' as const,
      description: `${c.name} outside its known values (${c.domain!.join(', ')})`,
      policy: 'kept and reported: a new value may be legitimate, but should be looked at',
      sql: `SELECT source_row, ${sqlString(`${c.name} = `)} || ${sqlIdent(c.name)} AS detail FROM staged
            WHERE ${sqlIdent(c.name)} IS NOT NULL AND ${sqlIdent(c.name)} NOT IN (${c.domain!.map(sqlString).join(', ')})`,
    }));
}

/** Checks for customers and products files: keys present and unique, attributes in their domains. */
export function referenceChecks(tableName: Exclude<RawTableName, 'transactions'>): RowCheck[] {
  const table = RAW_TABLES[tableName];
  const key = sqlIdent(table.columns.find((c) => c.key)!.name);
  return [
    nullKeyCheck(table),
    {
      id: 'duplicate_id',
      severity: 'quarantine',
      description: `the same ${key} appears more than once in the file`,
      policy: 'first occurrence kept, later ones quarantined',
      sql: `SELECT source_row, 'same id as row ' || first_row AS detail FROM (
              SELECT source_row, min(source_row) OVER (PARTITION BY ${key}) AS first_row FROM staged
              WHERE ${key} IS NOT NULL) WHERE source_row <> first_row`,
    },
    ...domainChecks(table),
  ];
}

/**
 * Rows dated away from the batch's own period: a year typo (2023-12-18 in a December 2024 week) or a
 * stray line of a delivered week. Delivered batches may not overlap, so one such row made the whole
 * week overlap everything stored between it and the rest, and the week was refused without naming
 * the row. The batch's period is the stretch between delivered batches that holds most of its rows;
 * when no stretch holds most of them (a re-sent or corrected week) nothing is flagged and the
 * overlap rules decide.
 */
function strayDateCheck(): RowCheck {
  return {
    id: 'stray_date',
    severity: 'quarantine',
    description:
      "purchase_date in dates already ingested, or beyond them, while most of the batch's rows are in a period not yet ingested",
    policy:
      'quarantined: the batch lands the period most of its rows are in; a row dated elsewhere is a typo or belongs to a correction (`sodai ingest --replace`)',
    sql: `WITH delivered AS (
              SELECT batch_id, min(purchase_date) AS lo, max(purchase_date) AS hi FROM transactions GROUP BY ALL),
            placed AS (
              SELECT s.source_row, s.purchase_date::DATE AS d,
                     (SELECT count(*) FROM delivered WHERE hi < s.purchase_date) AS stretch,
                     (SELECT min(batch_id) FROM delivered WHERE s.purchase_date BETWEEN lo AND hi) AS inside
              FROM staged s WHERE s.purchase_date IS NOT NULL),
            main AS (
              SELECT stretch, count(*) AS n, min(d) AS lo, max(d) AS hi FROM placed WHERE inside IS NULL
              GROUP BY ALL ORDER BY n DESC, stretch DESC LIMIT 1)
            SELECT p.source_row,
                   CASE WHEN p.inside IS NOT NULL
                        THEN 'purchase_date ' || p.d || ' is in batch ' || p.inside || ', already ingested; the batch is ' || m.lo || '…' || m.hi
                        ELSE 'purchase_date ' || p.d || ' is apart from the batch (' || m.lo || '…' || m.hi || '), with ingested dates between'
                   END AS detail
            FROM placed p, main m
            WHERE 2 * m.n > (SELECT count(*) FROM placed)
              AND (p.inside IS NOT NULL OR p.stretch <> m.stretch)`,
  };
}

/** Checks for a batch of transactions, against the batch itself and what the store already holds. */
export function transactionChecks(options: TransactionCheckOptions): RowCheck[] {
  const table = RAW_TABLES.transactions;
  const allColumns = table.columns.map((c) => sqlIdent(c.name)).join(', ');
  const k = options.outlierMadMultiplier;
  return [
    nullKeyCheck(table),
    {
      id: 'unknown_customer',
      severity: 'quarantine',
      description: 'customer_id not in the customers table',
      policy: 'quarantined until the customer is loaded (load customers, then re-ingest the file)',
      sql: `SELECT s.source_row, 'customer_id ' || s.customer_id || ' unknown' AS detail FROM staged s
            ANTI JOIN customers c ON c.customer_id = s.customer_id WHERE s.customer_id IS NOT NULL`,
    },
    {
      id: 'unknown_product',
      severity: 'quarantine',
      description: 'product_id not in the products table',
      policy: 'quarantined until the product is loaded',
      sql: `SELECT s.source_row, 'product_id ' || s.product_id || ' unknown' AS detail FROM staged s
            ANTI JOIN products p ON p.product_id = s.product_id WHERE s.product_id IS NOT NULL`,
    },
    {
      id: 'duplicate_row',
      severity: 'quarantine',
      description: 'exact copy of an earlier row of the batch (every column equal)',
      policy:
        'first copy kept, later copies quarantined: a repeated line is a system echo, not a second sale',
      sql: `SELECT source_row, 'copy of row ' || first_row AS detail FROM (
              SELECT source_row, min(source_row) OVER (PARTITION BY ${allColumns}) AS first_row FROM staged)
            WHERE source_row <> first_row`,
    },
    {
      id: 'zero_items',
      severity: 'quarantine',
      description: 'items is exactly 0',
      policy: 'quarantined: a line with no quantity is neither a sale nor a return',
      sql: `SELECT source_row, 'items = 0' AS detail FROM staged WHERE items = 0`,
    },
    {
      id: 'future_date',
      severity: 'quarantine',
      description: `purchase_date after the as-of day ${options.asOf}`,
      policy: 'quarantined: a sale cannot happen after the data was delivered',
      sql: `SELECT source_row, 'purchase_date ' || purchase_date || ' > ' || ${sqlString(options.asOf)} AS detail
            FROM staged WHERE purchase_date > DATE ${sqlString(options.asOf)}`,
    },
    ...(options.replacing ? [] : [strayDateCheck()]),
    {
      id: 'outlier_items',
      severity: options.outlierSeverity,
      description: `|items| above the customer's median + ${k} × MAD (robust bound; customers with ≥ 10 lines)`,
      policy:
        options.outlierSeverity === 'quarantine'
          ? 'quarantined for review'
          : 'kept and reported: large orders happen, but a typo looks the same',
      sql: `WITH hist AS (
              SELECT customer_id, items FROM transactions WHERE items > 0
              UNION ALL SELECT customer_id, items FROM staged WHERE items > 0),
            med AS (SELECT customer_id, median(items) AS med FROM hist GROUP BY ALL),
            spread AS (
              SELECT h.customer_id, any_value(m.med) AS med, greatest(median(abs(h.items - m.med)), 1.0 / 3) AS mad,
                     count(*) AS n
              FROM hist h JOIN med m USING (customer_id) GROUP BY ALL)
            SELECT s.source_row, 'items ' || round(s.items, 2) || ' > bound ' || round(p.med + ${k} * p.mad, 2) AS detail
            FROM staged s JOIN spread p USING (customer_id)
            WHERE p.n >= 10 AND abs(s.items) > p.med + ${k} * p.mad`,
    },
    {
      id: 'order_customer_conflict',
      severity: 'warn',
      description: 'an order_id carries more than one customer_id',
      policy: 'kept and reported: orders belong to one customer, so the source system should be checked',
      sql: `SELECT s.source_row, 'order ' || s.order_id || ' has ' || n || ' customers' AS detail
            FROM staged s JOIN (SELECT order_id, count(DISTINCT customer_id) AS n FROM staged
                                WHERE order_id IS NOT NULL GROUP BY ALL HAVING n > 1) USING (order_id)`,
    },
    {
      id: 'return',
      severity: 'info',
      description: 'negative items: a return',
      policy:
        'accepted as returns; features net them against purchases of the same customer, product and week',
      sql: `SELECT source_row, 'items = ' || round(items, 2) AS detail FROM staged WHERE items < 0`,
    },
  ];
}
