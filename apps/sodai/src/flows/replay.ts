import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { ConfigSchema } from '../config/config-schema.ts';
import { dataPaths } from '../config/load-config.ts';
import { queryRows, readFileSql, sqlString } from '../store/duckdb.ts';
import { batchFilesIn, loadInitialData } from '../data/load-data.ts';
import { rawDataFiles } from '../data/raw-data-files.ts';
import { RawStore } from '../store/raw-store.ts';
import { SodaiError } from '../errors.ts';
import { readDatasetMatrix } from '../features/dataset-matrix.ts';
import { PREDICTION_TABLE } from '../features/prediction-dataset.ts';
import type { FittedBaseline } from '../model/baselines.ts';
import { bootstrapF1Difference, confusionsByCustomer, type BootstrapInterval } from '../model/bootstrap.ts';
import { confusionAt, f1FromConfusion, type Confusion, type F1Result } from '../model/metrics.ts';
import type { ModelSettings } from '../config/config-schema.ts';
import type { PredictionOutcome } from '../jobs/predict.ts';
import { rulesFittedBefore } from '../jobs/score-realized.ts';
import { DatasetCache } from '../features/dataset-cache.ts';
import type { TrainOutcome } from '../jobs/train.ts';
import { createFlowEnv } from './flow-env.ts';
import { startPipelineRuntime } from './pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from './weekly-dag.ts';
import { splitWeeks } from '../data/split-weeks.ts';

export interface ReplayOptions {
  readonly historyDir: string;
  readonly batchesDir: string;
  readonly outDir: string;
  readonly truth: boolean;
  /**
   * Where the real purchases of each week are read (with `truth`): a transactions file holding the
   * replayed period. Default: this batch and the later ones, so a week that spans two short batches
   * is scored on all 7 days.
   */
  readonly truthFile?: string;
  readonly settings: ModelSettings;
  /** DuckDB memory cap of the replay's own store. */
  readonly memoryLimit?: string;
  readonly log?: (line: string) => void;
}

export interface ReplayWeek {
  readonly batch: string;
  readonly cutoff: string;
  readonly modelVersion: number;
  readonly scorer: string;
  readonly retrained: boolean;
  readonly csv: string;
  /** Scores against the batch's real purchases (with --truth). */
  readonly model?: F1Result;
  readonly baselines?: Readonly<Record<string, F1Result>>;
}

export interface ReplayResult {
  readonly weeks: readonly ReplayWeek[];
  /** Pooled F1 difference model − best baseline over all weeks, customer-weeks resampled. */
  readonly bootstrap?: BootstrapInterval & { readonly baseline: string };
}

const WORK_DIR = '.replay-state';

export interface ReplayPeriod {
  /** A folder with clientes/productos/transacciones Parquet files. */
  readonly dataDir: string;
  /** First day replayed (YYYY-MM-DD); the data before it is the history. */
  readonly from: string;
  readonly weeks: number;
  /** Days per batch (7 = weekly deliveries; 5 puts cut-offs on every weekday). */
  readonly batchDays: number;
  /** Where the history and batch files are written. */
  readonly workDir: string;
}

/**
 * Cuts a period of real data into a replay's inputs: the history before `from`, batches of
 * `batchDays` days over `weeks` weeks, and the full transactions file as the truth (so every
 * prediction is scored on the 7 days after its cut-off, whatever the batch length).
 */
export async function prepareReplayPeriod(
  period: ReplayPeriod,
): Promise<Pick<ReplayOptions, 'historyDir' | 'batchesDir' | 'truthFile'>> {
  if (!Number.isInteger(period.batchDays) || period.batchDays < 1 || period.batchDays > 7) {
    throw new SodaiError('INVALID_ARGUMENT', `--batch-days must be 1 … 7, got ${period.batchDays}`);
  }
  const historyDir = path.join(period.workDir, 'history');
  const batchesDir = path.join(period.workDir, 'batches');
  rmSync(period.workDir, { recursive: true, force: true });
  const batches = await splitWeeks({
    input: period.dataDir,
    outDir: batchesDir,
    historyDir,
    from: period.from,
    batchDays: period.batchDays,
    // Whole batches only: a stub at the end would be scored on fewer days than it predicts.
    days: Math.floor((7 * period.weeks) / period.batchDays) * period.batchDays,
  });
  if (batches.length === 0) {
    throw new SodaiError('INVALID_ARGUMENT', `no purchases in the ${period.weeks} weeks from ${period.from}`);
  }
  return { historyDir, batchesDir, truthFile: rawDataFiles(period.dataDir).transactions };
}

