import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { SodaiError } from '../../errors.ts';
import type { RawStore } from '../../store/raw-store.ts';
import { ingestFile } from '../ingest/ingest-file.ts';
import type { ValidationReport } from '../ingest/validation-report.ts';
import type { BatchIngestOptions } from '../load-data.ts';
import type { PostgresSourceSpec } from './batch-source.ts';
import { maskUrl } from './mask-url.ts';

/**
 * The source's identity in the catalog: server, database, what is read and by which column, never
 * the user or password (so rotating credentials keeps the watermark).
 */
export function postgresSourceId(spec: PostgresSourceSpec): string {
  const url = new URL(spec.url);
  const what =
    spec.table !== undefined
      ? `table=${spec.table}`
      : `query=${createHash('sha256')
          .update(spec.query ?? '')
          .digest('hex')
          .slice(0, 16)}`;
  return `postgres://${url.host}${url.pathname}#${what};watermark=${spec.watermarkColumn}`;
}

/** What reports call the batch: the masked URL, what was read and the watermark window. */
function batchName(spec: PostgresSourceSpec, previous: string | null, upTo: string): string {
  const what = spec.table !== undefined ? `table ${spec.table}` : 'query';
  const from = previous === null ? '' : `${previous} < `;
  return `${maskUrl(spec.url)} ${what} (${from}${spec.watermarkColumn} <= ${upTo})`;
}

function relationSql(client: pg.Client, spec: PostgresSourceSpec): string {
  if (spec.table !== undefined) {
    return spec.table
      .split('.')
      .map((part) => client.escapeIdentifier(part))
      .join('.');
  }
  return `(${spec.query ?? ''})`;
}

/**
 * What `sodai doctor` says of a Postgres source: whether its table (or query) and watermark column
 * answer, with how many rows it holds and the newest watermark value. Throws what a read would.
 */
export async function probePostgresSource(spec: PostgresSourceSpec): Promise<string> {
  const client = new pg.Client({ connectionString: spec.url });
  await client.connect();
  try {
    const column = client.escapeIdentifier(spec.watermarkColumn);
    const { rows } = await client.query<{ n: string; newest: string | null }>(
      `SELECT count(*)::text AS n, max(${column})::text AS newest FROM ${relationSql(client, spec)} AS source`,
    );
    const what = spec.table ?? 'the query';
    return `${maskUrl(spec.url)} ${what}: ${rows[0]!.n} rows, newest ${spec.watermarkColumn} ${rows[0]!.newest ?? '(none)'}`;
  } finally {
    await client.end();
  }
}

/** File-name-safe text for a watermark value (it only labels the extract; the catalog keeps the value). */
const fileSafe = (text: string) => text.replace(/[^0-9A-Za-z_-]+/g, '_').slice(0, 40);

/**
 * Ingests the rows of a Postgres table (or query) whose watermark column is past the last landed
 * value, as one batch, through the same validation, quarantine and reports as a file. The rows are
 * read in one REPEATABLE READ transaction (the newest value and the rows agree) and written by
 * Postgres itself as CSV (`COPY … TO STDOUT`, streamed to a local file). The new watermark is
 * committed with the batch, in the same catalog transaction: a batch that is rejected leaves the
 * watermark where it was, so the next run reads those rows again (once fixed upstream). No new rows:
 * no report.
 */
export async function ingestPostgresIncrement(
  store: RawStore,
  spec: PostgresSourceSpec,
  options: BatchIngestOptions,
  extractDir: string,
  warn: (notice: LateRowsNotice) => void = () => undefined,
): Promise<ValidationReport[]> {
  const sourceId = postgresSourceId(spec);
  const mark = await store.shared.catalog.sourceWatermark(sourceId);
  const previous = mark?.value ?? null;
  const extract = await extractIncrement(spec, previous, extractDir, sourceId);
  const late = mark?.rowsThrough == null ? 0 : extract.rowsThroughPrevious - mark.rowsThrough;
  if (late > 0) {
    warn({
      source: `${maskUrl(spec.url)} ${spec.table ?? 'query'}`,
      rows: late,
      watermark: previous!,
      message: lateRowsWarning(spec, previous!, late),
    });
  }
  const increment = extract.increment;
  if (increment === undefined) return [];
  try {
    return [
      await ingestFile(store, increment.file, {
        ...options,
        table: 'transactions',
        sourceName: batchName(spec, previous, increment.upTo),
        watermark: { sourceId, previous, value: increment.upTo, rowsThrough: increment.rowsThrough },
      }),
    ];
  } finally {
    await rm(increment.file, { force: true });
  }
}

