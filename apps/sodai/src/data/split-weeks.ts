import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RAW_TABLES } from '../contract/index.ts';
import { SodaiError } from '../errors.ts';
import { openDuckDb, queryRows, readFileSql, sqlIdent, sqlString } from '../store/duckdb.ts';
import { rawDataFiles } from './raw-data-files.ts';

export interface SplitWeeksOptions {
  /** A transactions file, or a folder holding transacciones.parquet (and clientes/productos). */
  readonly input: string;
  readonly outDir: string;
  /** Only cut the last N weeks into batches. */
  readonly lastWeeks?: number;
  /** Also write everything before the first batch here, with the reference files, for replays. */
  readonly historyDir?: string;
  /**
   * Batches of this many days from `from` (instead of Monday-to-Sunday weeks): cut-offs then fall on
   * every weekday, as when deliveries land mid-week. Needs `from`.
   */
  readonly batchDays?: number;
  /** First day of the first batch (YYYY-MM-DD); earlier data is history. */
  readonly from?: string;
  /** Only this many days from `from` are cut into batches (default: to the end of the data). */
  readonly days?: number;
}

export interface WeekBatch {
  readonly file: string;
  readonly weekStart: string;
  readonly rows: number;
}

/**
 * Cuts a transactions file into one file per Monday-to-Sunday week, named by the week's Monday
 * (`week-2024-12-30.parquet`), so name order is time order. Weeks are keyed by date, never by ISO
 * week number (2024-12-30 belongs to ISO week 1 of 2025).
 */
export async function splitWeeks(options: SplitWeeksOptions): Promise<WeekBatch[]> {
  const inputStat = statSync(options.input, { throwIfNoEntry: false });
  if (!inputStat) throw new SodaiError('FILE_NOT_FOUND', `${options.input}: no such file or folder`);
  const sourceDir = inputStat.isDirectory() ? options.input : path.dirname(options.input);
  const file = inputStat.isDirectory() ? rawDataFiles(options.input).transactions : options.input;
  if (!existsSync(file)) throw new SodaiError('FILE_NOT_FOUND', `${file}: no transactions file`);

  const db = await openDuckDb(':memory:');
  try {
    const columns = RAW_TABLES.transactions.columns.map((c) => sqlIdent(c.name)).join(', ');
    await db.connection.run(
      `CREATE TABLE tx AS SELECT ${columns}, date_trunc('week', CAST(purchase_date AS DATE))::DATE AS week_start
       FROM ${readFileSql(file)}`,
    );
    await db.connection.run(`ALTER TABLE tx ADD COLUMN batch_start DATE`);
    if (options.batchDays !== undefined || options.from !== undefined) {
      if (!options.from)
        throw new SodaiError('INVALID_ARGUMENT', 'batches of N days need a first day (from)');
      const span = options.batchDays ?? 7;
      const from = sqlString(options.from);
      const until = options.days === undefined ? '' : ` AND purchase_date < DATE ${from} + ${options.days}`;
      await db.connection.run(
        `UPDATE tx SET batch_start = DATE ${from} + CAST((date_diff('day', DATE ${from}, CAST(purchase_date AS DATE)) // ${span}) * ${span} AS INTEGER)
         WHERE CAST(purchase_date AS DATE) >= DATE ${from}${until}`,
      );
    } else {
      await db.connection.run('UPDATE tx SET batch_start = week_start');
    }
    let weeks = (
      await queryRows(
        db.connection,
        `SELECT DISTINCT batch_start::VARCHAR AS w FROM tx WHERE batch_start IS NOT NULL ORDER BY 1`,
      )
    ).map((r) => String(r.w));
    if (options.lastWeeks !== undefined) weeks = weeks.slice(-options.lastWeeks);
    const prefix = options.batchDays === undefined || options.batchDays === 7 ? 'week' : 'days';
    mkdirSync(options.outDir, { recursive: true });
    const batches: WeekBatch[] = [];
    for (const week of weeks) {
      const out = path.join(options.outDir, `${prefix}-${week}.parquet`);
      const [row] = await queryRows(
        db.connection,
        `SELECT count(*) AS n FROM tx WHERE batch_start = DATE ${sqlString(week)}`,
      );
      await db.connection.run(
        `COPY (SELECT ${columns} FROM tx WHERE batch_start = DATE ${sqlString(week)} ORDER BY rowid)
         TO ${sqlString(out)} (FORMAT parquet)`,
      );
      batches.push({ file: out, weekStart: week, rows: Number(row!.n) });
    }
    if (options.historyDir && weeks.length > 0) {
      mkdirSync(options.historyDir, { recursive: true });
      const history = rawDataFiles(options.historyDir);
      await db.connection.run(
        `COPY (SELECT ${columns} FROM tx WHERE CAST(purchase_date AS DATE) < DATE ${sqlString(weeks[0]!)} ORDER BY rowid)
         TO ${sqlString(history.transactions)} (FORMAT parquet)`,
      );
      const source = rawDataFiles(sourceDir);
      for (const table of ['customers', 'products'] as const) {
        if (existsSync(source[table])) copyFileSync(source[table], history[table]);
      }
    }
    return batches;
  } finally {
    db.close();
  }
}
