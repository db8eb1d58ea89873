import type { RunStatus } from '../runs/run-status.ts';

// Timestamps are epoch milliseconds everywhere: one unit, no Date objects across the store boundary.

export interface Experiment {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: number;
}

export interface Run {
  readonly id: string;
  readonly experimentId: string;
  readonly name: string;
  readonly status: RunStatus;
  readonly startTime: number;
  readonly endTime: number | null;
  /** The run this one is nested under (e.g. a tuning trial under its training run). */
  readonly parentRunId: string | null;
  /** Where the owning process lives; used to reap runs whose process died. */
  readonly host: string;
  readonly pid: number;
  readonly heartbeatAt: number;
}

export interface MetricPoint {
  readonly key: string;
  readonly value: number;
  readonly step: number;
  readonly timestamp: number;
}

export interface Param {
  readonly key: string;
  readonly value: string;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface ArtifactRecord {
  readonly runId: string;
  /** Path relative to the run's artifact root, `/`-separated. */
  readonly path: string;
  /** `sha256:<hex>` of the stored bytes. */
  readonly digest: string;
  readonly sizeBytes: number;
  readonly contentType: string;
  readonly createdAt: number;
}

/** A dataset a run consumed, for lineage: enough to tell whether two runs saw the same data. */
export interface DatasetInput {
  readonly runId: string;
  readonly name: string;
  /** Content digest of the data (e.g. `sha256:…` of the Parquet file). */
  readonly digest: string;
  /** Column names to types, or any JSON the caller uses to describe the schema. */
  readonly schema: unknown;
  readonly rowCount: number | null;
  /** What the data was used for: `train`, `validation`, `test`… */
  readonly context: string;
}

/** Everything known about one run, as `runs show` prints it. */
export interface RunDetails {
  readonly run: Run;
  readonly params: readonly Param[];
  readonly tags: readonly Tag[];
  /** The latest value of each metric (highest step, then latest timestamp). */
  readonly latestMetrics: readonly MetricPoint[];
  readonly inputs: readonly DatasetInput[];
  readonly artifacts: readonly ArtifactRecord[];
}
