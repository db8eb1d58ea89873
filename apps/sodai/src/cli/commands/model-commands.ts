import type { Command } from 'commander';
import { formatTable } from '@sodai/tracking';
import path from 'node:path';
import type { ReplayOptions, ReplayResult } from '../../flows/replay.ts';
import type { TrainAndGateOutcome } from '../../jobs/train-and-gate.ts';
import { SodaiError } from '../../errors.ts';
import { loadAppContext } from '../load-app-context.ts';
import { isoDay, positiveInt } from '../option-parsers.ts';
import { printResult, withJson, type JsonOption } from '../output.ts';

const pct = (v: number) => v.toFixed(4);

export function formatTrainOutcome(o: TrainAndGateOutcome): string {
  const rows = [
    [
      'xgboost (model)',
      pct(o.model.f1.f1),
      pct(o.model.f1.precision),
      pct(o.model.f1.recall),
      pct(o.model.prAuc),
      pct(o.model.at5.ndcg),
    ],
    ...o.baselines.map((b) => [
      `${b.name}: ${b.description}`,
      pct(b.f1.f1),
      pct(b.f1.precision),
      pct(b.f1.recall),
      pct(b.prAuc),
      pct(b.at5.ndcg),
    ]),
  ];
  return [
    `run ${o.runId} → version ${o.version}; test week from ${o.plan.testCutoff}; decision threshold ${o.threshold.toFixed(4)}`,
    formatTable(['scorer', 'F1', 'precision', 'recall', 'PR-AUC', 'NDCG@5'], rows),
    `F1 gain over the best baseline: ${o.bootstrap.difference.toFixed(4)} (95% bootstrap interval ${o.bootstrap.low.toFixed(4)} … ${o.bootstrap.high.toFixed(4)})`,
    `candidate coverage of the test week's purchases: ${((o.coverage.at(-1)?.share ?? 0) * 100).toFixed(1)}%`,
    `gate: ${o.gate.passed ? 'PASSED, champion → v' + o.version : 'not passed'} — ${o.gate.reason}`,
  ].join('\n');
}

export function formatReplay(result: ReplayResult): string {
  const names = Object.keys(result.weeks[0]?.baselines ?? {});
  const scored = result.weeks.every((w) => w.model && w.baselines);
  const mean = (f: (w: ReplayResult['weeks'][number]) => number) =>
    result.weeks.reduce((s, w) => s + f(w), 0) / Math.max(1, result.weeks.length);
  // The rule compared with is the one with the best mean F1 over the replayed weeks.
  const best = scored
    ? names.reduce((a, b) => (mean((w) => w.baselines![b]!.f1) > mean((w) => w.baselines![a]!.f1) ? b : a))
    : undefined;
  const gain = (w: ReplayResult['weeks'][number]) => w.model!.f1 - w.baselines![best!]!.f1;
  const rows = result.weeks.map((w) => [
    w.batch,
    w.cutoff,
    `${w.scorer}${w.retrained ? '*' : ''}`,
    w.model ? pct(w.model.f1) : '—',
    ...names.map((n) => (w.baselines?.[n] ? pct(w.baselines[n]!.f1) : '—')),
    ...(best ? [pct(gain(w))] : []),
  ]);
  if (scored) {
    rows.push([
      'mean',
      '',
      '',
      pct(mean((w) => w.model!.f1)),
      ...names.map((n) => pct(mean((w) => w.baselines![n]!.f1))),
      pct(mean(gain)),
    ]);
  }
  const lines = [
    formatTable(
      [
        'batch',
        'cut-off',
        'model',
        'F1 model',
        ...names.map((n) => `F1 ${n}`),
        ...(best ? [`model − ${best}`] : []),
      ],
      rows,
    ),
    '* = retrained before this week',
  ];
  if (best) {
    const wins = result.weeks.filter((w) => gain(w) > 0).length;
    lines.push(
      `model beats ${best} in ${wins} of ${result.weeks.length} weeks; worst week ${pct(Math.min(...result.weeks.map(gain)))}`,
    );
  }
  if (result.bootstrap) {
    const b = result.bootstrap;
    lines.push(
      `pooled F1 model − ${b.baseline}: ${b.difference.toFixed(4)} (95% bootstrap interval ${b.low.toFixed(4)} … ${b.high.toFixed(4)})`,
    );
  }
  return lines.join('\n');
}

