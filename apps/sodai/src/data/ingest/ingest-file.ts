import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RAW_TABLES, type RawTableName } from '../../contract/index.ts';
import { SodaiError } from '../../errors.ts';
import { sha256File } from './file-digest.ts';
import { queryNumber, queryRows, sqlIdent, sqlString } from '../../store/duckdb.ts';
import { inspectFile } from './file-inspection.ts';
import { ingestReportKey, type RawStore } from '../../store/raw-store.ts';
import type {
  CatalogChange,
  NewFile,
  TableChange,
  WatermarkAdvance,
} from '../../store/catalog/catalog-records.ts';
import { newTableFileKey, writeQueryToStore } from '../../store/parquet-table.ts';
import { StoreError } from '../../store/store-error.ts';
import { referenceChecks, transactionChecks, type RowCheck } from './row-checks.ts';
import type { CheckResult, Correction, FatalProblem, ValidationReport } from './validation-report.ts';
import { globFreePath } from './glob-free-path.ts';
import { stage, unparseableValueCheck } from './staging.ts';
import { renderReportHtml, writeReport } from './report-writer.ts';

const EXAMPLES_PER_CHECK = 5;

export interface IngestOptions {
  readonly table: RawTableName;
  /** Folder for the JSON and HTML reports; none = reports are only returned. */
  readonly reportsDir?: string;
  /** The delivery day (YYYY-MM-DD): later purchase dates are future rows. Default: today (UTC). */
  readonly asOf?: string;
  readonly outlierMadMultiplier?: number;
  readonly outlierSeverity?: 'warn' | 'quarantine';
  readonly now?: () => Date;
  /**
   * Called after the files are written, just before the catalog commit. Lets tests prove that a
   * failure at the last moment leaves the store unchanged.
   */
  readonly beforeCommit?: (batchId: string) => void | Promise<void>;
  /**
   * A correction: the transactions stored for this file's dates are replaced by its rows, recording
   * who and why. Without it a batch meeting stored dates is rejected (or skipped when identical).
   */
  readonly replace?: { readonly actor: string; readonly reason: string };
  /**
   * What the batch is called in reports and the ingestion log when the local file is only a copy
   * (`s3://bucket/prefix/week-01.csv`, a Postgres source); default: the file's absolute path.
   */
  readonly sourceName?: string;
  /** An incremental source's watermark, moved in the same commit as the batch it read. */
  readonly watermark?: WatermarkAdvance;
}

function batchIdFor(table: RawTableName, startedAt: Date, sha256: string): string {
  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  // The random suffix keeps ids unique when the same file is attempted twice in one second.
  return `${table}-${stamp}-${sha256.slice(0, 10)}-${randomBytes(3).toString('hex')}`;
}

const contentHashOf = (sha256: string) => `sha256:${sha256}`;

/** The batch id a report key names (`reports/ingest/<batchId>.json`). */
const batchIdOfReport = (key: string | undefined) =>
  key === undefined ? '(unknown)' : path.basename(key, '.json');

async function runChecks(connection: DuckDBConnection, checks: readonly RowCheck[]): Promise<CheckResult[]> {
  await connection.run(
    'CREATE OR REPLACE TEMP TABLE row_issues (source_row BIGINT, check_id VARCHAR, detail VARCHAR)',
  );
  const results: CheckResult[] = [];
  for (const check of checks) {
    await connection.run(
      `INSERT INTO row_issues SELECT source_row, ${sqlString(check.id)}, detail FROM (${check.sql})`,
    );
    const count = await queryNumber(
      connection,
      `SELECT count(*) FROM row_issues WHERE check_id = ${sqlString(check.id)}`,
    );
    const examples =
      count === 0
        ? []
        : (
            await queryRows(
              connection,
              `SELECT i.source_row AS row, i.detail, to_json(s)::VARCHAR AS record
               FROM row_issues i JOIN staged s USING (source_row)
               WHERE i.check_id = ${sqlString(check.id)} ORDER BY i.source_row LIMIT ${EXAMPLES_PER_CHECK}`,
            )
          ).map((r) => {
            const record = JSON.parse(String(r.record)) as Record<string, unknown>;
            delete record.source_row;
            return { row: Number(r.row), detail: String(r.detail), record };
          });
    results.push(
      Object.freeze({
        id: check.id,
        severity: check.severity,
        description: check.description,
        policy: check.policy,
        count,
        examples,
      }),
    );
  }
  return results;
}

function quarantineIds(checks: readonly RowCheck[]): string {
  const ids = checks.filter((c) => c.severity === 'quarantine').map((c) => sqlString(c.id));
  return ids.length > 0 ? ids.join(', ') : "''";
}

