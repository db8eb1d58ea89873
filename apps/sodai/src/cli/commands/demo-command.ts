import type { ServedBy } from '../../scoring/scoring-engine.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ResolvedConfig } from '../../config/load-config.ts';
import { untilStopped } from '../until-stopped.ts';
import { WEEKLY_DAG_ID } from '../../flows/dag-ids.ts';
import { loadAppContext } from '../load-app-context.ts';
import { formatTasks } from './flow-commands.ts';
import { barSink, followRun, lineSink } from '../follow-run.ts';
import { printReports } from './ingest-command.ts';
import { positiveInt } from '../option-parsers.ts';

/**
 * The one-command demo: generate a year of data when there is none, load all but its last weeks,
 * land those weeks as batches, serve the API, run the weekly pipeline once (which ingests them,
 * trains, gates and predicts) and tell the server to load the result. Runs again are quick: data,
 * store and models are kept under the data folder.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('generate data → load → serve → run the weekly pipeline once (the default `npm start`)')
    .option('--weeks <n>', 'weeks of history to generate', positiveInt, 53)
    .option('--batches <n>', 'last weeks landed as weekly batches', positiveInt, 2)
    .option('--trials <n>', 'TPE trials when the pipeline trains (default: model.nTrials)', positiveInt)
    .option('--no-serve', 'stop after the pipeline run instead of serving')
    .action(async (opts: { weeks: number; batches: number; trials?: number; serve: boolean }) => {
      const { generateData } = await import('../../data/generator/generate.ts');
      const { loadInitialData } = await import('../../data/load-data.ts');
      const { rawDataFiles } = await import('../../data/raw-data-files.ts');
      const { splitWeeks } = await import('../../data/split-weeks.ts');
      const { startServingWithPipeline } = await import('../serving-with-pipeline.ts');
      const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
      const generated = path.join(ctx.paths.dataDir, 'generated');
      const history = path.join(ctx.paths.dataDir, 'history');
      if (!existsSync(rawDataFiles(generated).transactions)) {
        process.stdout.write(`generating ${opts.weeks} weeks of synthetic data in ${generated}…\n`);
        await generateData({
          customers: 1569,
          products: 971,
          weeks: opts.weeks,
          start: '2024-01-01',
          seed: 42,
          outDir: generated,
        });
      }
      const store = await ctx.openStore();
      const tracking = await ctx.openTracking();
      try {
        if ((await store.summary()).transactions === 0) {
          await splitWeeks({
            input: generated,
            outDir: ctx.paths.landingDir,
            lastWeeks: opts.batches,
            historyDir: history,
          });
          process.stdout.write('\n== initial load ==\n');
          printReports(await loadInitialData(store, rawDataFiles(history), ctx.ingestOptions()));
        }
        const { server } = ctx.resolved.config;
        const openReads = demoOpensReads(ctx.resolved);
        const { runtime, app } = await startServingWithPipeline(ctx, store, tracking, {
          serve: opts.serve,
          openReads,
        });
        try {
          const address = app
            ? await app.listen({
                port: ctx.resolved.config.server.port,
                host: ctx.resolved.config.server.host,
              })
            : undefined;
          if (address) {
            process.stdout.write(
              `\nAPI on ${address} (OpenAPI docs: ${address}/docs); it answers once a model is ready\n` +
                `web app: ${address}/ (Spanish and English${openReads ? '; every page opens on this machine without signing in' : ''})\n`,
            );
            if (!server.adminToken && !server.tokenSecrets && server.tokens.length === 0) {
              process.stdout.write(
                'to run the pipeline or change the serving model from the web app, start with ' +
                  'SODAI_ADMIN_TOKEN=<a secret of 16 or more characters> and sign in with it\n',
              );
            }
          }
          process.stdout.write(`\n== weekly pipeline (landing: ${ctx.paths.landingDir}) ==\n`);
          const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID, {
            params: opts.trials ? { trials: opts.trials } : {},
            trigger: 'manual',
          });
          // The demo's output is a walkthrough: task states and progress go to stdout with the rest.
          const stopFollowing = followRun(
            runtime.store,
            runId,
            process.stdout.isTTY ? barSink(process.stdout) : lineSink(process.stdout),
          );
          const run = await runtime.orchestrator.waitForRun(runId);
          await stopFollowing();
          process.stdout.write(`${formatTasks(run, await runtime.store.taskInstances(runId))}\n`);
          if (run.state !== 'success') process.exitCode = 1;
          // The run's tasks committed through their own stores: re-read the catalog first.
          await store.refresh();
          const s = await store.summary();
          process.stdout.write(
            `\nstore: ${s.transactions.toLocaleString('en')} transactions (${s.firstDate} … ${s.lastDate}), ${s.batches} batches, ` +
              `${s.quarantined} rows quarantined; reports in ${ctx.paths.reportsDir}\n`,
          );
          if (app && address) {
            process.stdout.write(`${await describeServing(app.serving.holder.current()?.servedBy)}\n`);
            process.stdout.write(
              `try: curl -s -X POST ${address}/recommend -H 'content-type: application/json' -d '{"customer_id":100001,"k":5}'\n` +
                `serving until Ctrl-C\n`,
            );
            await untilStopped();
            await app.close();
          }
        } finally {
          await runtime.close();
        }
      } finally {
        await tracking.close();
        await store.close();
      }
    });
}

/**
 * Whether the demo serves every read without a token: when its server answers this machine only, so
 * a first look at the web app needs no sign-in. A publicRead the user chose (in the config file or
 * SODAI_PUBLIC_READ) wins, and admin actions always need a token.
 */
export function demoOpensReads(resolved: Pick<ResolvedConfig, 'config' | 'given'>): boolean {
  const { host } = resolved.config.server;
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
  return loopback && !resolved.given.includes('server.publicRead');
}

/** One line on what answers the API now. */
async function describeServing(by: ServedBy | undefined): Promise<string> {
  if (!by) return 'serving: nothing yet (see /ready)';
  if (by.kind === 'model') return `serving: model v${by.version}`;
  const { describeRule } = await import('../../scoring/scoring-engine.ts');
  return `serving: the rule "${describeRule(by.rule, 'en')}" (no model has beaten the simple rules yet; the next weekly run trains again)`;
}