/**
 * Production's weekly loop on files, one week at a time: the weekly DAG runs (ingest what landed,
 * drift, the retrain policy, train and gate when it says so, predict the 7 days after the latest
 * data) and its export is copied to `OUT/<batch>.csv`; then batch i lands for the next run. With
 * `truth`, each week's predictions and every rule (fitted on the validation weeks before that week,
 * as realized scoring fits them) are scored against the purchases in that window.
 */
export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const log = options.log ?? (() => {});
  const batches = batchFilesIn(options.batchesDir);
  if (batches.length === 0) throw new SodaiError('FILE_NOT_FOUND', `${options.batchesDir}: no batch files`);
  mkdirSync(options.outDir, { recursive: true });
  const work = path.join(options.outDir, WORK_DIR);
  rmSync(work, { recursive: true, force: true });
  const config = ConfigSchema.parse({
    dataDir: work,
    model: options.settings,
    ...(options.memoryLimit ? { storeMemoryLimit: options.memoryLimit } : {}),
  });
  const paths = dataPaths(config);
  mkdirSync(paths.landingDir, { recursive: true });
  const store = await RawStore.openDir(paths.dataDir, options.memoryLimit);
  const tracking: TrackingClient = await openTracking({ dataDir: work, databaseUrl: '' });
  const env = createFlowEnv({
    config,
    paths,
    store,
    tracking,
    openStore: async () => store,
    openTracking: async () => tracking,
  });
  const runtime = await startPipelineRuntime(env);
  const weeks: ReplayWeek[] = [];
  const pooled = new Map<
    string,
    { model: Map<number, Confusion>; baselines: Map<string, Map<number, Confusion>> }
  >();
  try {
    const initial = await loadInitialData(store, rawDataFiles(options.historyDir), {});
    const rejected = initial.find((r) => r.outcome === 'rejected');
    if (rejected) throw new SodaiError('BATCH_REJECTED', rejected.message);
    for (const [index, batch] of batches.entries()) {
      const name = path.basename(batch).replace(/\.[^.]+$/, '');
      const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: { retrain: 'auto' } });
      const run = await runtime.orchestrator.waitForRun(runId);
      const tasks = await runtime.store.taskInstances(runId);
      const output = <T>(id: string) =>
        tasks.find((t) => t.taskId === id && t.state === 'success')?.output as T | undefined;
      for (const t of tasks.filter((x) => x.state === 'failed'))
        log(`${name}: task ${t.taskId} failed: ${t.error}`);
      const prediction = output<PredictionOutcome>('predict');
      const exported = output<{ file: string }>('export');
      if (run.state !== 'success' || !prediction || !exported)
        throw new SodaiError('STORE_ERROR', `${name}: the weekly run ${runId} ended ${run.state}`);
      const trained = output<TrainOutcome>('train');
      if (trained) {
        const promoted = output('promote') !== undefined;
        log(
          `${name}: v${trained.version} ${promoted ? 'promoted' : 'not promoted'} (cut-off ${prediction.cutoff})`,
        );
      }
      const csv = path.join(options.outDir, `${name}.csv`);
      copyFileSync(exported.file, csv);
      let scored: Pick<ReplayWeek, 'model' | 'baselines'> = {};
      if (options.truth) {
        const truthSource = options.truthFile ? [options.truthFile] : batches.slice(index);
        // The rules realized scoring scores too: fitted before the week, whether or not a challenger
        // was. A cache per week, as per job: a cache knows the data it was opened on.
        const datasets = new DatasetCache(store.connection, {
          lookbackWeeks: options.settings.lookbackWeeks,
          exploreK: options.settings.exploreK,
          objects: store.shared.objects,
        });
        const rules = await rulesFittedBefore(datasets, options.settings, prediction.cutoff);
        const result = await scoreWeek(store, truthSource, prediction, rules);
        scored = { model: result.model, baselines: result.baselines };
        pooled.set(name, result.byCustomer);
        log(
          `${name}: F1 ${result.model.f1.toFixed(4)} (precision ${result.model.precision.toFixed(3)}, recall ${result.model.recall.toFixed(3)})`,
        );
      }
      weeks.push({
        batch: name,
        cutoff: prediction.cutoff,
        modelVersion: prediction.modelVersion,
        scorer: prediction.scorer,
        retrained: trained !== undefined,
        csv,
        ...scored,
      });
      // The batch lands where production's batches land; the next run ingests it.
      copyFileSync(batch, path.join(paths.landingDir, path.basename(batch)));
    }
    return { weeks, ...(options.truth ? { bootstrap: pooledBootstrap(weeks, pooled) } : {}) };
  } finally {
    await runtime.close();
    await tracking.close();
    await store.close();
  }
}