/**
 * Validates one file against the contract and the store, then lands its accepted rows, its
 * quarantined rows and the ingestion record in one transaction. A file whose content was already
 * ingested is skipped. A fatal problem rejects the batch: the data tables stay as they were and the
 * attempt is logged with its report.
 */
export async function ingestFile(
  store: RawStore,
  file: string,
  options: IngestOptions,
): Promise<ValidationReport> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const local = path.resolve(file);
  if (!existsSync(local) || !statSync(local).isFile()) {
    throw new SodaiError('FILE_NOT_FOUND', `${file}: no such file`);
  }
  // Messages and reports name the batch where the operator put it, not the local copy.
  const absolute = options.sourceName ?? local;
  const sha256 = await sha256File(local);
  const batchId = batchIdFor(options.table, started, sha256);
  const asOf = options.asOf ?? started.toISOString().slice(0, 10);

  const base = {
    batchId,
    table: options.table,
    file: absolute,
    sha256,
    asOf,
    startedAt: started.toISOString(),
  };
  const finish = (
    partial: Omit<ValidationReport, keyof typeof base | 'finishedAt' | 'durationMs'>,
  ): ValidationReport => {
    const finished = now();
    return {
      ...base,
      ...partial,
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
    };
  };

  const skipped = (previousBatchId: string) =>
    finish({
      outcome: 'skipped',
      message: `${absolute}: already ingested as ${previousBatchId} (same content); nothing done`,
      rows: { read: 0, accepted: 0, quarantined: 0 },
      dateRange: null,
      fatal: [],
      warnings: [],
      checks: [],
      previousBatchId,
    });
  const previous = await store.shared.catalog.findIngestion(contentHashOf(sha256));
  if (previous?.status === 'landed') return skipped(batchIdOfReport(previous.reportKey));

  const readable = globFreePath(local);
  try {
    return await validateAndLand(store, readable.path, options, { absolute, asOf, finish, skipped });
  } finally {
    readable.release();
  }
}

/** The report fields one attempt fixes before validation starts. */
type AttemptFields =
  'batchId' | 'table' | 'file' | 'sha256' | 'asOf' | 'startedAt' | 'finishedAt' | 'durationMs';

interface Attempt {
  readonly absolute: string;
  readonly asOf: string;
  readonly finish: (partial: Omit<ValidationReport, AttemptFields>) => ValidationReport;
  readonly skipped: (previousBatchId: string) => ValidationReport;
}

/** What the store already holds in a batch's dates. */
interface StoredInRange {
  readonly rows: number;
  readonly batches: string[];
}

async function storedInRange(
  connection: DuckDBConnection,
  range: NonNullable<ValidationReport['dateRange']>,
): Promise<StoredInRange> {
  const [row] = await queryRows(
    connection,
    `SELECT count(*) AS n, list(DISTINCT batch_id ORDER BY batch_id) AS batches FROM transactions
     WHERE purchase_date BETWEEN ${sqlDate(range.min)} AND ${sqlDate(range.max)}`,
  );
  return { rows: Number(row?.n ?? 0), batches: ((row?.batches as string[] | null) ?? []).map(String) };
}

/** A warning when whole weeks are missing between the last stored day before the batch and it. */
async function gapWarning(
  connection: DuckDBConnection,
  range: NonNullable<ValidationReport['dateRange']>,
): Promise<string | undefined> {
  const [row] = await queryRows(
    connection,
    `SELECT max(purchase_date)::VARCHAR AS previous,
            date_diff('week', date_trunc('week', max(purchase_date)), date_trunc('week', ${sqlDate(range.min)})) - 1 AS weeks
     FROM transactions WHERE purchase_date < ${sqlDate(range.min)}`,
  );
  const weeks = Number(row?.weeks ?? 0);
  if (row?.previous == null || weeks < 1) return undefined;
  return (
    `gap: no transactions between ${String(row.previous)} and ${range.min} (${weeks} missing ` +
    `week${weeks === 1 ? '' : 's'}); the missing week${weeks === 1 ? '' : 's'} can still be ingested later`
  );
}

/** Whether the batch's accepted rows are exactly the rows stored for its dates (a re-export). */
async function sameAsStored(
  connection: DuckDBConnection,
  columns: string,
  range: NonNullable<ValidationReport['dateRange']>,
): Promise<boolean> {
  const incoming = `SELECT ${columns} FROM staged ANTI JOIN quarantined USING (source_row)`;
  const stored = `SELECT ${columns} FROM transactions
                  WHERE purchase_date BETWEEN ${sqlDate(range.min)} AND ${sqlDate(range.max)}`;
  const differing = await queryNumber(
    connection,
    `SELECT (SELECT count(*) FROM (${incoming} EXCEPT ALL ${stored}))
          + (SELECT count(*) FROM (${stored} EXCEPT ALL ${incoming}))`,
  );
  return differing === 0;
}

