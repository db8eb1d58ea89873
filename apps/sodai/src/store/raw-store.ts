import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RAW_TABLES, type RawTable } from '../contract/index.ts';
import type { CatalogChange, CommitResult, Snapshot } from './catalog/catalog-records.ts';
import { openCatalog } from './catalog/open-catalog.ts';
import { queryRows, sqlIdent, sqlString } from './duckdb.ts';
import { openObjectStore } from './object-store/open-object-store.ts';
import { createParquetView, openJobDuckDb, type EmptyColumns, type JobDuckDb } from './parquet-table.ts';
import type { SharedStore } from './shared-store.ts';
import { SharedStorePool } from './shared-store-pool.ts';
import { StoreError } from './store-error.ts';
import { reportObjectKey } from './stored-reports.ts';

/** The store's SQL type for each contract column kind. */
export const DUCKDB_TYPES = { int64: 'BIGINT', double: 'DOUBLE', date: 'DATE', string: 'VARCHAR' } as const;

function contractColumns(table: RawTable, extra: Record<string, string> = {}): EmptyColumns {
  return {
    ...Object.fromEntries(table.columns.map((c) => [c.name, DUCKDB_TYPES[c.kind]])),
    ...extra,
  };
}

/**
 * The catalog tables every job sees as views, with the columns a view has while the table has no
 * files. Customers and products are keyed by id (re-loads upsert by rewriting the table);
 * transactions keep the batch that brought them for lineage; quarantine keeps rejected rows with
 * their reason; predictions hold every scored pair by cut-off and model version.
 */
export const STORE_VIEWS: Readonly<Record<string, EmptyColumns>> = {
  customers: contractColumns(RAW_TABLES.customers),
  products: contractColumns(RAW_TABLES.products),
  transactions: contractColumns(RAW_TABLES.transactions, { batch_id: 'VARCHAR' }),
  quarantine: {
    batch_id: 'VARCHAR',
    table_name: 'VARCHAR',
    source_row: 'BIGINT',
    reasons: 'VARCHAR',
    details: 'VARCHAR',
    record: 'VARCHAR',
  },
  predictions: {
    cutoff: 'DATE',
    customer_id: 'BIGINT',
    product_id: 'BIGINT',
    score: 'DOUBLE',
    rank_in_customer: 'INTEGER',
    predicted: 'BOOLEAN',
    model_version: 'INTEGER',
    created_at: 'TIMESTAMP',
  },
  prediction_log: {
    logged_at: 'TIMESTAMP',
    route: 'VARCHAR',
    customer_id: 'BIGINT',
    product_id: 'BIGINT',
    score: 'DOUBLE',
    will_buy: 'BOOLEAN',
    rank: 'INTEGER',
    model_version: 'INTEGER',
    latency_ms: 'DOUBLE',
  },
};

/**
 * Catalog tables shown as views only once something was committed to them (their readers check
 * whether the view exists): the feature rows serving explains with.
 */
export const OPTIONAL_VIEWS = ['prediction_dataset'] as const;

/** The catalog table of rows ingest set aside (retention expires its files after `quarantineDays`). */
export const QUARANTINE_TABLE = 'quarantine';

/** Tables whose content makes up the store's data (used to prove atomicity). */
export const STORE_TABLES = ['customers', 'products', 'transactions', QUARANTINE_TABLE];

/** Where an ingestion's reports live in the object store. */
export function ingestReportKey(batchId: string, ext: 'json' | 'html'): string {
  return reportObjectKey('ingest', batchId, ext);
}

/**
 * Opens the embedded deployment's shared store: objects in `<dataDir>/objects`, the catalog in
 * `<dataDir>/catalog.db` (SQLite). For tests and single-machine use.
 */
export async function openEmbeddedStore(dataDir: string, memoryLimit = '4GB'): Promise<SharedStore> {
  const objects = await openObjectStore(path.join(dataDir, 'objects'), {
    cacheDir: path.join(dataDir, 'cache', 'objects'),
  });
  const catalog = await openCatalog({ dataDir });
  return {
    catalog,
    objects,
    memoryLimit,
    async close() {
      await catalog.close();
      await objects.close();
    },
  };
}

export interface RawStoreOptions {
  /** Close the shared store with this RawStore (a CLI command's or a task's own). */
  readonly ownsShared?: boolean;
  /** Called once this RawStore is closed (hands a pooled shared store back). */
  readonly onClose?: () => Promise<void>;
}

/** The embedded stores this process opened, one per data folder and memory cap. */
const embeddedPools = new Map<string, SharedStorePool>();