async function scoreWeek(
  store: RawStore,
  truthFiles: readonly string[],
  prediction: PredictionOutcome,
  baselines: readonly FittedBaseline[],
) {
  const { cutoff } = prediction;
  const truthRows = await queryRows(
    store.connection,
    `SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p
     FROM (${truthFiles.map((f) => `SELECT customer_id, product_id, purchase_date, items FROM ${readFileSql(f)}`).join(' UNION ALL ')})
     WHERE CAST(purchase_date AS DATE) >= DATE ${sqlString(cutoff)} AND CAST(purchase_date AS DATE) < DATE ${sqlString(cutoff)} + 7
     GROUP BY ALL HAVING sum(items) > 0`,
  );
  const truth = new Set(truthRows.map((r) => `${r.c}:${r.p}`));
  const matrix = await readDatasetMatrix(store.connection, PREDICTION_TABLE);
  const labels = new Float32Array(matrix.rows);
  const seen = new Set<string>();
  for (let i = 0; i < matrix.rows; i++) {
    const key = `${matrix.customerIds[i]}:${matrix.productIds[i]}`;
    if (truth.has(key)) {
      labels[i] = 1;
      seen.add(key);
    }
  }
  const missedByCustomer = new Map<number, number>();
  for (const key of truth) {
    if (seen.has(key)) continue;
    const c = Number(key.split(':')[0]);
    missedByCustomer.set(c, (missedByCustomer.get(c) ?? 0) + 1);
  }
  const missed = truth.size - seen.size;
  const scores = await queryRows(
    store.connection,
    `SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p, predicted FROM predictions
     WHERE cutoff = DATE ${sqlString(cutoff)} AND model_version = ${prediction.modelVersion}`,
  );
  const predictedSet = new Set(scores.filter((r) => r.predicted === true).map((r) => `${r.c}:${r.p}`));
  const modelPredicted = Array.from({ length: matrix.rows }, (_, i) =>
    predictedSet.has(`${matrix.customerIds[i]}:${matrix.productIds[i]}`),
  );
  const modelScores = Float32Array.from(modelPredicted, (p) => (p ? 1 : 0));
  const labelled = { ...matrix, labels };
  const baselineResults: Record<string, F1Result> = {};
  const byCustomer = {
    model: confusionsByCustomer(modelPredicted, labels, matrix.customerIds, missedByCustomer),
    baselines: new Map<string, Map<number, Confusion>>(),
  };
  for (const b of baselines) {
    const s = b.score(labelled);
    baselineResults[b.name] = f1FromConfusion(confusionAt(s, labels, b.threshold, missed));
    byCustomer.baselines.set(
      b.name,
      confusionsByCustomer(
        Array.from(s, (v) => v >= b.threshold),
        labels,
        matrix.customerIds,
        missedByCustomer,
      ),
    );
  }
  return {
    model: f1FromConfusion(confusionAt(modelScores, labels, 0.5, missed)),
    baselines: baselineResults,
    byCustomer,
  };
}

function pooledBootstrap(
  weeks: readonly ReplayWeek[],
  pooled: Map<string, { model: Map<number, Confusion>; baselines: Map<string, Map<number, Confusion>> }>,
): BootstrapInterval & { baseline: string } {
  const names = Object.keys(weeks[0]?.baselines ?? {});
  const mean = (name: string) => weeks.reduce((s, w) => s + (w.baselines?.[name]?.f1 ?? 0), 0) / weeks.length;
  const baseline = names.reduce((a, b) => (mean(b) > mean(a) ? b : a), names[0] ?? 'none');
  // Units are (week, customer): a customer's pairs in one week move together.
  const merge = (
    pick: (w: {
      model: Map<number, Confusion>;
      baselines: Map<string, Map<number, Confusion>>;
    }) => Map<number, Confusion> | undefined,
  ) => {
    const out = new Map<number, Confusion>();
    [...pooled.values()].forEach((w, week) => {
      for (const [customer, v] of pick(w) ?? []) out.set(week * 1e10 + customer, v);
    });
    return out;
  };
  return {
    ...bootstrapF1Difference(
      merge((w) => w.model),
      merge((w) => w.baselines.get(baseline)),
    ),
    baseline,
  };
}
