import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { ObjectInfo, ObjectStore } from '../object-store/object-store.ts';
import { StoreError } from '../store-error.ts';
import type {
  CatalogChange,
  CatalogFile,
  CatalogTable,
  CommitResult,
  IngestionClaim,
  IngestionRecord,
  IngestionStatus,
  Snapshot,
  TableChange,
  SourceWatermark,
  WatermarkAdvance,
} from './catalog-records.ts';
import type { CatalogDatabase, CatalogIngestionsRow, CatalogSnapshotsRow } from './catalog-schema.ts';
import { mapCatalogError } from './catalog-db-error.ts';
import { validateChange } from './validate-change.ts';
import { MonitorRecords } from './monitor-records.ts';
import { expireSnapshots, releasableFiles, type ReleasedFile } from './snapshot-expiry.ts';

export type CatalogDialect = 'sqlite' | 'postgres';

export interface CatalogOptions {
  readonly dialect: CatalogDialect;
  /** Clock (epoch ms); tests inject one. */
  readonly now?: () => number;
  /** Called after the connection closes (drops throwaway test schemas). */
  readonly onClose?: () => Promise<void>;
}

export interface OrphanOptions {
  /** Key prefixes the catalog owns (default `['tables/']`); other prefixes are never reported. */
  readonly prefixes?: readonly string[];
  /**
   * Only objects older than this are orphans (default 0). A writer puts its files before it commits,
   * so a deletion that follows this list must leave a grace period longer than any commit takes.
   */
  readonly minAgeMs?: number;
}

type Tx = Transaction<CatalogDatabase>;

function toIngestion(row: Selectable<CatalogIngestionsRow>): IngestionRecord {
  return Object.freeze({
    id: row.id,
    contentHash: row.content_hash,
    sourceName: row.source_name,
    dateMin: row.date_min ?? undefined,
    dateMax: row.date_max ?? undefined,
    status: row.status as IngestionStatus,
    reportKey: row.report_key ?? undefined,
    message: row.message ?? undefined,
    commitId: row.commit_id ?? undefined,
    createdAt: Number(row.created_at),
  });
}

function toSnapshot(row: Selectable<CatalogSnapshotsRow>, files: readonly CatalogFile[]): Snapshot {
  return Object.freeze({
    id: row.id,
    table: row.table_name,
    parentId: row.parent_id ?? undefined,
    sequence: Number(row.sequence),
    commitId: row.commit_id,
    createdAt: Number(row.created_at),
    operation: row.operation,
    summary: Object.freeze(JSON.parse(row.summary) as Record<string, unknown>),
    files: Object.freeze(files),
  });
}

/**
 * The transactional catalog: which immutable files make up each table, version by version. Data
 * files are written to the object store first; `commit` then records them in one transaction, so a
 * reader sees a table's old snapshot or its new one, never half of a change, and a crash between the
 * two leaves only unreferenced files (`listOrphans`).
 *
 * Concurrency: on SQLite every commit holds the write lock for its whole transaction; on Postgres it
 * locks the rows of the tables it changes (in name order, so two commits never deadlock). Either way
 * the exactly-once, overlap and parent checks run on the state the commit writes over.
 *
 * @example
 * const catalog = await openCatalog({ dataDir: '.sodai' });
 * const put = await store.putFile('tables/transactions/w01.parquet', tmp);
 * await catalog.commit({
 *   operation: 'ingest',
 *   ingestion: { contentHash: batchHash, sourceName: 'w01.csv', dateMin: '2024-01-01', dateMax: '2024-01-07' },
 *   tables: [{ table: 'transactions', mode: 'append', rejectDateOverlap: true,
 *              add: [{ key: put.key, contentHash: put.contentHash, bytes: put.bytes, rows: 812,
 *                      dateMin: '2024-01-01', dateMax: '2024-01-07' }] }],
 * });
 * const files = (await catalog.currentSnapshot('transactions'))?.files ?? [];
 */
export class Catalog {
  readonly dialect: CatalogDialect;
  readonly #db: Kysely<CatalogDatabase>;
  readonly #now: () => number;
  readonly #onClose: (() => Promise<void>) | undefined;
  /** Realized and estimated performance per week, in the same database. */
  readonly monitor: MonitorRecords;

