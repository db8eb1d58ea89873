import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import {
  defineDag,
  UnrecoverableTaskError,
  type TaskContext,
  type TaskFn,
  type TaskOptions,
} from '@sodai/pipeline';
import { z } from 'zod';
import { configuredSource } from '../data/sources/batch-source.ts';
import { ingestFromSource } from '../data/sources/ingest-from-source.ts';
import type { LateRows } from '../data/sources/postgres-source.ts';
import { isSodaiError } from '../errors.ts';
import { planCutoffs, type TrainingPlan } from '../features/cutoff-plan.ts';
import { checkDrift, type DriftCheck } from '../jobs/drift-check.ts';
import { gateChallenger, promoteChallenger, type GateDecision } from '../jobs/gate.ts';
import { exportPredictionsCsv, fallbackRule, predictWeek, type PredictionOutcome } from '../jobs/predict.ts';
import { scoreRealizedWeeks, type RealizedWeekOutcome } from '../jobs/score-realized.ts';
import { trainChallenger, type TrainOutcome } from '../jobs/train.ts';
import { weekContext, type WeekContext } from '../jobs/week-context.ts';
import { restoreBaseline } from '../model/baselines.ts';
import { aliasedVersion, CHAMPION, isCompatible, trainedFor } from '../model/registry.ts';
import { decideRetrain, type RetrainDecision } from '../model/retrain-policy.ts';
import type { FlowEnv } from './flow-env.ts';
import { dataGaps } from '../store/transactions-queries.ts';
import type { TrackingClient } from '@sodai/tracking';
import { GATE_ARTIFACT } from '../jobs/gate.ts';
import { WEEKLY_DAG_ID } from './dag-ids.ts';

export { WEEKLY_DAG_ID };

/** How a task's log says where it ran: `ran on <pid>@<host>`. */
export const RAN_ON = 'ran on ';
const processName = () => `${process.pid}@${hostname()}`;

