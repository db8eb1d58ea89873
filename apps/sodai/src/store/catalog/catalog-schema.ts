import type { ColumnType } from 'kysely';

/**
 * The catalog's tables as Kysely sees them. Times are epoch milliseconds; `bigint` columns come back
 * as strings from Postgres and numbers from SQLite, so readers convert with `Number()`.
 */
type Millis = ColumnType<number | string, number, number>;
type Count = ColumnType<number | string, number, number>;

export interface CatalogTablesRow {
  name: string;
  current_snapshot_id: string | null;
  updated_at: Millis;
}

export interface CatalogSnapshotsRow {
  id: string;
  table_name: string;
  parent_id: string | null;
  /** 1 for a table's first snapshot, parent's + 1 after: the order of a table's history. */
  sequence: Count;
  /** Shared by the snapshots one `commit()` made across tables. */
  commit_id: string;
  created_at: Millis;
  operation: string;
  /** JSON object. */
  summary: string;
}

export interface CatalogFilesRow {
  key: string;
  table_name: string;
  content_hash: string;
  row_count: Count;
  byte_count: Count;
  /** `YYYY-MM-DD` bounds of the table's date column in this file, when it has one. */
  date_min: string | null;
  date_max: string | null;
  commit_id: string;
  created_at: Millis;
}

export interface CatalogSnapshotFilesRow {
  snapshot_id: string;
  file_key: string;
}

export interface CatalogIngestionsRow {
  id: string;
  /** UNIQUE: the same bytes land at most once. */
  content_hash: string;
  source_name: string;
  date_min: string | null;
  date_max: string | null;
  status: string;
  report_key: string | null;
  message: string | null;
  commit_id: string | null;
  created_at: Millis;
}

export interface CatalogSourceWatermarksRow {
  /** A source's identity without secrets (`postgres://host:5432/db#sales.purchase_date`). */
  source_id: string;
  /** The last value of the watermark column a landed batch read, as Postgres prints it. */
  watermark: string;
  /** Source rows at or before `watermark` when it was read; null before migration 0004. */
  rows_through: Count | null;
  commit_id: string;
  updated_at: Millis;
}

/** One realized metric of one scorer on one week whose purchases are known (`monitor/realized`). */
export interface MonitorRealizedRow {
  week: string;
  /** The version whose stored predictions were scored; 0 for rules. */
  model_version: Count;
  scorer: string;
  metric: string;
  value: number;
  /** Days of the week's 7 the data covered when scored. */
  days_observed: Count;
  scored_at: Millis;
}

/** One expected metric of a week's predictions, computed from their probabilities when predicted. */
export interface MonitorEstimatedRow {
  week: string;
  model_version: Count;
  metric: string;
  value: number;
  estimated_at: Millis;
}

export interface CatalogDatabase {
  catalog_tables: CatalogTablesRow;
  catalog_snapshots: CatalogSnapshotsRow;
  catalog_files: CatalogFilesRow;
  catalog_snapshot_files: CatalogSnapshotFilesRow;
  catalog_ingestions: CatalogIngestionsRow;
  catalog_source_watermarks: CatalogSourceWatermarksRow;
  monitor_realized: MonitorRealizedRow;
  monitor_estimated: MonitorEstimatedRow;
}
