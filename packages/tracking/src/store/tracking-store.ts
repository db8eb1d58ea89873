import type {
  AliasHistoryEntry,
  AliasMoveOptions,
  CreateModelVersionInput,
  ModelAlias,
  ModelVersion,
  RegisteredModel,
} from '../registry/records.ts';
import type { RunSearch } from '../runs/run-filter.ts';
import type { TerminalRunStatus } from '../runs/run-status.ts';
import type {
  ArtifactRecord,
  DatasetInput,
  Experiment,
  MetricPoint,
  Param,
  Run,
  RunDetails,
  Tag,
} from './records.ts';

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
 * Where tracking and registry metadata live. One implementation ({@link KyselyTrackingStore}) serves
 * SQLite and Postgres; the conformance suite in `test/` holds any other to the same contract.
 *
 * Atomicity and concurrency rules every implementation keeps:
 * - Every method is atomic: it applies entirely or not at all, and a failure leaves no partial rows
 *   (a metrics batch lands whole; a version never exists without its number being unique).
 * - Several processes may call any method at the same time on one database (for SQLite: one file in
 *   WAL mode; write transactions take the write lock up front so they queue instead of failing).
 * - Registry transitions on one model are serialized (the model row is the lock): version numbers are
 *   dense and increasing, and the alias history of each alias is a chain: entries ordered by `seq`,
 *   each entry's `endedAt` equals the next one's `startedAt`, exactly one entry open, and it names the
 *   version the alias points to.
 * - Records returned are frozen snapshots.
 * - Missing ids throw `TrackingError` with RUN_NOT_FOUND, MODEL_NOT_FOUND, … ; bad arguments
 *   INVALID_ARGUMENT naming the field.
 */
export interface TrackingStore {
  /** `'sqlite'` or `'postgres'`, for messages and benchmarks. */
  readonly dialect: string;

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

  // -- registry
  /** Creates the model if absent; returns it either way. */
  createRegisteredModel(name: string, description?: string): Promise<RegisteredModel>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  listRegisteredModels(): Promise<RegisteredModel[]>;
  /**
   * One transaction: creates the model if needed, checks the run (RUNNING or FINISHED, never FAILED or
   * KILLED) and its artifact exist, assigns the next version number, snapshots the run's latest metrics
   * unless given.
   */
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion>;
  getModelVersion(name: string, version: number): Promise<ModelVersion>;
  listModelVersions(name: string): Promise<ModelVersion[]>;
  /**
   * One transaction: points `alias` at `version` (READY only), closes the open history entry at the
   * instant the new one starts. Setting the version the alias already holds changes nothing and
   * returns the open entry.
   */
  setAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<AliasHistoryEntry>;
  /**
   * One transaction: moves `alias` back to `toVersion`, or by default to the most recent earlier holder
   * that differs from the current one and is still READY (NOTHING_TO_ROLL_BACK if none). `reason` is required.
   */
  rollbackAlias(
    name: string,
    alias: string,
    options: AliasMoveOptions & { readonly toVersion?: number },
  ): Promise<AliasHistoryEntry>;
  /** READY → ARCHIVED; VERSION_IN_USE while an alias points at it. */
  archiveVersion(name: string, version: number): Promise<ModelVersion>;
  getAlias(name: string, alias: string): Promise<ModelAlias>;
  listAliases(name: string): Promise<ModelAlias[]>;
  /** Oldest first. */
  getAliasHistory(name: string, alias: string): Promise<AliasHistoryEntry[]>;

  close(): Promise<void>;
}