/**
 * Rows of a Postgres source dated at or before its watermark that appeared after it was read: no
 * increment will read them. Said on every run until a batch moves the watermark past them.
 */
export interface LateRowsNotice {
  /** The source as people name it: its URL without the password, and its table. */
  readonly source: string;
  readonly rows: number;
  readonly watermark: string;
  /** What happened and what to do, for a log. */
  readonly message: string;
}

/** A late-rows notice's figures, as a weekly run's ingest output keeps them for the alert. */
export type LateRows = Omit<LateRowsNotice, 'message'>;

/** What to tell the team about rows an increment can never read, and what to do about them. */
function lateRowsWarning(spec: PostgresSourceSpec, watermark: string, late: number): string {
  const rows = late === 1 ? '1 row' : `${late.toLocaleString('en-US')} rows`;
  return (
    `${maskUrl(spec.url)}: ${rows} with ${spec.watermarkColumn} at or before the watermark ${watermark} ` +
    'appeared after it was read; increments read only later values, so they are not ingested. Use a ' +
    'column that only grows (an id, or the time a row was inserted) as --watermark-column, or ingest ' +
    'those rows as a file or with --query'
  );
}

/**
 * What one read found, in one snapshot: the source rows at or before the previous watermark now
 * (compared with the count when it was read, it tells rows that arrived late) and, when there are new
 * rows, the file holding them, the new watermark and the rows at or before it (kept with it).
 */
interface Extract {
  readonly rowsThroughPrevious: number;
  readonly increment:
    { readonly file: string; readonly upTo: string; readonly rowsThrough: number } | undefined;
}

async function extractIncrement(
  spec: PostgresSourceSpec,
  previous: string | null,
  extractDir: string,
  sourceId: string,
): Promise<Extract> {
  const where = maskUrl(spec.url);
  const client = new pg.Client({ connectionString: spec.url });
  try {
    await client.connect();
  } catch (error) {
    throw new SodaiError('FILE_UNREADABLE', `${where}: cannot connect: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const column = client.escapeIdentifier(spec.watermarkColumn);
    const after = previous === null ? 'TRUE' : `${column} > ${client.escapeLiteral(previous)}`;
    const relation = relationSql(client, spec);
    let upTo: string | null;
    let rowsThroughPrevious: number;
    let rowsThroughUpTo: number;
    try {
      const through =
        previous === null ? '0' : `count(*) FILTER (WHERE ${column} <= ${client.escapeLiteral(previous)})`;
      const { rows } = await client.query<{ up_to: string | null; previous_n: string; up_to_n: string }>(
        `SELECT max(${column}) FILTER (WHERE ${after})::text AS up_to, ${through} AS previous_n,
                count(${column}) AS up_to_n
         FROM ${relation} AS source`,
      );
      upTo = rows[0]?.up_to ?? null;
      rowsThroughPrevious = Number(rows[0]?.previous_n ?? 0);
      // Every non-null value is at or before the new watermark, the greatest of them.
      rowsThroughUpTo = Number(rows[0]?.up_to_n ?? 0);
    } catch (error) {
      throw new SodaiError(
        'FILE_UNREADABLE',
        `${where}: cannot read ${spec.table ?? 'the query'} by ${spec.watermarkColumn}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (upTo === null) return { rowsThroughPrevious, increment: undefined };
    // The upper bound is redundant in this snapshot but keeps a volatile query to what `upTo` says.
    const select =
      `SELECT * FROM ${relation} AS source WHERE ${after} AND ${column} <= ${client.escapeLiteral(upTo)} ` +
      `ORDER BY ${column}`;
    const digest = createHash('sha256').update(sourceId).digest('hex').slice(0, 12);
    await mkdir(extractDir, { recursive: true });
    const file = path.join(extractDir, `${digest}-to-${fileSafe(upTo)}.csv`);
    const temp = path.join(extractDir, `.${randomUUID()}.tmp`);
    try {
      await pipeline(
        client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`)),
        createWriteStream(temp),
      );
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
    await client.query('COMMIT');
    return { rowsThroughPrevious, increment: { file, upTo, rowsThrough: rowsThroughUpTo } };
  } finally {
    await client.end();
  }
}