/**
 * The data a job works on: its own in-memory DuckDB with one view per catalog table over the current
 * snapshot's Parquet files. It holds no lock on shared data, so the server, the CLI and workers each
 * open their own at once. Writes never go through the views: a job writes new files and commits them
 * to the catalog ({@link commit}), which then re-reads the changed tables.
 *
 * @example
 * const store = await RawStore.open(await openEmbeddedStore('.sodai'), { ownsShared: true });
 * const n = await queryNumber(store.connection, 'SELECT count(*) FROM transactions');
 * await store.close();
 */
export class RawStore {
  /** The snapshot each view shows (undefined: the table has none); commit parents. */
  readonly read: Record<string, Snapshot | undefined> = {};
  #closed = false;
  #memoryCopies: { readonly tables: ReadonlySet<string>; readonly maxRows: number } | undefined;
  /** The snapshot each in-memory copy holds, by table. */
  readonly #copied = new Map<string, string>();

  private constructor(
    readonly shared: SharedStore,
    private readonly db: JobDuckDb,
    private readonly ownsShared: boolean,
    private readonly onClose: (() => Promise<void>) | undefined,
  ) {}

  static async open(shared: SharedStore, options: RawStoreOptions = {}): Promise<RawStore> {
    const db = await openJobDuckDb({ memoryLimit: shared.memoryLimit });
    const store = new RawStore(shared, db, options.ownsShared ?? false, options.onClose);
    try {
      await store.refresh();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /**
   * A RawStore over the embedded store in `dataDir` ({@link openEmbeddedStore}); every RawStore of
   * one folder in this process shares one catalog connection, closed with the last of them.
   */
  static async openDir(dataDir: string, memoryLimit?: string): Promise<RawStore> {
    const id = `${path.resolve(dataDir)}\u0000${memoryLimit ?? ''}`;
    let pool = embeddedPools.get(id);
    if (!pool) {
      pool = new SharedStorePool(() => openEmbeddedStore(dataDir, memoryLimit));
      embeddedPools.set(id, pool);
    }
    return RawStore.openPooled(pool);
  }

  /** A job's own RawStore over a shared store taken from `pool`, handed back when it closes. */
  static async openPooled(pool: SharedStorePool): Promise<RawStore> {
    const { shared, release } = await pool.acquire();
    try {
      return await RawStore.open(shared, { onClose: release });
    } catch (error) {
      await release();
      throw error;
    }
  }

  get connection(): DuckDBConnection {
    return this.db.connection;
  }

  /**
   * Another connection to this store's DuckDB, for work that must not wait for (nor hold up)
   * statements on {@link connection}; it shares the buffer pool and the memory cap. Close it after.
   */
  connect(): Promise<DuckDBConnection> {
    return this.db.instance.connect();
  }

  /** Names the snapshots the views of `tables` show now: it changes whenever one of them moves. */
  snapshotKey(tables: readonly string[] = Object.keys(STORE_VIEWS)): string {
    return tables.map((table) => this.read[table]?.id ?? '').join(',');
  }

  /** Re-points the views at the catalog's current snapshots (all tables, or those named). */
  async refresh(tables: readonly string[] = [...Object.keys(STORE_VIEWS), ...OPTIONAL_VIEWS]): Promise<void> {
    for (const table of tables) {
      const emptyColumns = STORE_VIEWS[table];
      const snapshot = await this.shared.catalog.currentSnapshot(table);
      if (emptyColumns === undefined) {
        // A reader may have built the table locally while the catalog had none (serving's fallback).
        const [local] = await queryRows(
          this.connection,
          `SELECT table_type AS t FROM information_schema.tables WHERE table_name = ${sqlString(table)}`,
        );
        if (snapshot === undefined) {
          if (local?.t === 'VIEW') await this.connection.run(`DROP VIEW ${sqlIdent(table)}`);
          this.read[table] = undefined;
          continue;
        }
        if (local !== undefined && local.t !== 'VIEW')
          await this.connection.run(`DROP TABLE ${sqlIdent(table)}`);
      }
      const copied = this.#copied.get(table);
      if (copied !== undefined && snapshot?.id === copied) continue;
      await createParquetView(
        this.connection,
        table,
        snapshot?.files ?? [],
        this.shared.objects,
        emptyColumns,
      );
      this.read[table] = snapshot;
      if (this.#memoryCopies?.tables.has(table)) await this.#copyToMemory(table, this.#memoryCopies.maxRows);
    }
  }

  /**
   * Re-points the views of those `tables` whose catalog snapshot moved since this store read them
   * (another process committed), and returns their names. One catalog read when nothing moved, so a
   * long-lived reader can call it before every answer.
   */
  async catchUp(tables: readonly string[]): Promise<string[]> {
    const current = new Map((await this.shared.catalog.tables()).map((t) => [t.name, t.currentSnapshotId]));
    const moved = tables.filter((table) => current.get(table) !== this.read[table]?.id);
    if (moved.length > 0) await this.refresh(moved);
    return moved;
  }

  /**
   * Serves `tables` from in-memory copies while each has at most `maxRows` rows: a long-lived reader
   * (the server) then answers point lookups without decompressing Parquet on every query. Copies are
   * re-made whenever the table's snapshot changes, so they never show other data than the view would.
   */
  async keepInMemory(tables: readonly string[], maxRows: number): Promise<void> {
    this.#memoryCopies = { tables: new Set(tables), maxRows };
    await this.refresh(tables);
  }

  /**
   * Points view `table` at a copy of what it shows now (a Parquet view just made by refresh). Every
   * step leaves the view showing the same snapshot, so a query between them is still right.
   */
  async #copyToMemory(table: string, maxRows: number): Promise<void> {
    const copy = sqlIdent(`memory_copy__${table}`);
    const snapshot = this.read[table];
    const rows = (snapshot?.files ?? []).reduce((n, f) => n + f.rows, 0);
    this.#copied.delete(table);
    if (snapshot === undefined || rows === 0 || rows > maxRows) {
      await this.connection.run(`DROP TABLE IF EXISTS ${copy}`);
      return;
    }
    await this.connection.run(`CREATE OR REPLACE TABLE ${copy} AS SELECT * FROM ${sqlIdent(table)}`);
    await this.connection.run(`CREATE OR REPLACE VIEW ${sqlIdent(table)} AS SELECT * FROM ${copy}`);
    this.#copied.set(table, snapshot.id);
  }

  /** Commits `change` to the catalog, then re-reads the tables it changed. */
  async commit(change: CatalogChange): Promise<CommitResult> {
    const result = await this.shared.catalog.commit(change);
    await this.refresh(change.tables.map((t) => t.table));
    return result;
  }

  /**
   * Runs `prepare` (which writes files and returns the change) and commits it; when another process
   * moved one of its tables meanwhile (SNAPSHOT_CONFLICT), re-reads and tries once more.
   */
  async commitWithRetry(prepare: () => Promise<CatalogChange>): Promise<CommitResult> {
    try {
      return await this.commit(await prepare());
    } catch (error) {
      if (!(error instanceof StoreError) || error.reason !== 'SNAPSHOT_CONFLICT') throw error;
      await this.refresh();
      return this.commit(await prepare());
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
              (SELECT min(purchase_date) FROM transactions)::VARCHAR AS first_date,
              (SELECT max(purchase_date) FROM transactions)::VARCHAR AS last_date`,
    );
    const landed = (await this.shared.catalog.listIngestions()).filter((i) => i.status === 'landed');
    return {
      customers: Number(row!.customers),
      products: Number(row!.products),
      transactions: Number(row!.transactions),
      quarantined: Number(row!.quarantined),
      batches: landed.length,
      firstDate: (row!.first_date as string | null) ?? null,
      lastDate: (row!.last_date as string | null) ?? null,
    };
  }

  /** The ingestion log, newest first (each entry read from its report in the object store). */
  async ingestions(limit = 100): Promise<IngestionRecord[]> {
    const all = await this.shared.catalog.listIngestions();
    const newest = all.reverse().slice(0, Math.max(1, Math.floor(limit)));
    const records: IngestionRecord[] = [];
    for (const entry of newest) {
      if (entry.reportKey === undefined) continue;
      const report = JSON.parse(
        Buffer.from(await this.shared.objects.getBytes(entry.reportKey)).toString('utf8'),
      ) as StoredIngestReport;
      records.push(
        Object.freeze({
          batchId: report.batchId,
          table: report.table,
          file: report.file,
          sha256: report.sha256,
          outcome: entry.status === 'landed' ? 'ingested' : 'rejected',
          rowsRead: report.rows.read,
          rowsAccepted: entry.status === 'landed' ? report.rows.accepted : 0,
          rowsQuarantined: entry.status === 'landed' ? report.rows.quarantined : 0,
          dateMin: report.dateRange?.min ?? null,
          dateMax: report.dateRange?.max ?? null,
          startedAt: report.startedAt,
          finishedAt: report.finishedAt,
          message: entry.message ?? report.message,
          reportPath: entry.reportKey,
        }),
      );
    }
    return records;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.db.close();
    if (this.ownsShared) await this.shared.close();
    await this.onClose?.();
  }
}

/** The fields of an ingestion report the log shows. */
interface StoredIngestReport {
  readonly batchId: string;
  readonly table: string;
  readonly file: string;
  readonly sha256: string;
  readonly message: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly rows: { readonly read: number; readonly accepted: number; readonly quarantined: number };
  readonly dateRange: { readonly min: string; readonly max: string } | null;
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