export function registerModelCommands(program: Command): void {
  const ctx = () => loadAppContext(program.opts<{ config?: string }>().config);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  withJson(
    program
      .command('train')
      .description(
        'tune and train XGBoost on the store, evaluate beside the baselines, register, gate the champion',
      )
      .option('--trials <n>', 'TPE trials (default: model.nTrials)', positiveInt),
  ).action(async (o: { trials?: number } & JsonOption) => {
    const { trainAndGate } = await import('../../jobs/train-and-gate.ts');
    const c = await ctx();
    const store = await c.openStore();
    const tracking = await c.openTracking();
    try {
      const settings = { ...c.resolved.config.model, ...(o.trials ? { nTrials: o.trials } : {}) };
      const outcome = await trainAndGate(store.connection, tracking, settings, { log });
      printResult(o, outcome, () => formatTrainOutcome(outcome));
    } finally {
      await tracking.close();
      await store.close();
    }
  });

  withJson(
    program
      .command('evaluate')
      .description('score the champion on the latest complete week beside the baselines'),
  ).action(async (o: JsonOption) => {
    const { CHAMPION, loadAliasedModel } = await import('../../model/registry.ts');
    const { weekContext } = await import('../../jobs/week-context.ts');
    const { evaluateChampion, formatEvaluation } = await import('../../jobs/evaluate.ts');
    const c = await ctx();
    const store = await c.openStore();
    const tracking = await c.openTracking();
    const champion = await loadAliasedModel(tracking, CHAMPION);
    try {
      if (!champion)
        throw new SodaiError('INVALID_ARGUMENT', 'no champion model yet: run `sodai train` first');
      const week = await weekContext(store.connection, c.resolved.config.model);
      const evaluation = await evaluateChampion(week, champion);
      printResult(o, evaluation, () => formatEvaluation(evaluation));
    } finally {
      champion?.booster.dispose();
      await tracking.close();
      await store.close();
    }
  });

  withJson(
    program
      .command('predict')
      .description(
        'score every candidate pair for the 7 days after the latest data with the champion (or, before any model passed the gate, the best rule)',
      )
      .option('--out <file.csv>', 'write the predicted purchases as customer_id,product_id lines'),
  ).action(async (o: { out?: string } & JsonOption) => {
    const { CHAMPION, loadAliasedModel } = await import('../../model/registry.ts');
    const { weekContext } = await import('../../jobs/week-context.ts');
    const { predictWithChampion } = await import('../../jobs/predict.ts');
    const c = await ctx();
    const store = await c.openStore();
    const tracking = await c.openTracking();
    const champion = await loadAliasedModel(tracking, CHAMPION);
    try {
      const week = await weekContext(store.connection, c.resolved.config.model, { log, store });
      const r = await predictWithChampion(week, champion, o.out ? { csvPath: o.out } : {});
      printResult(
        o,
        r,
        () =>
          `week from ${r.cutoff}: ${r.scored.toLocaleString('en')} pairs scored by ${r.scorer}, ${r.predicted.toLocaleString('en')} predicted purchases` +
          (r.csv ? ` → ${r.csv}` : ''),
      );
    } finally {
      champion?.booster.dispose();
      await tracking.close();
      await store.close();
    }
  });

  withJson(
    program
      .command('replay')
      .description(
        'replay weekly batches: predict the next 7 days, write OUT/<batch>.csv, ingest, retrain by policy',
      ),
  )
    .option('--history <dir>', 'clientes/productos/transacciones Parquet files')
    .option('--batches <dir>', 'weekly transaction batches, processed in file-name order')
    .option('--data <dir>', 'instead of --history/--batches: a data folder to cut a period from')
    .option('--weeks-from <date>', 'with --data: first day replayed (YYYY-MM-DD)', isoDay)
    .option('--weeks <n>', 'with --data: weeks replayed', positiveInt, 8)
    .option('--batch-days <n>', 'with --data: days per batch (5 = cut-offs on every weekday)', positiveInt, 7)
    .requiredOption('--out <dir>', 'where the CSV files go')
    .option('--truth', 'score each batch (precision, recall, F1 over distinct pairs) and print a table')
    .option('--trials <n>', 'TPE trials per training', positiveInt)
    .action(
      async (
        o: {
          history?: string;
          batches?: string;
          data?: string;
          weeksFrom?: string;
          weeks: number;
          batchDays: number;
          out: string;
          truth?: boolean;
          trials?: number;
        } & JsonOption,
      ) => {
        const { prepareReplayPeriod, replay } = await import('../../flows/replay.ts');
        const c = await ctx();
        const settings = { ...c.resolved.config.model, ...(o.trials ? { nTrials: o.trials } : {}) };
        let inputs: Pick<ReplayOptions, 'historyDir' | 'batchesDir' | 'truthFile'>;
        if (o.data) {
          if (!o.weeksFrom) {
            throw new SodaiError('INVALID_ARGUMENT', '--data needs --weeks-from YYYY-MM-DD');
          }
          inputs = await prepareReplayPeriod({
            dataDir: o.data,
            from: o.weeksFrom,
            weeks: o.weeks,
            batchDays: o.batchDays,
            workDir: path.join(o.out, '.replay-input'),
          });
        } else if (o.history && o.batches) {
          inputs = { historyDir: o.history, batchesDir: o.batches };
        } else {
          throw new SodaiError(
            'INVALID_ARGUMENT',
            'give --history and --batches, or --data and --weeks-from',
          );
        }
        const result = await replay({ ...inputs, outDir: o.out, truth: o.truth === true, settings, log });
        printResult(o, result, () =>
          o.truth ? formatReplay(result) : `${result.weeks.length} weeks written to ${o.out}`,
        );
      },
    );
}