export const WeeklyParamsSchema = z.strictObject({
  /** `auto` follows the policy (drift, no champion, stale champion); `force` always trains; `never` never does. */
  retrain: z.enum(['auto', 'force', 'never']).default('auto'),
  trials: z.int().min(1).optional(),
  /** Set by the sensor: the file or object that triggered the run (the whole source is ingested). */
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
  /** Rows a Postgres source can no longer hand over (dated at or before its watermark). */
  readonly lateRows: readonly LateRows[];
}

interface ValidateOutput {
  readonly lastDate: string;
  readonly transactions: number;
  readonly rejected: number;
  /** Weeks inside the data with no purchase at all (a batch that never arrived). */
  readonly gaps: readonly string[];
  /** The run's one cut-off plan: every later task reads it from here. */
  readonly plan: TrainingPlan;
}

type GateOutput = GateDecision & { readonly version: number };

/** Data problems are not fixed by trying again; everything else (I/O, locks) may be. */
const retryable = (error: unknown) => !isSodaiError(error);

/**
 * The weekly loop as a DAG:
 *   ingest → validate → features → drift → should_retrain → train_or_skip ─┬─ train → gate → promote_or_keep ─┬─ promote
 *                                                                          │                                   └─ keep_champion
 *                                                                          └─ skip_training
 * → predict (once any branch finished) → export → notify_serving, and export → score_realized (scores the
 * predicted weeks the new batches completed). Each task is one job call on the
 * plan `validate` made; datasets are built once per cut-off and the champion loaded once per version.
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

  // Every attempt's first log line names the process that ran it, so a run's task records show which
  // worker (of many, on other machines) did each task.
  const task = <Out>(id: string, options: TaskOptions, fn: TaskFn<WeeklyParams, Out>) =>
    dag.task(id, options, (ctx) => {
      ctx.log.info(`${RAN_ON}${processName()}`);
      return fn(ctx);
    });
  const branch = (id: string, options: TaskOptions, fn: TaskFn<WeeklyParams, readonly string[]>) =>
    dag.branch(id, options, (ctx) => {
      ctx.log.info(`${RAN_ON}${processName()}`);
      return fn(ctx);
    });

  /** Runs a job on the run's plan, in the store, logging to the task's log. */
  const onWeek = <T>(
    ctx: TaskContext<WeeklyParams>,
    plan: TrainingPlan,
    work: (week: WeekContext) => Promise<T>,
  ): Promise<T> =>
    env.withStore(async (store) =>
      work(
        await weekContext(store.connection, settings(ctx.params), {
          plan,
          store,
          log: (l) => ctx.log.info(l),
        }),
      ),
    );
  const champion = (ctx: TaskContext<WeeklyParams>) =>
    env.withTracking((tracking) => env.champions.get(tracking, (l) => ctx.log.info(l)));

  const ingest = task(
    'ingest',
    { retries: 2, retryDelayMs: 2000, retryable },
    async (ctx): Promise<IngestOutput> => {
      const source = configuredSource(env.config, env.paths.landingDir);
      // A landing folder nobody has written to yet simply holds no new batch.
      if (source.kind === 'folder' && source.path !== undefined) mkdirSync(source.path, { recursive: true });
      const lateRows: LateRows[] = [];
      const reports = await env.withStore((store) =>
        ingestFromSource(
          store,
          source,
          {
            reportsDir: path.join(env.paths.reportsDir, 'ingest'),
            outlierMadMultiplier: env.config.validation.outlierMadMultiplier,
            outlierSeverity: env.config.validation.outlierSeverity,
          },
          path.join(env.paths.dataDir, 'cache'),
          ({ message, ...figures }) => {
            ctx.log.warn(message);
            lateRows.push(figures);
          },
        ),
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
        lateRows,
      };
    },
  );

  const validate = task('validate', { upstream: [ingest] }, async (ctx): Promise<ValidateOutput> => {
    const ingested = ctx.input(ingest);
    for (const r of ingested.rejected) ctx.log.warn(`rejected: ${r.message}`);
    const { summary, gaps } = await env.withStore(async (store) => ({
      summary: await store.summary(),
      gaps: await dataGaps(store.connection),
    }));
    if (summary.transactions === 0 || !summary.lastDate)
      throw new UnrecoverableTaskError('the store has no transactions: load data first');
    if (gaps.length > 0)
      ctx.log.warn(`no purchase at all in the week(s) from ${gaps.join(', ')}: a batch may be missing`);
    const plan = planCutoffs(summary.lastDate.slice(0, 10), {
      ...settings(ctx.params),
      ...(summary.firstDate ? { earliestDate: summary.firstDate.slice(0, 10) } : {}),
    });
    ctx.log.info(
      `${ingested.ingested} batch(es) ingested, ${ingested.rejected.length} rejected, ${ingested.rowsQuarantined} rows quarantined; data up to ${summary.lastDate}; predicting the week from ${plan.predictCutoff}`,
    );
    return {
      lastDate: summary.lastDate,
      transactions: summary.transactions,
      rejected: ingested.rejected.length,
      gaps,
      plan,
    };
  });

  const features = task('features', { upstream: [validate], retries: 1 }, async (ctx) => {
    const { plan } = ctx.input(validate);
    return onWeek(ctx, plan, async (week) => {
      // Every cut-off the run may need except the training weeks: prediction, drift/gate/test, rule fitting.
      const summary = await week.datasets.ensure([
        plan.predictCutoff,
        plan.testCutoff,
        ...plan.validationCutoffs,
      ]);
      const candidates = (await week.datasets.summary([plan.predictCutoff])).rows;
      ctx.log.info(`${candidates} candidate pairs for the week from ${plan.predictCutoff}`);
      const test = summary.coverage.find((c) => c.cutoff === plan.testCutoff);
      return { cutoff: plan.predictCutoff, candidates, testCoverage: test?.share ?? null };
    });
  });

  const drift = task(
    'drift',
    { upstream: [features], retries: 1 },
    async (ctx): Promise<Omit<DriftCheck, 'report' | 'lines'>> => {
      const { plan } = ctx.input(validate);
      const model = await champion(ctx);
      const result = await env.withTracking((tracking) =>
        onWeek(ctx, plan, (week) =>
          checkDrift(week, tracking, model, path.join(env.paths.reportsDir, 'drift')),
        ),
      );
      ctx.log.info(
        `${result.drifted ? 'DRIFT' : 'no drift'} on the week from ${result.week}: ${result.reason}`,
      );
      const { report: _report, lines: _lines, ...summary } = result;
      return summary;
    },
  );

  // The decision is a task and the branch a separate one because a branch's output can only be
  // the ids it follows: as a task's output, the decision's figures are kept in the run store.
  const shouldRetrain = task(
    'should_retrain',
    { upstream: [drift] },
    async (ctx): Promise<RetrainDecision> => {
      const { plan } = ctx.input(validate);
      const current = await env.withTracking((tracking) => aliasedVersion(tracking, CHAMPION));
      const decision = decideRetrain({
        mode: ctx.params.retrain,
        cutoff: plan.predictCutoff,
        maxAgeWeeks: env.config.model.maxAgeWeeks,
        retrainOnDrift: env.config.model.retrainOnDrift,
        drift: ctx.input(drift),
        ...(current
          ? {
              champion: {
                version: current.version,
                compatible: isCompatible(current),
                trainedFor: trainedFor(current),
              },
            }
          : {}),
      });
      ctx.log.info(`${decision.retrain ? 'retrain' : 'keep the champion'}: ${decision.reason}`);
      return decision;
    },
  );
  const trainOrSkip = branch('train_or_skip', { upstream: [shouldRetrain] }, (ctx) =>
    ctx.input(shouldRetrain).retrain ? ['train'] : ['skip_training'],
  );

  const train = task(
    'train',
    { upstream: [trainOrSkip], timeoutMs: 4 * 3600_000 },
    async (ctx): Promise<TrainOutcome> => {
      const { plan } = ctx.input(validate);
      return env.withTracking((tracking) =>
        onWeek(ctx, plan, (week) => trainChallenger(week, tracking, { signal: ctx.signal })),
      );
    },
  );

  // A task for the same reason as should_retrain: its output keeps the decision with its figures.
  const gate = task('gate', { upstream: [train] }, async (ctx): Promise<GateDecision> => {
    const trained = ctx.input(train);
    const model = await champion(ctx);
    return env.withTracking((tracking) =>
      onWeek(ctx, trained.plan, (week) => gateChallenger(week, tracking, trained, model)),
    );
  });
  const promoteOrKeep = branch('promote_or_keep', { upstream: [gate] }, (ctx) =>
    ctx.input(gate).passed ? ['promote'] : ['keep_champion'],
  );

  const promote = task('promote', { upstream: [promoteOrKeep] }, async (ctx): Promise<GateOutput> => {
    const trained = ctx.input(train);
    const decision = await env.withTracking(async (tracking) => {
      const recorded = await gateRecord(tracking, trained);
      await promoteChallenger(tracking, trained.version, recorded, `pipeline:${ctx.runId}`);
      return recorded;
    });
    ctx.log.info(`champion → v${trained.version}`);
    return { ...decision, version: trained.version };
  });
  const keepChampion = task('keep_champion', { upstream: [promoteOrKeep] }, () => ({ kept: true }));
  const skipTraining = task('skip_training', { upstream: [trainOrSkip] }, () => ({ skipped: true }));

  const predict = task(
    'predict',
    {
      upstream: [promote, keepChampion, skipTraining],
      triggerRule: 'none_failed_min_one_success',
      retries: 1,
    },
    async (ctx): Promise<PredictionOutcome> => {
      const { plan } = ctx.input(validate);
      const model = await champion(ctx);
      const outcome = await onWeek(ctx, plan, async (week) => {
        if (model) return predictWeek(week, { kind: 'model', model });
        // No model has passed the gate yet: the best rule, as a challenger just fitted it or as
        // fitted now on the validation weeks, predicts.
        const trained = ctx.maybeInput(train);
        const rule = trained
          ? restoreBaseline(trained.fittedBaselines.find((b) => b.name === trained.bestBaseline.name)!)
          : await fallbackRule(week);
        ctx.log.warn(`no champion: predicting with the rule "${rule.description}"`);
        return predictWeek(week, { kind: 'rule', rule });
      });
      ctx.log.info(
        `${outcome.predicted} predicted purchases among ${outcome.scored} pairs (${outcome.scorer})`,
      );
      return outcome;
    },
  );

  const exportCsv = task('export', { upstream: [predict] }, async (ctx) => {
    const p = ctx.input(predict);
    const file = path.join(env.paths.dataDir, 'exports', `predictions-${p.cutoff}.csv`);
    // Also put in the object store: with workers on other machines, the local file is on one of them.
    const key = `exports/predictions-${p.cutoff}.csv`;
    const { lines, url } = await env.withStore(async (store) => {
      const written = await exportPredictionsCsv(store.connection, p.cutoff, p.modelVersion, file);
      await store.shared.objects.putFile(key, file);
      return { lines: written, url: `${store.shared.objects.url}/${key}` };
    });
    ctx.log.info(`${lines} lines → ${file} and ${url}`);
    return { file, lines, key };
  });

  // After the export, beside notify_serving: a scoring failure never holds back a prediction, and
  // the run's tasks that use the store still run one at a time (replay shares one connection).
  task(
    'score_realized',
    { upstream: [exportCsv], retries: 1 },
    async (ctx): Promise<{ weeks: readonly RealizedWeekOutcome[] }> => {
      const weeks = await env.withStore((store) =>
        scoreRealizedWeeks(store, settings(ctx.params), { log: (l) => ctx.log.info(l) }),
      );
      return { weeks };
    },
  );

  task(NOTIFY_SERVING_TASK, { upstream: [exportCsv], retries: 2, retryDelayMs: 1000 }, async (ctx) => {
    const message = env.notifyServing ? await env.notifyServing() : 'no server attached to this run';
    ctx.log.info(message);
    return { message };
  });

  return dag;
}

/** The task that tells the server to reload: it must run in the server's process. */
export const NOTIFY_SERVING_TASK = 'notify_serving';

/** The gate decision recorded with a challenger's training run. */
async function gateRecord(tracking: TrackingClient, trained: TrainOutcome): Promise<GateDecision> {
  const runs = await tracking.searchRuns({
    parentRunId: trained.runId,
    where: [{ kind: 'tag', key: 'kind', op: '=', value: 'gate' }],
  });
  const run = runs[0];
  if (!run) throw new UnrecoverableTaskError(`no gate decision recorded for v${trained.version}`);
  const bytes = await tracking.readArtifact(run.id, GATE_ARTIFACT);
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as GateDecision;
}
