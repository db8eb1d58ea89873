import { extname } from 'node:path';
import type { ArtifactStore } from '../artifacts/artifact-store.ts';
import { requireArgument } from '../errors.ts';
import type { ArtifactRecord, DatasetInput, MetricPoint, Run } from '../store/records.ts';
import type { TrackingStore } from '../store/tracking-store.ts';
import type { TerminalRunStatus } from './run-status.ts';

export interface ActiveRunOptions {
  /** Buffered metric points that trigger a write (default 1000). */
  readonly metricBatchSize?: number;
  /** Buffered points are written at least this often (default 2 s). */
  readonly flushIntervalMs?: number;
  /** How often the run proves it is alive (default 10 s). */
  readonly heartbeatIntervalMs?: number;
  readonly now?: () => number;
  /** Called once the run has ended (the client uses it to forget the handle). */
  readonly onEnded?: (run: ActiveRun) => void;
}

export type ParamValue = string | number | boolean;

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.parquet': 'application/vnd.apache.parquet',
  '.ubj': 'application/ubjson',
};

/** The artifact store prefix every run's artifacts live under. */
export const RUNS_PREFIX = 'runs/';

/** Where a run's artifact lives in the artifact store. */
export function artifactKey(runId: string, path: string): string {
  return `${RUNS_PREFIX}${runId}/${path}`;
}

/**
 * A run this process owns. Metrics are buffered and written in batches (by size, by time, and on
 * `flush`/`end`), so logging inside a training loop costs no round trip; a heartbeat keeps the run from
 * being reaped as dead. Writes happen in order: a later flush never overtakes an earlier one.
 *
 * @example
 * const run = await client.startRun({ experiment: 'weekly', name: 'xgb' });
 * await run.logParams({ max_depth: 6, eta: 0.1 });
 * for (let step = 0; step < 100; step++) run.logMetrics({ loss: 1 / (step + 1) }, step);
 * await run.logJson('metrics.json', { auc: 0.91 });
 * await run.end('FINISHED');
 */
export class ActiveRun {
  readonly id: string;
  readonly #store: TrackingStore;
  readonly #artifacts: ArtifactStore;
  readonly #batchSize: number;
  readonly #now: () => number;
  #buffer: MetricPoint[] = [];
  #writes: Promise<void> = Promise.resolve();
  #failure: unknown = undefined;
  #ended = false;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #onEnded: ((run: ActiveRun) => void) | undefined;

  constructor(run: Run, store: TrackingStore, artifacts: ArtifactStore, options: ActiveRunOptions = {}) {
    this.id = run.id;
    this.#store = store;
    this.#artifacts = artifacts;
    this.#batchSize = options.metricBatchSize ?? 1000;
    this.#now = options.now ?? Date.now;
    this.#onEnded = options.onEnded;
    const flushEvery = options.flushIntervalMs ?? 2000;
    const beatEvery = options.heartbeatIntervalMs ?? 10_000;
    // unref: an open run must not keep the process alive; the reaper handles runs never ended.
    this.#timers.push(setInterval(() => void this.flush().catch(() => undefined), flushEvery).unref());
    this.#timers.push(
      setInterval(() => void this.#store.heartbeat(this.id).catch(() => undefined), beatEvery).unref(),
    );
  }

  /** The stored run record (fetched fresh). */
  info(): Promise<Run> {
    return this.#store.getRun(this.id);
  }