const sqlDate = (day: string) => `DATE ${sqlString(day)}`;

async function validateAndLand(
  store: RawStore,
  file: string,
  options: IngestOptions,
  { absolute, asOf, finish, skipped }: Attempt,
): Promise<ValidationReport> {
  const connection = store.connection;
  const table = RAW_TABLES[options.table];
  const inspection = await inspectFile(connection, file, table, absolute);
  const warnings = inspection.extraColumns.map(
    (c) => `column "${c}" is not part of the contract and was dropped`,
  );
  const reject = async (
    fatal: FatalProblem[],
    read: number,
    dateRange: ValidationReport['dateRange'],
    checks: CheckResult[] = [],
  ) => {
    const report = finish({
      outcome: 'rejected',
      message: `${absolute}: batch rejected: ${fatal.map((f) => f.message.replace(`${absolute}: `, '')).join('; ')}`,
      rows: { read, accepted: 0, quarantined: 0 },
      dateRange,
      fatal,
      warnings,
      checks,
    });
    return recordAndWrite(store, report, options.reportsDir);
  };
  if (inspection.problems.length > 0) return reject([...inspection.problems], 0, null);

  try {
    await stage(connection, file, options.table);
  } catch (error) {
    // A malformed line past what inspection samples: the batch is rejected with DuckDB's reason.
    const reason = (error as Error).message.split('\n')[0];
    return reject([{ check: 'unreadable_file', message: `${absolute}: cannot be read: ${reason}` }], 0, null);
  }
  const read = await queryNumber(connection, 'SELECT count(*) FROM staged');
  if (read === 0) {
    return reject([{ check: 'empty_batch', message: `${absolute}: the file has no rows` }], 0, null);
  }

  const checks =
    options.table === 'transactions'
      ? transactionChecks({
          asOf,
          outlierMadMultiplier: options.outlierMadMultiplier ?? 50,
          outlierSeverity: options.outlierSeverity ?? 'warn',
          replacing: options.replace !== undefined,
        })
      : referenceChecks(options.table);
  checks.unshift(unparseableValueCheck);
  const results = await runChecks(connection, checks);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE quarantined AS
     SELECT source_row, string_agg(check_id, ',' ORDER BY check_id) AS reasons,
            string_agg(detail, '; ' ORDER BY check_id) AS details
     FROM row_issues WHERE check_id IN (${quarantineIds(checks)}) GROUP BY source_row`,
  );
  const quarantinedCount = await queryNumber(connection, 'SELECT count(*) FROM quarantined');
  const accepted = read - quarantinedCount;

  // The dates the batch lands, from its accepted rows only: a quarantined row dated years ahead
  // must not make the batch claim (and overlap) every week up to it.
  let dateRange: ValidationReport['dateRange'] = null;
  let stored: StoredInRange = { rows: 0, batches: [] };
  if (options.table === 'transactions') {
    const [range] = await queryRows(
      connection,
      `SELECT min(purchase_date)::VARCHAR AS min, max(purchase_date)::VARCHAR AS max
       FROM staged ANTI JOIN quarantined USING (source_row)`,
    );
    if (range?.min != null && range.max != null)
      dateRange = { min: String(range.min), max: String(range.max) };
    if (dateRange) {
      stored = await storedInRange(connection, dateRange);
      const gap = stored.rows === 0 ? await gapWarning(connection, dateRange) : undefined;
      if (gap) warnings.push(gap);
    }
  }
  if (accepted === 0) {
    return reject(
      [{ check: 'no_valid_rows', message: `${absolute}: every row was quarantined; nothing to ingest` }],
      read,
      dateRange,
      results,
    );
  }

  if (dateRange && stored.rows > 0 && !options.replace) {
    const columns = table.columns.map((c) => sqlIdent(c.name)).join(', ');
    if (await sameAsStored(connection, columns, dateRange)) {
      await dropStaging(connection);
      return skipped(stored.batches.join(', '));
    }
    return reject(
      [
        {
          check: 'overlap',
          column: 'purchase_date',
          message:
            `${absolute}: dates ${dateRange.min}…${dateRange.max} already hold ${stored.rows} ingested rows ` +
            `(batch ${stored.batches.join(', ')}) that differ from this file's; a missing week can be ` +
            'ingested at any time, a delivered one only replaced with `sodai ingest --replace --reason …`',
        },
      ],
      read,
      dateRange,
      results,
    );
  }
  const correction: Correction | undefined = options.replace && {
    ...options.replace,
    replacedBatches: stored.batches,
    replacedRows: stored.rows,
  };
  if (correction && stored.rows === 0)
    warnings.push('--replace: nothing was stored in these dates; the batch was simply added');

  const report = finish({
    outcome: 'ingested',
    message:
      `${absolute}: ${accepted} rows accepted, ${quarantinedCount} quarantined` +
      (correction && stored.rows > 0
        ? `; replaced ${stored.rows} rows of ${stored.batches.join(', ')} (by ${correction.actor}: ${correction.reason})`
        : ''),
    rows: { read, accepted, quarantined: quarantinedCount },
    dateRange,
    fatal: [],
    warnings,
    checks: results,
    ...(correction ? { correction } : {}),
  });
  try {
    await store.commitWithRetry(() => prepareChange(store, report, options));
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'DUPLICATE_CONTENT') {
      const winner = await store.shared.catalog.findIngestion(contentHashOf(report.sha256));
      await dropStaging(connection);
      return skipped(batchIdOfReport(winner?.reportKey));
    }
    if (error instanceof StoreError && error.reason === 'DATE_OVERLAP') {
      // Another process landed overlapping dates after this one checked: the catalog said no.
      await dropStaging(connection);
      const overlap: FatalProblem = {
        check: 'overlap',
        column: 'purchase_date',
        message: `${absolute}: ${error.message}; a batch must not meet dates already ingested`,
      };
      return reject([overlap], read, dateRange, results);
    }
    await dropStaging(connection);
    throw error;
  }
  await dropStaging(connection);
  return withLocalReport(report, options.reportsDir);
}

