/** A data file a change adds to a table: already written to the object store. */
export interface NewFile {
  readonly key: string;
  /** `sha256:<hex>` of the file's bytes, as the object store reported it. */
  readonly contentHash: string;
  readonly rows: number;
  readonly bytes: number;
  /** `YYYY-MM-DD` bounds of the table's date column in this file, for overlap checks and pruning. */
  readonly dateMin?: string;
  readonly dateMax?: string;
}

/** A file as the catalog lists it. */
export interface CatalogFile {
  readonly key: string;
  readonly table: string;
  readonly contentHash: string;
  readonly rows: number;
  readonly bytes: number;
  readonly dateMin: string | undefined;
  readonly dateMax: string | undefined;
}

/** One version of a table: its whole file list, never changed once committed. */
export interface Snapshot {
  readonly id: string;
  readonly table: string;
  readonly parentId: string | undefined;
  /** 1 for the table's first snapshot, then parent's + 1. */
  readonly sequence: number;
  readonly commitId: string;
  readonly createdAt: number;
  readonly operation: string;
  readonly summary: Readonly<Record<string, unknown>>;
  readonly files: readonly CatalogFile[];
}

/**
 * How one table changes. `append` keeps the parent's files (less `remove`) and adds `add`; `replace`
 * makes `add` the whole table.
 */
export interface TableChange {
  readonly table: string;
  /**
   * The snapshot id the writer read before preparing the change (`null`: the table had none). When the
   * table has moved since, the commit fails with SNAPSHOT_CONFLICT. Omit it for changes that commute
   * (an append whose checks run inside the commit): the change then applies on whatever is current.
   */
  readonly parent?: string | null;
  readonly mode: 'append' | 'replace';
  readonly add: readonly NewFile[];
  /** Keys of current files to drop (append mode), e.g. files a compaction rewrote. */
  readonly remove?: readonly string[];
  /** Reject the commit (DATE_OVERLAP) when an added file's date range meets one already in the table. */
  readonly rejectDateOverlap?: boolean;
  readonly summary?: Readonly<Record<string, unknown>>;
}

/** The batch a change lands: at most once per content hash, whatever the source. */
export interface IngestionClaim {
  readonly contentHash: string;
  readonly sourceName: string;
  readonly dateMin?: string;
  readonly dateMax?: string;
  /** Object key of the validation report. */
  readonly reportKey?: string;
}

/**
 * An incremental source moving forward: committed with the batch it read, and only when the source
 * is still at `previous` (else WATERMARK_CONFLICT: another process read the same rows first).
 */
export interface WatermarkAdvance {
  readonly sourceId: string;
  /** The watermark the batch was read after (`null`: the source was never read). */
  readonly previous: string | null;
  readonly value: string;
  /** Source rows at or before `value` in the snapshot the batch was read from. */
  readonly rowsThrough?: number;
}

/** Where an incremental source got to, and how many of its rows were at or before that then. */
export interface SourceWatermark {
  readonly value: string;
  /** Null for a watermark moved before row counts were kept. */
  readonly rowsThrough: number | null;
}

/**
 * Everything one logical change (an ingest, a prediction run, a migration) commits at once: every
 * table moves, or none does.
 */
export interface CatalogChange {
  /** What made the change (`ingest`, `predict`, `migrate`…), recorded on each snapshot. */
  readonly operation: string;
  readonly tables: readonly TableChange[];
  readonly ingestion?: IngestionClaim;
  readonly watermark?: WatermarkAdvance;
  /**
   * Ingestion history carried over from elsewhere (a migration): recorded in the same transaction,
   * landed ones under this commit. Content hashes must be distinct and not yet in the catalog.
   */
  readonly importedIngestions?: readonly ImportedIngestion[];
  readonly summary?: Readonly<Record<string, unknown>>;
}

export type IngestionStatus = 'landed' | 'rejected';

/** A batch of another store's history, as `importedIngestions` records it. */
export interface ImportedIngestion extends IngestionClaim {
  readonly status: IngestionStatus;
  readonly message?: string;
  /** When the batch was ingested (epoch ms), kept from the source. */
  readonly createdAt: number;
}

export function isLanded(status: IngestionStatus): boolean {
  return status === 'landed';
}

export interface IngestionRecord {
  readonly id: string;
  readonly contentHash: string;
  readonly sourceName: string;
  readonly dateMin: string | undefined;
  readonly dateMax: string | undefined;
  readonly status: IngestionStatus;
  readonly reportKey: string | undefined;
  /** Why a batch was rejected. */
  readonly message: string | undefined;
  readonly commitId: string | undefined;
  readonly createdAt: number;
}

export interface CommitResult {
  readonly commitId: string;
  /** The new snapshot of each changed table, in the order of `change.tables`. */
  readonly snapshots: readonly Snapshot[];
  readonly ingestion: IngestionRecord | undefined;
}

/** A table and where its current pointer is. */
export interface CatalogTable {
  readonly name: string;
  readonly currentSnapshotId: string | undefined;
  readonly updatedAt: number;
}