  /** Logs params (converted to strings). Params are immutable: a different value later is an error. */
  async logParams(params: Readonly<Record<string, ParamValue>>): Promise<void> {
    this.#checkOpen();
    await this.#store.logParams(
      this.id,
      Object.entries(params).map(([key, value]) => ({ key, value: String(value) })),
    );
  }

  async setTags(tags: Readonly<Record<string, string>>): Promise<void> {
    this.#checkOpen();
    await this.#store.setTags(
      this.id,
      Object.entries(tags).map(([key, value]) => ({ key, value })),
    );
  }

  /**
   * Buffers one point per entry at `step` (default 0). Returns the pending write when the buffer
   * filled up, so a caller may await back-pressure; ignoring it is fine (`end` waits for it).
   */
  logMetrics(values: Readonly<Record<string, number>>, step = 0, timestamp = this.#now()): Promise<void> {
    this.#checkOpen();
    for (const [key, value] of Object.entries(values)) this.#buffer.push({ key, value, step, timestamp });
    return this.#buffer.length >= this.#batchSize ? this.flush() : Promise.resolve();
  }

  logMetric(key: string, value: number, step = 0, timestamp = this.#now()): Promise<void> {
    return this.logMetrics({ [key]: value }, step, timestamp);
  }

  /** Writes buffered metrics now. Rejects with the first write failure, which `end` also reports. */
  flush(): Promise<void> {
    const batch = this.#buffer;
    this.#buffer = [];
    if (batch.length > 0) {
      this.#writes = this.#writes.then(async () => {
        if (this.#failure !== undefined) return;
        try {
          await this.#store.logMetrics(this.id, batch);
        } catch (e) {
          this.#failure = e;
        }
      });
    }
    return this.#writes.then(() => {
      if (this.#failure !== undefined) throw this.#failure;
    });
  }

  /** Stores bytes or text as an artifact at `path` (relative, `/`-separated). */
  async logArtifact(path: string, data: Uint8Array | string, contentType?: string): Promise<ArtifactRecord> {
    this.#checkOpen();
    checkArtifactPath(path);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const stored = await this.#artifacts.put(artifactKey(this.id, path), bytes);
    return this.#store.recordArtifact({
      runId: this.id,
      path,
      ...stored,
      contentType: contentType ?? guessType(path),
    });
  }

  /** Copies a local file (e.g. a saved model) in as an artifact, streaming. */
  async logArtifactFile(path: string, localPath: string, contentType?: string): Promise<ArtifactRecord> {
    this.#checkOpen();
    checkArtifactPath(path);
    const stored = await this.#artifacts.putFile(artifactKey(this.id, path), localPath);
    return this.#store.recordArtifact({
      runId: this.id,
      path,
      ...stored,
      contentType: contentType ?? guessType(path),
    });
  }

  async logJson(path: string, value: unknown): Promise<ArtifactRecord> {
    return this.logArtifact(path, JSON.stringify(value, null, 2), 'application/json');
  }

  /** Stores an encoded image (PNG, JPEG or SVG bytes); the type comes from the extension. */
  async logImage(path: string, encoded: Uint8Array): Promise<ArtifactRecord> {
    const type = guessType(path);
    requireArgument(type.startsWith('image/'), 'path', 'an image path ends in .png, .jpg, .jpeg or .svg');
    return this.logArtifact(path, encoded, type);
  }

  /** Records a dataset this run consumed (for lineage). */
  async logInput(input: {
    name: string;
    digest: string;
    schema?: unknown;
    rowCount?: number | null;
    context?: string;
  }): Promise<void> {
    this.#checkOpen();
    const record: Omit<DatasetInput, 'runId'> = {
      name: input.name,
      digest: input.digest,
      schema: input.schema ?? null,
      rowCount: input.rowCount ?? null,
      context: input.context ?? 'train',
    };
    await this.#store.logInputs(this.id, [record]);
  }

  /** Flushes, stops the heartbeat and ends the run (default FINISHED). */
  async end(status: TerminalRunStatus = 'FINISHED'): Promise<Run> {
    this.#checkOpen();
    let failure: unknown;
    try {
      await this.flush();
    } catch (e) {
      failure = e;
    }
    this.#ended = true;
    for (const t of this.#timers) clearInterval(t);
    this.#onEnded?.(this);
    const run = await this.#store.endRun(this.id, failure === undefined ? status : 'FAILED');
    if (failure !== undefined) throw failure;
    return run;
  }

  get ended(): boolean {
    return this.#ended;
  }

  #checkOpen(): void {
    requireArgument(!this.#ended, 'run', `run ${this.id} has ended`);
  }
}

function checkArtifactPath(path: string): void {
  requireArgument(
    typeof path === 'string' &&
      path !== '' &&
      !path.startsWith('/') &&
      !path.includes('\\') &&
      path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'),
    'path',
    'must be a relative path without empty, "." or ".." segments',
  );
}

function guessType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