/**
 * Writes the local copy of a landed batch's report. The batch is committed and its report is in the
 * store already, so a failure here (disk full, read-only folder) is a warning, not a failed ingest:
 * failing would make a retry say "skipped" for data that did land.
 */
function withLocalReport(report: ValidationReport, reportsDir: string | undefined): ValidationReport {
  if (!reportsDir) return report;
  try {
    return { ...report, reportPaths: writeReport(report, reportPaths(reportsDir, report.batchId)) };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return {
      ...report,
      warnings: [
        ...report.warnings,
        `the report copy could not be written to ${reportsDir} (${reason}); it is kept in the store as ${ingestReportKey(report.batchId, 'json')}`,
      ],
    };
  }
}

/**
 * Writes the batch's files (accepted rows, quarantined rows, the reports) and returns the one catalog
 * change that lands them: transactions append (refused on date overlap), customers and products are
 * rewritten whole with this batch's rows replacing those of the same id.
 */
async function prepareChange(
  store: RawStore,
  report: ValidationReport,
  options: IngestOptions,
): Promise<CatalogChange> {
  const { connection } = store;
  const { objects } = store.shared;
  const table = RAW_TABLES[options.table];
  const columns = table.columns.map((c) => sqlIdent(c.name)).join(', ');
  const batch = sqlString(report.batchId);
  const acceptedRows = `SELECT ${columns} FROM staged ANTI JOIN quarantined USING (source_row) ORDER BY source_row`;
  const tables: TableChange[] = [];
  if (options.table === 'transactions') {
    const file = await writeQueryToStore(
      connection,
      `SELECT *, ${batch} AS batch_id FROM (${acceptedRows})`,
      objects,
      newTableFileKey('transactions'),
      { dateColumn: 'purchase_date' },
    );
    const corrected =
      report.correction && report.dateRange ? await correctedFiles(store, report.dateRange) : undefined;
    tables.push({
      table: 'transactions',
      mode: 'append',
      add: [file, ...(corrected?.rest ?? [])],
      rejectDateOverlap: true,
      // A correction rewrites files others may be appending beside: it must apply to what it read.
      ...(corrected ? { remove: corrected.remove, parent: store.read.transactions?.id ?? null } : {}),
    });
  } else {
    const key = sqlIdent(table.columns[0]!.name);
    const file = await writeQueryToStore(
      connection,
      `WITH accepted AS (SELECT ${columns} FROM staged ANTI JOIN quarantined USING (source_row))
       SELECT ${columns} FROM (
         SELECT ${columns} FROM ${options.table} WHERE ${key} NOT IN (SELECT ${key} FROM accepted)
         UNION ALL SELECT ${columns} FROM accepted) ORDER BY ${key}`,
      objects,
      newTableFileKey(options.table),
    );
    tables.push({
      table: options.table,
      mode: 'replace',
      parent: store.read[options.table]?.id ?? null,
      add: [file],
    });
  }
  if (report.rows.quarantined > 0) {
    const quarantined = await writeQueryToStore(
      connection,
      `SELECT ${batch} AS batch_id, ${sqlString(options.table)} AS table_name, q.source_row, q.reasons,
              q.details, to_json(s)::VARCHAR AS record
       FROM quarantined q JOIN staged s USING (source_row) ORDER BY q.source_row`,
      objects,
      newTableFileKey('quarantine'),
    );
    tables.push({ table: 'quarantine', mode: 'append', add: [quarantined] });
  }
  const reportKey = await putReport(store, report);
  await options.beforeCommit?.(report.batchId);
  return {
    operation: 'ingest',
    summary: {
      batchId: report.batchId,
      sourceTable: options.table,
      ...(report.correction ? { correction: { ...report.correction, dates: report.dateRange } } : {}),
    },
    ingestion: {
      contentHash: contentHashOf(report.sha256),
      sourceName: report.file,
      reportKey,
      ...(report.dateRange ? { dateMin: report.dateRange.min, dateMax: report.dateRange.max } : {}),
    },
    tables,
    ...(options.watermark ? { watermark: options.watermark } : {}),
  };
}

