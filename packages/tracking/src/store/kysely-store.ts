import type { Kysely } from 'kysely';
import { KyselyRegistryStore } from '../registry/kysely-registry.ts';
import type {
  AliasHistoryEntry,
  AliasMoveOptions,
  CreateModelVersionInput,
  ModelAlias,
  ModelVersion,
  RegisteredModel,
} from '../registry/records.ts';
import type { DeletedRuns } from '../runs/delete-run-tree.ts';
import { KyselyRunStore } from '../runs/kysely-run-store.ts';
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
import type { Database } from './schema.ts';
import type { SqlDialectName, StoreContext } from './store-context.ts';
import type { CreateRunInput, ReapOptions, TrackingStore } from './tracking-store.ts';

export type { SqlDialectName } from './store-context.ts';

export interface KyselyStoreOptions {
  readonly dialect: SqlDialectName;
  readonly now?: () => number;
  /** Called by close() after the Kysely instance is destroyed (e.g. drop a test schema). */
  readonly onClose?: () => Promise<void>;
}

/**
 * The {@link TrackingStore} over Kysely, for SQLite and Postgres alike: one connection and clock
 * shared by a runs part ({@link KyselyRunStore}) and a registry part ({@link KyselyRegistryStore}).
 * Open it through `openSqliteStore` or `openPostgresStore` (`@sodai/tracking/postgres`), which apply
 * migrations.
 *
 * @example
 * import { openSqliteStore } from '@sodai/tracking';
 * const store = await openSqliteStore(':memory:');
 * const exp = await store.ensureExperiment('weekly');
 * const run = await store.createRun({ experimentId: exp.id, host: 'local', pid: process.pid });
 * await store.logMetrics(run.id, [{ key: 'auc', value: 0.9, step: 1, timestamp: Date.now() }]);
 * await store.endRun(run.id, 'FINISHED');
 * await store.close();
 */
export class KyselyTrackingStore implements TrackingStore {
  readonly dialect: SqlDialectName;
  readonly #ctx: StoreContext;
  readonly #runs: KyselyRunStore;
  readonly #registry: KyselyRegistryStore;
  readonly #onClose: (() => Promise<void>) | undefined;

  constructor(db: Kysely<Database>, options: KyselyStoreOptions) {
    this.dialect = options.dialect;
    this.#ctx = Object.freeze({ db, dialect: options.dialect, now: options.now ?? Date.now });
    this.#runs = new KyselyRunStore(this.#ctx);
    this.#registry = new KyselyRegistryStore(this.#ctx);
    this.#onClose = options.onClose;
  }

  /** The underlying Kysely instance, for ad-hoc reporting queries. */
  get db(): Kysely<Database> {
    return this.#ctx.db;
  }

  // ---------------------------------------------------------------- experiments and runs

  createExperiment(name: string, description?: string): Promise<Experiment> {
    return this.#runs.createExperiment(name, description);
  }
  ensureExperiment(name: string): Promise<Experiment> {
    return this.#runs.ensureExperiment(name);
  }
  getExperiment(id: string): Promise<Experiment> {
    return this.#runs.getExperiment(id);
  }
  findExperimentByName(name: string): Promise<Experiment | undefined> {
    return this.#runs.findExperimentByName(name);
  }
  listExperiments(): Promise<Experiment[]> {
    return this.#runs.listExperiments();
  }
  createRun(input: CreateRunInput): Promise<Run> {
    return this.#runs.createRun(input);
  }
  getRun(id: string): Promise<Run> {
    return this.#runs.getRun(id);
  }
  endRun(id: string, status: TerminalRunStatus): Promise<Run> {
    return this.#runs.endRun(id, status);
  }
  heartbeat(id: string): Promise<boolean> {
    return this.#runs.heartbeat(id);
  }
  reapDeadRuns(options: ReapOptions): Promise<Run[]> {
    return this.#runs.reapDeadRuns(options);
  }
  searchRuns(search: RunSearch): Promise<Run[]> {
    return this.#runs.searchRuns(search);
  }
  getRunDetails(id: string): Promise<RunDetails> {
    return this.#runs.getRunDetails(id);
  }
  deleteRun(id: string): Promise<DeletedRuns> {
    return this.#runs.deleteRun(id);
  }
  logParams(runId: string, params: readonly Param[]): Promise<void> {
    return this.#runs.logParams(runId, params);
  }
  setTags(runId: string, tags: readonly Tag[]): Promise<void> {
    return this.#runs.setTags(runId, tags);
  }
  logMetrics(runId: string, points: readonly MetricPoint[]): Promise<void> {
    return this.#runs.logMetrics(runId, points);
  }
  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    return this.#runs.getMetricHistory(runId, key);
  }
  recordArtifact(record: Omit<ArtifactRecord, 'createdAt'>): Promise<ArtifactRecord> {
    return this.#runs.recordArtifact(record);
  }
  getArtifact(runId: string, path: string): Promise<ArtifactRecord> {
    return this.#runs.getArtifact(runId, path);
  }
  listArtifacts(runId: string): Promise<ArtifactRecord[]> {
    return this.#runs.listArtifacts(runId);
  }
  logInputs(runId: string, inputs: readonly Omit<DatasetInput, 'runId'>[]): Promise<void> {
    return this.#runs.logInputs(runId, inputs);
  }
  findRunsByInputDigest(digest: string): Promise<DatasetInput[]> {
    return this.#runs.findRunsByInputDigest(digest);
  }

  // ---------------------------------------------------------------- registry

  createRegisteredModel(name: string, description?: string): Promise<RegisteredModel> {
    return this.#registry.createRegisteredModel(name, description);
  }
  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return this.#registry.getRegisteredModel(name);
  }
  listRegisteredModels(): Promise<RegisteredModel[]> {
    return this.#registry.listRegisteredModels();
  }
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    return this.#registry.createModelVersion(input);
  }
  getModelVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#registry.getModelVersion(name, version);
  }
  listModelVersions(name: string): Promise<ModelVersion[]> {
    return this.#registry.listModelVersions(name);
  }
  setAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<AliasHistoryEntry> {
    return this.#registry.setAlias(name, alias, version, options);
  }
  rollbackAlias(
    name: string,
    alias: string,
    options: AliasMoveOptions & { readonly toVersion?: number },
  ): Promise<AliasHistoryEntry> {
    return this.#registry.rollbackAlias(name, alias, options);
  }
  archiveVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#registry.archiveVersion(name, version);
  }
  deleteModelVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#registry.deleteModelVersion(name, version);
  }
  getAlias(name: string, alias: string): Promise<ModelAlias> {
    return this.#registry.getAlias(name, alias);
  }
  listAliases(name: string): Promise<ModelAlias[]> {
    return this.#registry.listAliases(name);
  }
  getAliasHistory(name: string, alias: string): Promise<AliasHistoryEntry[]> {
    return this.#registry.getAliasHistory(name, alias);
  }

  async close(): Promise<void> {
    await this.#ctx.db.destroy();
    await this.#onClose?.();
  }
}
