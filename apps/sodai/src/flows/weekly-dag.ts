import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineDag, UnrecoverableTaskError } from '@sodai/pipeline';
import { z } from 'zod';
import { ingestBatches } from '../data/load-data.ts';
import { isSodaiError } from '../errors.ts';
import { bestBaseline, fitBaselines } from '../model/baselines.ts';
import { aliasedVersion, CHAMPION, isCompatible } from '../model/registry.ts';
import { buildPredictionDataset, exportPredictionsCsv, predictNextWeek } from '../jobs/predict.ts';
import {
  latestPurchaseDate,
  prepareWeeks,
  promoteChallenger,
  trainAndGate,
  type GateDecision,
} from '../jobs/train.ts';
import { planCutoffs } from '../features/cutoff-plan.ts';
import { checkDrift, type DriftCheck } from '../jobs/drift-check.ts';
import type { FlowEnv } from './flow-env.ts';

export const WEEKLY_DAG_ID = 'weekly';

export const WeeklyParamsSchema = z.strictObject({
  /** `auto` follows the policy (drift, no champion, stale champion); `force` always trains; `never` never does. */
  retrain: z.enum(['auto', 'force', 'never']).default('auto'),
  trials: z.int().min(1).optional(),
  /** Set by the file sensor: the file that triggered the run (the whole landing folder is ingested). */
  file: z.string().optional(),
});
export type WeeklyParams = z.infer<typeof WeeklyParamsSchema>;

interface IngestOutput {
  readonly files: number;
  readonly ingested: number;
  readonly skipped: number;
  readonly rejected: readonly { file: string; message: string }[];
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
}

interface TrainOutput {
  readonly version: number;
  readonly runId: string;
  readonly gate: GateDecision;
  readonly testF1: number;
}

const DAY_MS = 86_400_000;
/** Data problems are not fixed by trying again; everything else (I/O, locks) may be. */
const retryable = (error: unknown) => !isSodaiError(error);

/**
 * The weekly loop as a DAG: ingest → validate → features → drift → should_retrain ─┬─ train → gate ─┬─ promote
 *                                                                                 │                └─ keep_champion
 *                                                                                 └─ skip_training
 * → predict (once any branch finished) → export → notify_serving.
 */
