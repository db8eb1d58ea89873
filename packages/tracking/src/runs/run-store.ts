import type { DeletedRuns } from './delete-run-tree.ts';
import type { RunSearch } from './run-filter.ts';
import type { TerminalRunStatus } from './run-status.ts';
import type {
  ArtifactRecord,
  DatasetInput,
  Experiment,
  MetricPoint,
  Param,
  Run,
  RunDetails,
  Tag,
} from '../store/records.ts';

export interface CreateRunInput {
  readonly experimentId: string;
  readonly name?: string;
  readonly parentRunId?: string | null;
  readonly host: string;
  readonly pid: number;
}

export interface ReapOptions {
  /** This machine's host name: only pids on it can be checked. */
  readonly host: string;
  /** Whether `pid` on this host is alive (e.g. `process.kill(pid, 0)`). */
  readonly isAlive: (pid: number) => boolean;
  /** RUNNING runs whose heartbeat is older than this many ms are dead wherever they ran. */
  readonly staleAfterMs: number;
}

/**
 * The experiments-and-runs half of a `TrackingStore` (`store/tracking-store.ts`), whose atomicity and concurrency rules hold here.
 */
export interface RunStore {
  // -- experiments
  /** Creates an experiment; EXPERIMENT_ALREADY_EXISTS if the name is taken. */
  createExperiment(name: string, description?: string): Promise<Experiment>;
  /** Returns the experiment named `name`, creating it if needed (safe under concurrency). */
  ensureExperiment(name: string): Promise<Experiment>;
  getExperiment(id: string): Promise<Experiment>;
  findExperimentByName(name: string): Promise<Experiment | undefined>;
  listExperiments(): Promise<Experiment[]>;

  // -- runs
  /** Creates a RUNNING run with a fresh heartbeat. */
  createRun(input: CreateRunInput): Promise<Run>;
  getRun(id: string): Promise<Run>;
  /** RUNNING → `status`. RUN_NOT_ACTIVE if the run already ended (e.g. it was reaped). */
  endRun(id: string, status: TerminalRunStatus): Promise<Run>;
  /** Refreshes the heartbeat of a RUNNING run; returns false if the run is no longer RUNNING. */
  heartbeat(id: string): Promise<boolean>;
  /** Marks KILLED every RUNNING run whose process is gone (see {@link ReapOptions}); returns them. */
  reapDeadRuns(options: ReapOptions): Promise<Run[]>;
  searchRuns(search: RunSearch): Promise<Run[]>;
  getRunDetails(id: string): Promise<RunDetails>;
  /**
   * Deletes a finished run, every run nested under it and all their data, in one transaction; returns
   * the artifact records so the caller can delete the bytes. RUN_IN_USE while a run of the tree is
   * RUNNING or a model version was made from one (delete the version first).
   */
  deleteRun(id: string): Promise<DeletedRuns>;

  // -- run data (all require the run to be RUNNING: RUN_NOT_ACTIVE otherwise)
  /** Params are immutable: re-logging the same value is a no-op, a different one PARAM_ALREADY_LOGGED. */
  logParams(runId: string, params: readonly Param[]): Promise<void>;
  /** Upserts tags (tags may change, unlike params). */
  setTags(runId: string, tags: readonly Tag[]): Promise<void>;
  /** Appends a batch of points in one transaction and keeps the latest value per key current. */
  logMetrics(runId: string, points: readonly MetricPoint[]): Promise<void>;
  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]>;
  /** Records (or replaces) the metadata of an artifact whose bytes are already stored. */
  recordArtifact(record: Omit<ArtifactRecord, 'createdAt'>): Promise<ArtifactRecord>;
  getArtifact(runId: string, path: string): Promise<ArtifactRecord>;
  listArtifacts(runId: string): Promise<ArtifactRecord[]>;
  logInputs(runId: string, inputs: readonly Omit<DatasetInput, 'runId'>[]): Promise<void>;
  /** Runs that consumed data with this digest (lineage in the other direction). */
  findRunsByInputDigest(digest: string): Promise<DatasetInput[]>;
}
