import { hostname } from 'node:os';
import type { ArtifactStore } from './artifacts/artifact-store.ts';
import { LocalArtifactStore } from './artifacts/local-artifact-store.ts';
import {
  deleteUnreferencedArtifact,
  findUnreferencedArtifacts,
  type UnreferencedArtifact,
} from './artifacts/unreferenced-artifacts.ts';
import { TrackingError } from './errors.ts';
import { ModelRegistry } from './registry/model-registry.ts';
import { ActiveRun, artifactKey, type ActiveRunOptions, type ParamValue } from './runs/active-run.ts';
import type { RunSearch } from './runs/run-filter.ts';
import type { DeletedRuns } from './runs/delete-run-tree.ts';
import type { TerminalRunStatus } from './runs/run-status.ts';
import { isProcessAlive } from './runs/process-liveness.ts';
import type { Experiment, MetricPoint, Run, RunDetails } from './store/records.ts';
import type { TrackingStore } from './store/tracking-store.ts';

export interface TrackingClientOptions extends Omit<ActiveRunOptions, 'onEnded'> {
  readonly store: TrackingStore;
  /** Default: a {@link LocalArtifactStore} under `.sodai/artifacts`. */
  readonly artifacts?: ArtifactStore;
  /** A RUNNING run whose heartbeat is older than this is reaped on open (default 30 min). */
  readonly staleRunAfterMs?: number;
  /** Skip reaping dead runs on open (default false). */
  readonly skipReap?: boolean;
}

export interface StartRunOptions {
  /** Experiment name (created if missing) or `{ id }` of an existing one. */
  readonly experiment: string | { readonly id: string };
  readonly name?: string;
  /** Nest this run under another (a tuning trial under its training run). */
  readonly parentRunId?: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The typed entry point: experiments, runs, metrics, artifacts and the model registry over one
 * {@link TrackingStore} and one {@link ArtifactStore}. Opening it reaps runs whose process died.
 *
 * @example
 * import { TrackingClient, openSqliteStore } from '@sodai/tracking';
 * const client = await TrackingClient.open({ store: await openSqliteStore('.sodai/tracking.db') });
 * const run = await client.startRun({ experiment: 'weekly', params: { eta: 0.1 } });
 * run.logMetrics({ auc: 0.9 }, 1);
 * await run.end();
 * const top = await client.searchRuns({ orderBy: [{ field: { kind: 'metric', key: 'auc' }, direction: 'desc' }], limit: 10 });
 * await client.close();
 */
export class TrackingClient {
  readonly store: TrackingStore;
  readonly artifacts: ArtifactStore;
  readonly registry: ModelRegistry;
  /** Runs reaped (marked KILLED) when this client opened. */
  readonly reaped: readonly Run[];
  readonly #runOptions: ActiveRunOptions;
  readonly #active = new Set<ActiveRun>();

  private constructor(options: TrackingClientOptions, artifacts: ArtifactStore, reaped: readonly Run[]) {
    this.store = options.store;
    this.artifacts = artifacts;
    this.registry = new ModelRegistry(this.store, artifacts);
    this.reaped = reaped;
    this.#runOptions = options;
  }

  static async open(options: TrackingClientOptions): Promise<TrackingClient> {
    const artifacts = options.artifacts ?? new LocalArtifactStore('.sodai/artifacts');
    const reaped = options.skipReap
      ? []
      : await options.store.reapDeadRuns({
          host: hostname(),
          isAlive: isProcessAlive,
          staleAfterMs: options.staleRunAfterMs ?? 30 * 60_000,
        });
    return new TrackingClient(options, artifacts, Object.freeze(reaped));
  }

  // ------------------------------------------------------------ experiments

  createExperiment(name: string, description?: string): Promise<Experiment> {
    return this.store.createExperiment(name, description);
  }
  getExperiment(id: string): Promise<Experiment> {
    return this.store.getExperiment(id);
  }
  async getExperimentByName(name: string): Promise<Experiment> {
    const e = await this.store.findExperimentByName(name);
    if (!e) throw new TrackingError('EXPERIMENT_NOT_FOUND', `no experiment named ${name}`, { name });
    return e;
  }
  listExperiments(): Promise<Experiment[]> {
    return this.store.listExperiments();
  }

  // ------------------------------------------------------------ runs