  constructor(db: Kysely<CatalogDatabase>, options: CatalogOptions) {
    this.#db = db;
    this.dialect = options.dialect;
    this.#now = options.now ?? Date.now;
    this.#onClose = options.onClose;
    this.monitor = new MonitorRecords(db, this.#now);
  }

  /**
   * Applies `change` in one transaction: checks exactly-once (the ingestion's content hash), each
   * table's parent snapshot and date overlap against the current snapshot, records the files, makes a
   * new snapshot per table and moves each table's current pointer. Throws StoreError
   * DUPLICATE_CONTENT, DATE_OVERLAP, SNAPSHOT_CONFLICT, DUPLICATE_FILE or INVALID_CHANGE, having
   * changed nothing.
   */
  async commit(change: CatalogChange): Promise<CommitResult> {
    validateChange(change);
    try {
      return await this.#db.transaction().execute((trx) => this.#apply(trx, change));
    } catch (error) {
      throw mapCatalogError(error);
    }
  }

  async #apply(trx: Tx, change: CatalogChange): Promise<CommitResult> {
    const now = this.#now();
    const commitId = randomUUID();
    const current = await this.#lockTables(
      trx,
      change.tables.map((t) => t.table),
      now,
    );

    for (const table of change.tables) {
      const at = current.get(table.table) ?? null;
      if (table.parent !== undefined && table.parent !== at) {
        throw new StoreError(
          'SNAPSHOT_CONFLICT',
          `table ${table.table} changed while this ${change.operation} was prepared: it was based on ` +
            `snapshot ${table.parent ?? '(none)'}, the current one is ${at ?? '(none)'}; re-read and retry`,
        );
      }
    }
    if (change.ingestion) await this.#claimContent(trx, change.ingestion);
    if (change.watermark) await this.#advanceWatermark(trx, change.watermark, commitId, now);
    await this.#checkNewKeys(trx, change);

    const snapshotIds: string[] = [];
    for (const table of change.tables) {
      snapshotIds.push(
        await this.#applyTable(trx, change, table, current.get(table.table) ?? null, commitId, now),
      );
    }

    let ingestion: IngestionRecord | undefined;
    if (change.ingestion) {
      const row = {
        id: randomUUID(),
        content_hash: change.ingestion.contentHash,
        source_name: change.ingestion.sourceName,
        date_min: change.ingestion.dateMin ?? null,
        date_max: change.ingestion.dateMax ?? null,
        status: 'landed' satisfies IngestionStatus,
        report_key: change.ingestion.reportKey ?? null,
        message: null,
        commit_id: commitId,
        created_at: now,
      } satisfies Insertable<CatalogIngestionsRow>;
      await trx.insertInto('catalog_ingestions').values(row).execute();
      ingestion = toIngestion(row);
    }
    for (const imported of change.importedIngestions ?? []) {
      await trx
        .insertInto('catalog_ingestions')
        .values({
          id: randomUUID(),
          content_hash: imported.contentHash,
          source_name: imported.sourceName,
          date_min: imported.dateMin ?? null,
          date_max: imported.dateMax ?? null,
          status: imported.status,
          report_key: imported.reportKey ?? null,
          message: imported.message ?? null,
          commit_id: imported.status === 'landed' ? commitId : null,
          created_at: imported.createdAt,
        })
        .execute();
    }
    const snapshots: Snapshot[] = [];
    for (const id of snapshotIds) snapshots.push(await this.#loadSnapshot(trx, id));
    return Object.freeze({ commitId, snapshots: Object.freeze(snapshots), ingestion });
  }

