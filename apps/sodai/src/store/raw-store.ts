import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RAW_TABLES, type RawTable } from '../contract/index.ts';
import { openDuckDb, queryRows, sqlIdent, type DuckDb } from './duckdb.ts';

/** The store's SQL type for each contract column kind. */
export const DUCKDB_TYPES = { int64: 'BIGINT', double: 'DOUBLE', date: 'DATE', string: 'VARCHAR' } as const;

function tableDdl(table: RawTable, extra: string[] = []): string {
  const columns = table.columns.map((c) => `${sqlIdent(c.name)} ${DUCKDB_TYPES[c.kind]}`);
  return [...columns, ...extra].join(',\n  ');
}

/**
 * The store's schema. Customers and products are keyed by id (re-loads upsert); transactions keep
 * the batch that brought them for lineage; quarantine keeps rejected rows with their reason.
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS customers (\n  ${tableDdl(RAW_TABLES.customers, ['PRIMARY KEY (customer_id)'])}\n)`,
  `CREATE TABLE IF NOT EXISTS products (\n  ${tableDdl(RAW_TABLES.products, ['PRIMARY KEY (product_id)'])}\n)`,
  `CREATE TABLE IF NOT EXISTS transactions (\n  ${tableDdl(RAW_TABLES.transactions, ['batch_id VARCHAR NOT NULL'])}\n)`,
  `CREATE TABLE IF NOT EXISTS quarantine (
  batch_id VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  source_row BIGINT NOT NULL,
  reasons VARCHAR NOT NULL,
  details VARCHAR NOT NULL,
  record VARCHAR NOT NULL
)`,
  `CREATE TABLE IF NOT EXISTS ingestions (
  batch_id VARCHAR PRIMARY KEY,
  table_name VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  outcome VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_accepted BIGINT NOT NULL,
  rows_quarantined BIGINT NOT NULL,
  date_min DATE,
  date_max DATE,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  message VARCHAR,
  report_path VARCHAR
)`,
  // One row per file whose content landed; the primary key is what makes ingestion exactly-once,
  // even when two processes race on the same file.
  `CREATE TABLE IF NOT EXISTS ingested_files (
  sha256 VARCHAR PRIMARY KEY,
  batch_id VARCHAR NOT NULL
)`,
  // Scores for every candidate pair of a predicted week, by model version.
  `CREATE TABLE IF NOT EXISTS predictions (
  cutoff DATE NOT NULL,
  customer_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  score DOUBLE NOT NULL,
  rank_in_customer INTEGER NOT NULL,
  predicted BOOLEAN NOT NULL,
  model_version INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL
)`,
];

/** Tables whose content makes up the store's state (used to prove atomicity). */
export const STORE_TABLES = [
  'customers',
  'products',
  'transactions',
  'quarantine',
  'ingestions',
  'ingested_files',
];

export class RawStore {
  private constructor(
    private readonly db: DuckDb,
    readonly file: string,
  ) {}

  /**
   * Opens the store file, creating the folder and the schema when missing. `memoryLimit` caps
   * DuckDB's memory (it spills to a temporary folder beside the file beyond it); by default DuckDB
   * takes up to 80 % of the machine.
   */
  static async open(file: string, options: { memoryLimit?: string } = {}): Promise<RawStore> {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const db = await openDuckDb(
      file,
      options.memoryLimit
        ? {
            memory_limit: options.memoryLimit,
            ...(file !== ':memory:' ? { temp_directory: `${file}.tmp` } : {}),
          }
        : {},
    );
    for (const statement of SCHEMA) await db.connection.run(statement);
    return new RawStore(db, file);
  }

  get connection(): DuckDBConnection {
    return this.db.connection;
  }

  /**
   * Runs `work` in one transaction: everything it writes lands together or, if it throws, not at
   * all. Temporary tables are not part of the store and may be used for staging.
   */
  async transaction<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work(this.connection);
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** Row counts and the covered date range, for summaries. */
  async summary(): Promise<StoreSummary> {
    const [row] = await queryRows(
      this.connection,
      `SELECT (SELECT count(*) FROM customers) AS customers,
              (SELECT count(*) FROM products) AS products,
              (SELECT count(*) FROM transactions) AS transactions,
              (SELECT count(*) FROM quarantine) AS quarantined,
              (SELECT count(*) FROM ingestions WHERE outcome = 'ingested') AS batches,
              (SELECT min(purchase_date) FROM transactions)::VARCHAR AS first_date,
              (SELECT max(purchase_date) FROM transactions)::VARCHAR AS last_date`,
    );
    return {
      customers: Number(row!.customers),
      products: Number(row!.products),
      transactions: Number(row!.transactions),
      quarantined: Number(row!.quarantined),
      batches: Number(row!.batches),
      firstDate: (row!.first_date as string | null) ?? null,
      lastDate: (row!.last_date as string | null) ?? null,
    };
  }

  /** The ingestion log, newest first. */
  async ingestions(limit = 100): Promise<IngestionRecord[]> {
    const rows = await queryRows(
      this.connection,
      `SELECT batch_id, table_name, file, sha256, outcome, rows_read, rows_accepted, rows_quarantined,
              date_min::VARCHAR AS date_min, date_max::VARCHAR AS date_max,
              strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at,
              strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at, message, report_path
       FROM ingestions ORDER BY started_at DESC, batch_id DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map((r) =>
      Object.freeze({
        batchId: String(r.batch_id),
        table: String(r.table_name),
        file: String(r.file),
        sha256: String(r.sha256),
        outcome: String(r.outcome) as IngestionOutcome,
        rowsRead: Number(r.rows_read),
        rowsAccepted: Number(r.rows_accepted),
        rowsQuarantined: Number(r.rows_quarantined),
        dateMin: (r.date_min as string | null) ?? null,
        dateMax: (r.date_max as string | null) ?? null,
        startedAt: String(r.started_at),
        finishedAt: String(r.finished_at),
        message: (r.message as string | null) ?? null,
        reportPath: (r.report_path as string | null) ?? null,
      }),
    );
  }

  close(): void {
    this.db.close();
  }
}

export interface StoreSummary {
  customers: number;
  products: number;
  transactions: number;
  quarantined: number;
  batches: number;
  firstDate: string | null;
  lastDate: string | null;
}

export type IngestionOutcome = 'ingested' | 'rejected';

export interface IngestionRecord {
  readonly batchId: string;
  readonly table: string;
  readonly file: string;
  readonly sha256: string;
  readonly outcome: IngestionOutcome;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  readonly dateMin: string | null;
  readonly dateMax: string | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly message: string | null;
  readonly reportPath: string | null;
}
