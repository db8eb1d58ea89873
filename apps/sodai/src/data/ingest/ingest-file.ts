import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RAW_TABLES, type RawTableName } from '../../contract/index.ts';
import { SodaiError } from '../../errors.ts';
import { sha256File } from './file-digest.ts';
import { queryNumber, queryRows, readFileSql, sqlIdent, sqlString } from '../../store/duckdb.ts';
import { inspectFile } from './file-inspection.ts';
import { DUCKDB_TYPES, ingestReportKey, type RawStore } from '../../store/raw-store.ts';
import type { CatalogChange, TableChange, WatermarkAdvance } from '../../store/catalog/catalog-records.ts';
import { newTableFileKey, writeQueryToStore } from '../../store/parquet-table.ts';
import { StoreError } from '../../store/store-error.ts';
import { referenceChecks, transactionChecks, type RowCheck } from './row-checks.ts';
import type { CheckResult, FatalProblem, ValidationReport } from './validation-report.ts';
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

async function stage(connection: DuckDBConnection, file: string, table: RawTableName): Promise<void> {
  // The CTAS keeps file order, so rowid + 1 is the data row number a person finds in the file.
  await connection.run(`CREATE OR REPLACE TEMP TABLE raw_file AS SELECT * FROM ${readFileSql(file)}`);
  const casts = RAW_TABLES[table].columns
    .map((c) => `CAST(${sqlIdent(c.name)} AS ${DUCKDB_TYPES[c.kind]}) AS ${sqlIdent(c.name)}`)
    .join(', ');
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE staged AS SELECT rowid + 1 AS source_row, ${casts} FROM raw_file`,
  );
  await connection.run('DROP TABLE raw_file');
}

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
  const connection = store.connection;

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

  const table = RAW_TABLES[options.table];
  const inspection = await inspectFile(connection, local, table, absolute);
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

  await stage(connection, local, options.table);
  const read = await queryNumber(connection, 'SELECT count(*) FROM staged');
  if (read === 0) {
    return reject([{ check: 'empty_batch', message: `${absolute}: the file has no rows` }], 0, null);
  }

  let dateRange: ValidationReport['dateRange'] = null;
  if (options.table === 'transactions') {
    const [range] = await queryRows(
      connection,
      `SELECT min(purchase_date)::VARCHAR AS min, max(purchase_date)::VARCHAR AS max,
              (SELECT max(purchase_date)::VARCHAR FROM transactions) AS stored_max FROM staged`,
    );
    if (range?.min != null && range.max != null)
      dateRange = { min: String(range.min), max: String(range.max) };
    if (dateRange && range?.stored_max != null && dateRange.min <= String(range.stored_max)) {
      return reject(
        [
          {
            check: 'overlap',
            column: 'purchase_date',
            message:
              `${absolute}: dates ${dateRange.min}…${dateRange.max} overlap data already ingested up to ` +
              `${String(range.stored_max)}; a batch must start after the last ingested day`,
          },
        ],
        read,
        dateRange,
      );
    }
  }

  const checks =
    options.table === 'transactions'
      ? transactionChecks({
          asOf,
          outlierMadMultiplier: options.outlierMadMultiplier ?? 50,
          outlierSeverity: options.outlierSeverity ?? 'warn',
        })
      : referenceChecks(options.table);
  const results = await runChecks(connection, checks);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE quarantined AS
     SELECT source_row, string_agg(check_id, ',' ORDER BY check_id) AS reasons,
            string_agg(detail, '; ' ORDER BY check_id) AS details
     FROM row_issues WHERE check_id IN (${quarantineIds(checks)}) GROUP BY source_row`,
  );
  const quarantinedCount = await queryNumber(connection, 'SELECT count(*) FROM quarantined');
  const accepted = read - quarantinedCount;
  if (accepted === 0) {
    return reject(
      [{ check: 'no_valid_rows', message: `${absolute}: every row was quarantined; nothing to ingest` }],
      read,
      dateRange,
      results,
    );
  }

  const report = finish({
    outcome: 'ingested',
    message: `${absolute}: ${accepted} rows accepted, ${quarantinedCount} quarantined`,
    rows: { read, accepted, quarantined: quarantinedCount },
    dateRange,
    fatal: [],
    warnings,
    checks: results,
  });
  const paths = options.reportsDir ? reportPaths(options.reportsDir, batchId) : undefined;
  let landed: ValidationReport;
  try {
    await store.commitWithRetry(() => prepareChange(store, report, options));
    landed = report;
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'DUPLICATE_CONTENT') {
      const winner = await store.shared.catalog.findIngestion(contentHashOf(sha256));
      await dropStaging(connection);
      return skipped(batchIdOfReport(winner?.reportKey));
    }
    if (error instanceof StoreError && error.reason === 'DATE_OVERLAP') {
      // Another process landed overlapping dates after this one checked: the catalog said no.
      await dropStaging(connection);
      const overlap: FatalProblem = {
        check: 'overlap',
        column: 'purchase_date',
        message: `${absolute}: ${error.message}; a batch must start after the last ingested day`,
      };
      return reject([overlap], read, dateRange, results);
    }
    await dropStaging(connection);
    throw error;
  }
  await dropStaging(connection);
  return paths ? { ...landed, reportPaths: writeReport(landed, paths) } : landed;
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
    tables.push({ table: 'transactions', mode: 'append', add: [file], rejectDateOverlap: true });
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
    summary: { batchId: report.batchId, sourceTable: options.table },
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
  const reportKey = await putReport(store, report);
  await store.shared.catalog.recordRejection({
    contentHash: contentHashOf(report.sha256),
    sourceName: report.file,
    reportKey,
    message: report.message,
    ...(report.dateRange ? { dateMin: report.dateRange.min, dateMax: report.dateRange.max } : {}),
  });
  return paths ? { ...report, reportPaths: writeReport(report, paths) } : report;
}
