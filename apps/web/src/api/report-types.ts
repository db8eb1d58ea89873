// The JSON reports the server lists under /api/reports/{ingest,drift}, mirrored minimally.

/** One validation check of an ingest report. */
export interface ValidationCheck {
  readonly id: string;
  readonly severity: 'fatal' | 'quarantine' | 'warn' | 'info';
  readonly description: string;
  readonly policy: string;
  readonly count: number;
  readonly examples: readonly {
    readonly row: number;
    readonly detail: string;
    readonly record: Readonly<Record<string, unknown>>;
  }[];
}

/** reports/ingest/<batch>.json */
export interface IngestReport {
  readonly batchId: string;
  readonly table: string;
  readonly file: string;
  readonly outcome: string;
  readonly message: string;
  readonly rows: { readonly read: number; readonly accepted: number; readonly quarantined: number };
  readonly dateRange?: { readonly min: string | null; readonly max: string | null } | null;
  readonly checks: readonly ValidationCheck[];
  /** Why a rejected batch was refused: one entry per problem (older reports may lack it). */
  readonly fatal?: readonly FatalProblem[];
}

/** One reason a batch was refused, as the server's validation names it. */
export interface FatalProblem {
  readonly check: string;
  readonly column?: string;
  /** The server's own sentence (English, with the file's path): a technical detail. */
  readonly message: string;
}

/** Counts on bins [e0, e1], (e1, e2], …; `below`/`above`: values outside the reference's range. */
export interface NumericHistogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly below?: number;
  readonly above?: number;
}
export interface CategoricalHistogram {
  readonly categories: readonly string[];
  readonly counts: readonly number[];
  readonly other: number;
}

/** One column's comparison in a drift report. */
export interface ColumnDrift {
  readonly name: string;
  readonly kind: string;
  readonly method: string;
  readonly statistic: number;
  readonly threshold: number;
  /** Where the threshold came from: learnt from the training history's ordinary weeks, or the default. */
  readonly thresholdSource?: 'override' | 'calibrated' | 'default';
  readonly pValue?: number;
  readonly drifted: boolean;
  readonly referenceCount: number;
  readonly currentCount: number;
  readonly referenceHistogram: NumericHistogram | CategoricalHistogram;
  readonly currentHistogram: NumericHistogram | CategoricalHistogram;
  /** Drifted against the recent reference before the seasonal rule (reports with a seasonal reference). */
  readonly driftedVsReference?: boolean;
  /** The same comparison with the same week a year earlier, when the store reaches that far back. */
  readonly seasonal?: { readonly drifted: boolean; readonly statistic: number; readonly threshold: number };
}

export interface DriftDatasetReport {
  readonly columns: readonly ColumnDrift[];
  readonly driftedColumns: number;
  readonly shareDrifted: number;
  readonly verdict: { readonly drifted: boolean; readonly reason: string };
  /** Whether the same week a year earlier was compared too (a change it also had is not drift). */
  readonly seasonal?: boolean;
}

/** reports/drift/drift-<week>-v<version>.json, written by the weekly DAG's drift task. */
export interface DriftFile {
  readonly week: string;
  readonly championVersion: number;
  readonly drifted: boolean;
  readonly reason: string;
  readonly features: DriftDatasetReport;
  readonly lines: DriftDatasetReport;
}