  /** Creates a RUNNING run owned by this process and returns its handle. */
  async startRun(options: StartRunOptions): Promise<ActiveRun> {
    const experimentId =
      typeof options.experiment === 'string'
        ? (await this.store.ensureExperiment(options.experiment)).id
        : options.experiment.id;
    const run = await this.store.createRun({
      experimentId,
      ...(options.name !== undefined ? { name: options.name } : {}),
      parentRunId: options.parentRunId ?? null,
      host: hostname(),
      pid: process.pid,
    });
    const active = new ActiveRun(run, this.store, this.artifacts, {
      ...this.#runOptions,
      onEnded: (r) => this.#active.delete(r),
    });
    this.#active.add(active);
    if (options.params) await active.logParams(options.params);
    if (options.tags) await active.setTags(options.tags);
    return active;
  }

  /**
   * Runs `fn` inside a run: FINISHED when it resolves, FAILED (and rethrown) when it throws.
   *
   * @example
   * const auc = await client.withRun({ experiment: 'weekly' }, async (run) => { run.logMetric('auc', 0.9); return 0.9; });
   */
  async withRun<T>(options: StartRunOptions, fn: (run: ActiveRun) => Promise<T>): Promise<T> {
    const run = await this.startRun(options);
    let result: T;
    try {
      result = await fn(run);
    } catch (e) {
      if (!run.ended) await run.end('FAILED').catch(() => undefined);
      throw e;
    }
    if (!run.ended) await run.end('FINISHED');
    return result;
  }

  getRun(id: string): Promise<Run> {
    return this.store.getRun(id);
  }
  getRunDetails(id: string): Promise<RunDetails> {
    return this.store.getRunDetails(id);
  }
  searchRuns(search: RunSearch): Promise<Run[]> {
    return this.store.searchRuns(search);
  }
  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    return this.store.getMetricHistory(runId, key);
  }
  /** Details of several runs, in the order given, for side-by-side comparison. */
  compareRuns(ids: readonly string[]): Promise<RunDetails[]> {
    return Promise.all(ids.map((id) => this.store.getRunDetails(id)));
  }
  /** Marks a run this process does not hold a handle for as ended (e.g. from the CLI). */
  endRun(id: string, status: TerminalRunStatus): Promise<Run> {
    return this.store.endRun(id, status);
  }
  /** Reaps again (the client already did on open); returns the runs marked KILLED. */
  reapDeadRuns(staleAfterMs = 30 * 60_000): Promise<Run[]> {
    return this.store.reapDeadRuns({ host: hostname(), isAlive: isProcessAlive, staleAfterMs });
  }

  /** The bytes of a run's artifact, checked to exist in the run's records first. */
  async readArtifact(runId: string, path: string): Promise<Uint8Array> {
    await this.store.getArtifact(runId, path);
    return this.artifacts.get(artifactKey(runId, path));
  }

  /**
   * Deletes a finished run, the runs nested under it and their artifacts (see `RunStore.deleteRun`).
   * The records go first, in one transaction, then the bytes: a crash in between leaves unreferenced
   * bytes, never a record whose artifact is gone.
   */
  async deleteRun(runId: string): Promise<DeletedRuns> {
    const deleted = await this.store.deleteRun(runId);
    for (const a of deleted.artifacts) await this.artifacts.delete(artifactKey(a.runId, a.path));
    return deleted;
  }

  /**
   * Run artifact bytes no record and no model version points at, written before `writtenBefore`
   * (epoch ms; leave a grace period longer than a write takes). See {@link findUnreferencedArtifacts}.
   *
   * @example
   * const stale = await client.unreferencedArtifacts({ writtenBefore: Date.now() - 3_600_000 });
   * for (const a of stale) await client.deleteUnreferencedArtifact(a.key);
   */
  unreferencedArtifacts(options: { readonly writtenBefore: number }): Promise<UnreferencedArtifact[]> {
    return findUnreferencedArtifacts(this, options);
  }

  /** Deletes unreferenced bytes, checking again first (ARTIFACT_IN_USE if something points at them). */
  deleteUnreferencedArtifact(key: string): Promise<void> {
    return deleteUnreferencedArtifact(this, key);
  }

  /**
   * Ends every run still open through this client as KILLED (after flushing), then closes the store.
   * End runs yourself to record FINISHED or FAILED.
   */
  async close(): Promise<void> {
    for (const run of [...this.#active]) await run.end('KILLED').catch(() => undefined);
    await this.store.close();
  }
}