export function buildWeeklyDag(env: FlowEnv) {
  const settings = (params: WeeklyParams) => ({
    ...env.config.model,
    ...(params.trials ? { nTrials: params.trials } : {}),
  });
  const dag = defineDag<WeeklyParams>({
    id: WEEKLY_DAG_ID,
    schedule: '@weekly',
    params: WeeklyParamsSchema,
    maxActiveRuns: 1,
    description: 'ingest new batches, check drift, retrain when needed, predict next week',
  });

  const ingest = dag.task(
    'ingest',
    { retries: 2, retryDelayMs: 2000, retryable },
    async (ctx): Promise<IngestOutput> => {
      // A landing folder nobody has written to yet simply holds no new batch.
      mkdirSync(env.paths.landingDir, { recursive: true });
      const reports = await env.withStore((store) =>
        ingestBatches(store, env.paths.landingDir, {
          reportsDir: path.join(env.paths.reportsDir, 'ingest'),
          outlierMadMultiplier: env.config.validation.outlierMadMultiplier,
          outlierSeverity: env.config.validation.outlierSeverity,
        }),
      );
      for (const r of reports) ctx.log.info(`${r.outcome}: ${r.message}`);
      return {
        files: reports.length,
        ingested: reports.filter((r) => r.outcome === 'ingested').length,
        skipped: reports.filter((r) => r.outcome === 'skipped').length,
        rejected: reports
          .filter((r) => r.outcome === 'rejected')
          .map((r) => ({ file: r.file, message: r.message })),
        rowsAccepted: reports.reduce((s, r) => s + r.rows.accepted, 0),
        rowsQuarantined: reports.reduce((s, r) => s + r.rows.quarantined, 0),
      };
    },
  );

  const validate = dag.task('validate', { upstream: [ingest] }, async (ctx) => {
    const ingested = ctx.input(ingest);
    for (const r of ingested.rejected) ctx.log.warn(`rejected: ${r.message}`);
    const summary = await env.withStore((store) => store.summary());
    if (summary.transactions === 0)
      throw new UnrecoverableTaskError('the store has no transactions: load data first');
    ctx.log.info(
      `${ingested.ingested} batch(es) ingested, ${ingested.rejected.length} rejected, ${ingested.rowsQuarantined} rows quarantined; data up to ${summary.lastDate}`,
    );
    return {
      lastDate: summary.lastDate,
      transactions: summary.transactions,
      rejected: ingested.rejected.length,
    };
  });

  const features = dag.task('features', { upstream: [validate], retries: 1 }, async (ctx) => {
    const s = settings(ctx.params);
    return env.withStore(async (store) => {
      const { predictCutoff } = planCutoffs(await latestPurchaseDate(store.connection), s);
      const summary = await buildPredictionDataset(store.connection, s, predictCutoff);
      ctx.log.info(`${summary.rows} candidate pairs for the week from ${predictCutoff}`);
      return { cutoff: predictCutoff, candidates: summary.rows };
    });
  });

  const drift = dag.task(
    'drift',
    { upstream: [features], retries: 1 },
    async (ctx): Promise<Omit<DriftCheck, 'report'>> => {
      const result = await env.withStore((store) =>
        env.withTracking((tracking) =>
          checkDrift(
            store.connection,
            tracking,
            settings(ctx.params),
            path.join(env.paths.reportsDir, 'drift'),
          ),
        ),
      );
      ctx.log.info(
        `${result.drifted ? 'DRIFT' : 'no drift'} on the week from ${result.week}: ${result.reason}`,
      );
      const { report: _report, lines: _lines, ...summary } = result;
      return summary;
    },
  );

  const shouldRetrain = dag.branch('should_retrain', { upstream: [drift] }, async (ctx) => {
    const driftResult = ctx.input(drift);
    const decide = (train: boolean, why: string) => {
      ctx.log.info(`${train ? 'retrain' : 'keep the champion'}: ${why}`);
      return train ? ['train'] : ['skip_training'];
    };
    if (ctx.params.retrain === 'force') return decide(true, 'forced by the run parameters');
    if (ctx.params.retrain === 'never') return decide(false, 'training disabled by the run parameters');
    const champion = await env.withTracking((tracking) => aliasedVersion(tracking, CHAMPION));
    if (!champion) return decide(true, 'there is no champion yet');
    if (!isCompatible(champion)) return decide(true, 'the champion was trained on another feature contract');
    if (driftResult.drifted) return decide(true, `drift: ${driftResult.reason}`);
    const ageWeeks = (Date.now() - champion.createdAt) / (7 * DAY_MS);
    if (ageWeeks > env.config.model.maxAgeWeeks) {
      return decide(
        true,
        `the champion is ${ageWeeks.toFixed(1)} weeks old (limit ${env.config.model.maxAgeWeeks})`,
      );
    }
    return decide(false, `no drift and the champion is ${ageWeeks.toFixed(1)} weeks old`);
  });

  const train = dag.task(
    'train',
    { upstream: [shouldRetrain], timeoutMs: 4 * 3600_000 },
    async (ctx): Promise<TrainOutput> => {
      const outcome = await env.withStore((store) =>
        env.withTracking((tracking) =>
          trainAndGate(store.connection, tracking, settings(ctx.params), {
            actor: `pipeline:${ctx.runId}`,
            promote: false,
            signal: ctx.signal,
            log: (line) => ctx.log.info(line),
          }),
        ),
      );
      ctx.log.info(
        `version ${outcome.version}: test F1 ${outcome.model.f1.f1.toFixed(4)}; gate: ${outcome.gate.reason}`,
      );
      return {
        version: outcome.version,
        runId: outcome.runId,
        gate: outcome.gate,
        testF1: outcome.model.f1.f1,
      };
    },
  );

  const gate = dag.branch('gate', { upstream: [train] }, (ctx) => {
    const trained = ctx.input(train);
    ctx.log.info(trained.gate.reason);
    return trained.gate.passed ? ['promote'] : ['keep_champion'];
  });

  const promote = dag.task('promote', { upstream: [gate] }, async (ctx) => {
    const trained = ctx.input(train);
    await env.withTracking((tracking) =>
      promoteChallenger(tracking, trained.version, trained.gate, `pipeline:${ctx.runId}`),
    );
    ctx.log.info(`champion → v${trained.version}`);
    return { champion: trained.version };
  });
  const keepChampion = dag.task('keep_champion', { upstream: [gate] }, () => ({ kept: true }));
  const skipTraining = dag.task('skip_training', { upstream: [shouldRetrain] }, () => ({ skipped: true }));

  const predict = dag.task(
    'predict',
    {
      upstream: [promote, keepChampion, skipTraining],
      triggerRule: 'none_failed_min_one_success',
      retries: 1,
    },
    async (ctx) => {
      const s = settings(ctx.params);
      return env.withStore((store) =>
        env.withTracking(async (tracking) => {
          let fallback;
          if (!(await aliasedVersion(tracking, CHAMPION))) {
            // No model has passed the gate yet: the best rule on recent weeks predicts.
            const plan = planCutoffs(await latestPurchaseDate(store.connection), s);
            const { valid, missedValid } = await prepareWeeks(store.connection, s, plan, false);
            fallback = bestBaseline(fitBaselines(valid, missedValid.total));
            ctx.log.warn(`no champion: predicting with the rule "${fallback.description}"`);
          }
          // The features step built this cut-off's rows; training and validation use other tables.
          const outcome = await predictNextWeek(store.connection, tracking, s, {
            datasetReady: true,
            ...(fallback ? { fallback } : {}),
          });
          ctx.log.info(
            `${outcome.predicted} predicted purchases among ${outcome.scored} pairs (${outcome.scorer})`,
          );
          return outcome;
        }),
      );
    },
  );

  const exportCsv = dag.task('export', { upstream: [predict] }, async (ctx) => {
    const p = ctx.input(predict);
    const file = path.join(env.paths.dataDir, 'exports', `predictions-${p.cutoff}.csv`);
    const lines = await env.withStore((store) =>
      exportPredictionsCsv(store.connection, p.cutoff, p.modelVersion, file),
    );
    ctx.log.info(`${lines} lines → ${file}`);
    return { file, lines };
  });

  dag.task('notify_serving', { upstream: [exportCsv], retries: 2, retryDelayMs: 1000 }, async (ctx) => {
    const message = env.notifyServing ? await env.notifyServing() : 'no server attached to this run';
    ctx.log.info(message);
    return { message };
  });

  return dag;
}
