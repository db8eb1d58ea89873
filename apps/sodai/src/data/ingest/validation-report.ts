import type { RawTableName } from '../../contract/index.ts';
import type { RowSeverity } from './row-checks.ts';

export type BatchOutcome = 'ingested' | 'rejected' | 'skipped';

/** A problem that rejects the whole batch. */
export interface FatalProblem {
  readonly check:
    'unreadable_file' | 'missing_column' | 'wrong_type' | 'empty_batch' | 'overlap' | 'no_valid_rows';
  readonly column?: string;
  readonly message: string;
}

export interface CheckExample {
  /** 1-based data row in the file (the header is not counted). */
  readonly row: number;
  readonly detail: string;
  readonly record: Record<string, unknown>;
}

export interface CheckResult {
  readonly id: string;
  readonly severity: RowSeverity;
  readonly description: string;
  readonly policy: string;
  readonly count: number;
  readonly examples: readonly CheckExample[];
}

/** A delivered week replaced by a corrected file: recorded in the report and the catalog commit. */
export interface Correction {
  readonly actor: string;
  readonly reason: string;
  /** The batches whose rows in the corrected dates were replaced (empty: nothing was stored there). */
  readonly replacedBatches: readonly string[];
  readonly replacedRows: number;
}

/** Everything one ingestion attempt found and decided; saved as JSON and HTML. */
export interface ValidationReport {
  readonly batchId: string;
  readonly table: RawTableName;
  readonly file: string;
  readonly sha256: string;
  readonly outcome: BatchOutcome;
  readonly message: string;
  readonly asOf: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly rows: { readonly read: number; readonly accepted: number; readonly quarantined: number };
  readonly dateRange: { readonly min: string; readonly max: string } | null;
  readonly fatal: readonly FatalProblem[];
  readonly warnings: readonly string[];
  readonly checks: readonly CheckResult[];
  /** For a correction (`sodai ingest --replace`): who replaced which stored rows, and why. */
  readonly correction?: Correction;
  /** For a skipped file: the batch that already ingested the same content. */
  readonly previousBatchId?: string;
  readonly reportPaths?: { readonly json: string; readonly html: string };
}