  /** Creates missing table rows and locks them all, in name order; returns each current pointer. */
  async #lockTables(trx: Tx, names: readonly string[], now: number): Promise<Map<string, string | null>> {
    const sorted = [...names].sort();
    await trx
      .insertInto('catalog_tables')
      .values(sorted.map((name) => ({ name, current_snapshot_id: null, updated_at: now })))
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    let query = trx.selectFrom('catalog_tables').selectAll().where('name', 'in', sorted).orderBy('name');
    // SQLite has no row locks and needs none: the IMMEDIATE transaction holds the database's write lock.
    if (this.dialect === 'postgres') query = query.forUpdate();
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.name, r.current_snapshot_id]));
  }

  /** Exactly-once: a landed batch blocks its bytes for ever; a rejected one may be retried. */
  async #claimContent(trx: Tx, claim: IngestionClaim): Promise<void> {
    const existing = await trx
      .selectFrom('catalog_ingestions')
      .selectAll()
      .where('content_hash', '=', claim.contentHash)
      .executeTakeFirst();
    if (!existing) return;
    if (existing.status === 'landed') {
      throw new StoreError(
        'DUPLICATE_CONTENT',
        `${claim.sourceName}: the same content already landed as ${existing.source_name} on ` +
          `${new Date(Number(existing.created_at)).toISOString()} (${claim.contentHash})`,
      );
    }
    await trx.deleteFrom('catalog_ingestions').where('id', '=', existing.id).execute();
  }

  /** Moves a source's watermark, unless another commit moved it since `previous` was read. */
  async #advanceWatermark(trx: Tx, advance: WatermarkAdvance, commitId: string, now: number): Promise<void> {
    let current = trx
      .selectFrom('catalog_source_watermarks')
      .select('watermark')
      .where('source_id', '=', advance.sourceId);
    if (this.dialect === 'postgres') current = current.forUpdate();
    const row = await current.executeTakeFirst();
    const at = row?.watermark ?? null;
    if (at !== advance.previous) {
      throw new StoreError(
        'WATERMARK_CONFLICT',
        `source ${advance.sourceId} moved to ${at ?? '(start)'} while this batch was read after ` +
          `${advance.previous ?? '(start)'}; read it again`,
      );
    }
    const values = {
      watermark: advance.value,
      rows_through: advance.rowsThrough ?? null,
      commit_id: commitId,
      updated_at: now,
    };
    if (row) {
      await trx
        .updateTable('catalog_source_watermarks')
        .set(values)
        .where('source_id', '=', advance.sourceId)
        .execute();
    } else {
      // Two first reads at once: the primary key lets one in; the other fails and is mapped below.
      await trx
        .insertInto('catalog_source_watermarks')
        .values({ source_id: advance.sourceId, ...values })
        .execute();
    }
  }

  async #checkNewKeys(trx: Tx, change: CatalogChange): Promise<void> {
    const keys = change.tables.flatMap((t) => t.add.map((f) => f.key));
    if (keys.length === 0) return;
    const taken = await trx
      .selectFrom('catalog_files')
      .select('key')
      .where('key', 'in', keys)
      .executeTakeFirst();
    if (taken) {
      throw new StoreError(
        'DUPLICATE_FILE',
        `file ${taken.key} is already in the catalog: every change writes new files`,
      );
    }
  }

  async #applyTable(
    trx: Tx,
    change: CatalogChange,
    table: TableChange,
    parentId: string | null,
    commitId: string,
    now: number,
  ): Promise<string> {
    const remove = table.remove ?? [];
    const keep = table.mode === 'append' ? parentId : null;
    if (remove.length > 0) await this.#checkRemovable(table, keep, remove, trx);
    if (table.rejectDateOverlap && keep !== null) await this.#checkOverlap(trx, table, keep, remove);

    if (table.add.length > 0) {
      await trx
        .insertInto('catalog_files')
        .values(
          table.add.map((f) => ({
            key: f.key,
            table_name: table.table,
            content_hash: f.contentHash,
            row_count: f.rows,
            byte_count: f.bytes,
            date_min: f.dateMin ?? null,
            date_max: f.dateMax ?? null,
            commit_id: commitId,
            created_at: now,
          })),
        )
        .execute();
    }

    const kept = keep === null ? { files: 0, rows: 0 } : await this.#totals(trx, keep, remove);
    const addedRows = table.add.reduce((sum, f) => sum + f.rows, 0);
    const summary = {
      ...change.summary,
      ...table.summary,
      mode: table.mode,
      addedFiles: table.add.length,
      addedRows,
      removedFiles: remove.length,
      totalFiles: kept.files + table.add.length,
      totalRows: kept.rows + addedRows,
    };
    const parentSequence =
      parentId === null
        ? 0
        : Number(
            (
              await trx
                .selectFrom('catalog_snapshots')
                .select('sequence')
                .where('id', '=', parentId)
                .executeTakeFirstOrThrow()
            ).sequence,
          );
    const id = randomUUID();
    await trx
      .insertInto('catalog_snapshots')
      .values({
        id,
        table_name: table.table,
        parent_id: parentId,
        sequence: parentSequence + 1,
        commit_id: commitId,
        created_at: now,
        operation: change.operation,
        summary: JSON.stringify(summary),
      })
      .execute();

    if (keep !== null) {
      let carried = trx
        .selectFrom('catalog_snapshot_files')
        .select((eb) => [eb.cast<string>(eb.val(id), 'text').as('snapshot_id'), 'file_key'])
        .where('snapshot_id', '=', keep);
      if (remove.length > 0) carried = carried.where('file_key', 'not in', remove);
      await trx
        .insertInto('catalog_snapshot_files')
        .columns(['snapshot_id', 'file_key'])
        .expression(carried)
        .execute();
    }
    if (table.add.length > 0) {
      await trx
        .insertInto('catalog_snapshot_files')
        .values(table.add.map((f) => ({ snapshot_id: id, file_key: f.key })))
        .execute();
    }

    let move = trx
      .updateTable('catalog_tables')
      .set({ current_snapshot_id: id, updated_at: now })
      .where('name', '=', table.table);
    move =
      parentId === null
        ? move.where('current_snapshot_id', 'is', null)
        : move.where('current_snapshot_id', '=', parentId);
    const moved = await move.executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      throw new StoreError('SNAPSHOT_CONFLICT', `table ${table.table} moved during the commit; retry`);
    }
    return id;
  }

  async #checkRemovable(
    table: TableChange,
    keep: string | null,
    remove: readonly string[],
    trx: Tx,
  ): Promise<void> {
    const present =
      keep === null
        ? []
        : await trx
            .selectFrom('catalog_snapshot_files')
            .select('file_key')
            .where('snapshot_id', '=', keep)
            .where('file_key', 'in', remove)
            .execute();
    const found = new Set(present.map((r) => r.file_key));
    const missing = remove.find((key) => !found.has(key));
    if (missing !== undefined) {
      throw new StoreError(
        'INVALID_CHANGE',
        `table ${table.table}: cannot remove ${missing}, it is not in the current snapshot`,
      );
    }
  }

  async #checkOverlap(
    trx: Tx,
    table: TableChange,
    snapshotId: string,
    remove: readonly string[],
  ): Promise<void> {
    for (const file of table.add) {
      if (file.dateMin === undefined || file.dateMax === undefined) continue;
      let query = trx
        .selectFrom('catalog_snapshot_files as sf')
        .innerJoin('catalog_files as f', 'f.key', 'sf.file_key')
        .leftJoin('catalog_ingestions as i', 'i.commit_id', 'f.commit_id')
        .select(['f.key', 'f.date_min', 'f.date_max', 'i.source_name'])
        .where('sf.snapshot_id', '=', snapshotId)
        .where('f.date_min', '<=', file.dateMax)
        .where('f.date_max', '>=', file.dateMin)
        .orderBy('f.date_min')
        .limit(1);
      if (remove.length > 0) query = query.where('f.key', 'not in', remove);
      const clash = await query.executeTakeFirst();
      if (clash) {
        const from = clash.source_name ? `batch ${clash.source_name}` : `file ${clash.key}`;
        throw new StoreError(
          'DATE_OVERLAP',
          `dates ${file.dateMin}..${file.dateMax} overlap ${clash.date_min}..${clash.date_max} already in ` +
            `${table.table} (from ${from})`,
        );
      }
    }
  }

  async #totals(
    trx: Tx,
    snapshotId: string,
    remove: readonly string[],
  ): Promise<{ files: number; rows: number }> {
    let query = trx
      .selectFrom('catalog_snapshot_files as sf')
      .innerJoin('catalog_files as f', 'f.key', 'sf.file_key')
      .select((eb) => [
        eb.fn.countAll().as('files'),
        eb.fn.sum<number | string | null>('f.row_count').as('rows'),
      ])
      .where('sf.snapshot_id', '=', snapshotId);
    if (remove.length > 0) query = query.where('f.key', 'not in', remove);
    const row = await query.executeTakeFirstOrThrow();
    return { files: Number(row.files), rows: Number(row.rows ?? 0) };
  }

  async #loadSnapshot(db: Kysely<CatalogDatabase>, id: string): Promise<Snapshot> {
    const row = await db.selectFrom('catalog_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new StoreError('SNAPSHOT_NOT_FOUND', `no snapshot ${id} in the catalog`);
    const files = await db
      .selectFrom('catalog_snapshot_files as sf')
      .innerJoin('catalog_files as f', 'f.key', 'sf.file_key')
      .select([
        'f.key',
        'f.table_name',
        'f.content_hash',
        'f.row_count',
        'f.byte_count',
        'f.date_min',
        'f.date_max',
      ])
      .where('sf.snapshot_id', '=', id)
      .orderBy('f.key')
      .execute();
    return toSnapshot(
      row,
      files.map((f) =>
        Object.freeze({
          key: f.key,
          table: f.table_name,
          contentHash: f.content_hash,
          rows: Number(f.row_count),
          bytes: Number(f.byte_count),
          dateMin: f.date_min ?? undefined,
          dateMax: f.date_max ?? undefined,
        }),
      ),
    );
  }

  /**
   * The table's current snapshot with its files, or undefined for a table nothing was committed to.
   * Snapshots never change once committed, so reading the pointer and then the file list needs no
   * transaction (and takes no write lock on SQLite).
   */
  async currentSnapshot(table: string): Promise<Snapshot | undefined> {
    const row = await this.#db
      .selectFrom('catalog_tables')
      .select('current_snapshot_id')
      .where('name', '=', table)
      .executeTakeFirst();
    if (!row?.current_snapshot_id) return undefined;
    return this.#loadSnapshot(this.#db, row.current_snapshot_id);
  }

  /** A snapshot by id (current or older); throws SNAPSHOT_NOT_FOUND. */
  async snapshot(id: string): Promise<Snapshot> {
    return this.#loadSnapshot(this.#db, id);
  }

  /** A table's snapshots, newest first, without their file lists. */
  async history(table: string, limit = 100): Promise<Omit<Snapshot, 'files'>[]> {
    const rows = await this.#db
      .selectFrom('catalog_snapshots')
      .selectAll()
      .where('table_name', '=', table)
      .orderBy('sequence', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const { files: _files, ...rest } = toSnapshot(row, []);
      return Object.freeze(rest);
    });
  }

  async tables(): Promise<CatalogTable[]> {
    const rows = await this.#db.selectFrom('catalog_tables').selectAll().orderBy('name').execute();
    return rows.map((r) =>
      Object.freeze({
        name: r.name,
        currentSnapshotId: r.current_snapshot_id ?? undefined,
        updatedAt: Number(r.updated_at),
      }),
    );
  }

  /** Where an incremental source's last landed batch ended, or undefined before its first. */
  async watermark(sourceId: string): Promise<string | undefined> {
    return (await this.sourceWatermark(sourceId))?.value;
  }

  /** The watermark with the source's row count at or before it when it was read. */
  async sourceWatermark(sourceId: string): Promise<SourceWatermark | undefined> {
    const row = await this.#db
      .selectFrom('catalog_source_watermarks')
      .select(['watermark', 'rows_through'])
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      value: row.watermark,
      rowsThrough: row.rows_through === null ? null : Number(row.rows_through),
    };
  }

  async findIngestion(contentHash: string): Promise<IngestionRecord | undefined> {
    const row = await this.#db
      .selectFrom('catalog_ingestions')
      .selectAll()
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    return row ? toIngestion(row) : undefined;
  }

  /** Every recorded batch, oldest first. */
  async listIngestions(): Promise<IngestionRecord[]> {
    const rows = await this.#db
      .selectFrom('catalog_ingestions')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toIngestion);
  }

  /**
   * Records a batch that validation rejected (with its report), so `sodai data batches` shows it. A
   * batch whose content already landed stays landed: the existing record is returned unchanged.
   */
  async recordRejection(claim: IngestionClaim & { readonly message: string }): Promise<IngestionRecord> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('catalog_ingestions')
          .selectAll()
          .where('content_hash', '=', claim.contentHash)
          .executeTakeFirst();
        if (existing?.status === 'landed') return toIngestion(existing);
        if (existing) await trx.deleteFrom('catalog_ingestions').where('id', '=', existing.id).execute();
        const row = {
          id: randomUUID(),
          content_hash: claim.contentHash,
          source_name: claim.sourceName,
          date_min: claim.dateMin ?? null,
          date_max: claim.dateMax ?? null,
          status: 'rejected' satisfies IngestionStatus,
          report_key: claim.reportKey ?? null,
          message: claim.message,
          commit_id: null,
          created_at: this.#now(),
        } satisfies Insertable<CatalogIngestionsRow>;
        await trx.insertInto('catalog_ingestions').values(row).execute();
        return toIngestion(row);
      });
    } catch (error) {
      throw mapCatalogError(error);
    }
  }

  /**
   * Every object key a committed snapshot or an ingestion record points at. A record names its
   * report's JSON; the HTML beside it goes with it.
   */
  async referencedKeys(): Promise<Set<string>> {
    const files = await this.#db.selectFrom('catalog_snapshot_files').select('file_key').distinct().execute();
    const reports = await this.#db
      .selectFrom('catalog_ingestions')
      .select('report_key')
      .where('report_key', 'is not', null)
      .execute();
    const reportKeys = reports.map((r) => r.report_key as string);
    return new Set([
      ...files.map((r) => r.file_key),
      ...reportKeys,
      ...reportKeys.filter((k) => k.endsWith('.json')).map((k) => k.replace(/\.json$/, '.html')),
    ]);
  }

  /** Files of `table`'s current snapshot committed before `before` (epoch ms), oldest first. */
  async currentFilesBefore(
    table: string,
    before: number,
  ): Promise<(CatalogFile & { readonly committedAt: number })[]> {
    const current = await this.currentSnapshot(table);
    if (!current) return [];
    const old = await this.#db
      .selectFrom('catalog_snapshot_files as sf')
      .innerJoin('catalog_files as f', 'f.key', 'sf.file_key')
      .select(['f.key', 'f.created_at'])
      .where('sf.snapshot_id', '=', current.id)
      .where('f.created_at', '<', before)
      .execute();
    const committedAt = new Map(old.map((r) => [r.key, Number(r.created_at)]));
    return current.files
      .filter((f) => committedAt.has(f.key))
      .map((f) => Object.freeze({ ...f, committedAt: committedAt.get(f.key) as number }))
      .sort((a, b) => a.committedAt - b.committedAt || a.key.localeCompare(b.key));
  }

  /** See {@link expireSnapshots}: forgets `table`'s non-current snapshots older than `before`. */
  expireSnapshots(table: string, before: number): Promise<ReleasedFile[]> {
    return expireSnapshots(this.#db, this.dialect, table, before);
  }

  /** What `expireSnapshots(table, before)` would release now (for `sodai gc --dry-run`). */
  releasableFiles(table: string, before: number): Promise<ReleasedFile[]> {
    return releasableFiles(this.#db, table, before);
  }

  /**
   * Model versions a committed snapshot names in its summary (`modelVersion`: the version a
   * prediction run scored with). Retention never deletes those: realized performance and lineage
   * read them back.
   */
  async referencedModelVersions(): Promise<Set<number>> {
    const rows = await this.#db
      .selectFrom('catalog_snapshots')
      .select('summary')
      .where('summary', 'like', '%"modelVersion"%')
      .execute();
    const versions = new Set<number>();
    for (const row of rows) {
      const version = (JSON.parse(row.summary) as { modelVersion?: unknown }).modelVersion;
      if (typeof version === 'number') versions.add(version);
    }
    return versions;
  }

  /**
   * Objects under the catalog's prefixes that no committed snapshot references: files of a change that
   * crashed or lost its commit (for `sodai gc --dry-run`; retention deletes them). The object listing
   * is taken before the catalog is read, so a file committed in between is never reported.
   */
  async listOrphans(store: ObjectStore, options: OrphanOptions = {}): Promise<ObjectInfo[]> {
    const cutoff = this.#now() - (options.minAgeMs ?? 0);
    const listed: ObjectInfo[] = [];
    for (const prefix of options.prefixes ?? ['tables/']) listed.push(...(await store.list(prefix)));
    const referenced = await this.referencedKeys();
    return listed.filter((o) => !referenced.has(o.key) && o.lastModified.getTime() <= cutoff);
  }

  async close(): Promise<void> {
    await this.#db.destroy();
    await this.#onClose?.();
  }
}