/**
 * The transactions files a correction of `range` removes, and for each of them that also holds other
 * days, a new file with just those other days (history files span many weeks).
 */
async function correctedFiles(
  store: RawStore,
  range: NonNullable<ValidationReport['dateRange']>,
): Promise<{ remove: string[]; rest: NewFile[] }> {
  const files = (store.read.transactions?.files ?? []).filter(
    (f) =>
      f.dateMin !== undefined && f.dateMax !== undefined && f.dateMin <= range.max && f.dateMax >= range.min,
  );
  const rest: NewFile[] = [];
  for (const f of files) {
    if (f.dateMin! >= range.min && f.dateMax! <= range.max) continue;
    const local = await store.shared.objects.localPath(f.key, f.contentHash);
    rest.push(
      await writeQueryToStore(
        store.connection,
        `SELECT * FROM read_parquet(${sqlString(local)})
         WHERE purchase_date NOT BETWEEN ${sqlDate(range.min)} AND ${sqlDate(range.max)}`,
        store.shared.objects,
        newTableFileKey('transactions'),
        { dateColumn: 'purchase_date' },
      ),
    );
  }
  return { remove: files.map((f) => f.key), rest };
}

/** Puts the report (JSON and HTML) in the object store; returns the JSON's key. */
async function putReport(store: RawStore, report: ValidationReport): Promise<string> {
  const key = ingestReportKey(report.batchId, 'json');
  await store.shared.objects.put(key, `${JSON.stringify(report, null, 2)}\n`);
  await store.shared.objects.put(ingestReportKey(report.batchId, 'html'), renderReportHtml(report));
  return key;
}

function reportPaths(reportsDir: string, batchId: string): { json: string; html: string } {
  return { json: path.join(reportsDir, `${batchId}.json`), html: path.join(reportsDir, `${batchId}.html`) };
}

async function dropStaging(connection: DuckDBConnection): Promise<void> {
  for (const name of ['staged', 'row_issues', 'quarantined'])
    await connection.run(`DROP TABLE IF EXISTS ${name}`);
}

/** A rejected attempt changes no data; it is only logged, with its report. */
async function recordAndWrite(
  store: RawStore,
  report: ValidationReport,
  reportsDir: string | undefined,
): Promise<ValidationReport> {
  const paths = reportsDir ? reportPaths(reportsDir, report.batchId) : undefined;
  await dropStaging(store.connection);
  const replaced = await store.shared.catalog.findIngestion(contentHashOf(report.sha256));
  const reportKey = await putReport(store, report);
  await store.shared.catalog.recordRejection({
    contentHash: contentHashOf(report.sha256),
    sourceName: report.file,
    reportKey,
    message: report.message,
    ...(report.dateRange ? { dateMin: report.dateRange.min, dateMax: report.dateRange.max } : {}),
  });
  // A file refused again (it waits in the landing while every run reads it) replaces its earlier
  // record, whose reports nothing points at any more: the orphan collector never looks under reports/.
  if (replaced?.status === 'rejected' && replaced.reportKey && replaced.reportKey !== reportKey) {
    for (const key of [replaced.reportKey, replaced.reportKey.replace(/\.json$/, '.html')])
      await store.shared.objects.delete(key).catch(() => undefined);
  }
  return paths ? { ...report, reportPaths: writeReport(report, paths) } : report;
}
