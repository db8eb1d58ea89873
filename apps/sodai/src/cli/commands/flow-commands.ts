import { Command, InvalidArgumentError } from 'commander';
import { formatTable } from '@sodai/tracking';
import { runSingleTask, toAirflowDag, type RunRecord, type TaskInstance } from '@sodai/pipeline';
import { hostname } from 'node:os';
import type { AppContext } from '../app-context.ts';
import { openRunStore, startPipelineRuntime, watchSchedule } from '../../flows/pipeline-runtime.ts';
import { untilStopped } from '../until-stopped.ts';
import { buildWeeklyDag, WEEKLY_DAG_ID } from '../../flows/weekly-dag.ts';
import { appContext } from '../app-context.ts';
import { isoDay, positiveInt } from '../option-parsers.ts';

const time = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) : '—');

export function formatTasks(run: RunRecord, tasks: readonly TaskInstance[]): string {
  const order = run.dag.nodes.map((n) => n.id);
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  const rows = order.map((id) => {
    const t = byId.get(id);
    const seconds =
      t?.startedAt && t.finishedAt
        ? ((t.finishedAt.getTime() - t.startedAt.getTime()) / 1000).toFixed(1)
        : '';
    return [
      id,
      t?.state ?? 'none',
      String(t?.attempt ?? 0),
      seconds,
      (t?.error ?? '').split('\n')[0]!.slice(0, 80),
    ];
  });
  return [
    `run ${run.id} (${run.dagId}) ${run.state}  trigger ${run.trigger}  logical ${time(run.logicalDate)}  started ${time(run.startedAt)}  finished ${time(run.finishedAt)}`,
    formatTable(['task', 'state', 'tries', 'seconds', 'error'], rows),
  ].join('\n');
}

function parseParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`expected key=value, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function dagById(dagId: string, c: AppContext) {
  if (dagId !== WEEKLY_DAG_ID)
    throw new InvalidArgumentError(`unknown DAG "${dagId}" (known: ${WEEKLY_DAG_ID})`);
  return buildWeeklyDag(c.flowEnv());
}

/** `sodai dags`, `run`, `runs tasks`, `logs`, `backfill`, `scheduler`, `worker`: the orchestrator's CLI. */
export function registerFlowCommands(program: Command): void {
  const ctx = () => appContext(program.opts<{ config?: string }>().config);

  const dags = program.command('dags').description('pipelines');
  dags.command('list').action(() => {
    const dag = buildWeeklyDag(ctx().flowEnv()).toJSON();
    process.stdout.write(
      `${formatTable(['dag', 'schedule', 'tasks', 'description'], [[dag.id, dag.schedule ?? '—', String(dag.nodes.length), dag.description ?? '']])}\n`,
    );
  });
  dags
    .command('export')
    .description('write a DAG for another scheduler: an Airflow DAG file whose tasks call `sodai task run`')
    .argument('[dag]', 'DAG id', WEEKLY_DAG_ID)
    .requiredOption('--format <format>', 'airflow')
    .option('--command <words>', 'how Airflow workers call SodAI', 'sodai')
    .addHelpText('after', '\nExample:\n  sodai dags export weekly --format airflow > dags/sodai_weekly.py')
    .action((dagId: string, o: { format: string; command: string }) => {
      if (o.format !== 'airflow')
        throw new InvalidArgumentError(`--format: only "airflow" is supported, not "${o.format}"`);
      const dag = dagById(dagId, ctx());
      process.stdout.write(
        toAirflowDag(dag.toJSON(), {
          command: [...o.command.split(/\s+/).filter(Boolean), 'task', 'run', dag.id],
          dagId: `sodai_${dag.id}`,
        }),
      );
    });

  program
    .command('task')
    .description('one task of a run, for schedulers outside SodAI (Airflow)')
    .command('run')
    .description(
      "run one task of a run (creating the run on its first task) with the orchestrator's semantics",
    )
    .argument('<dag>', 'DAG id')
    .argument('<task>', 'task id')
    .requiredOption('--run-id <id>', 'the run this task belongs to (Airflow: {{ run_id }})')
    .option(
      '-p, --param <key=value>',
      'run parameter when this call creates the run (repeatable)',
      parseParam,
    )
    .option('--retries <n>', "retries inside this call (default: the task's own; Airflow passes 0)", (v) =>
      Number.parseInt(v, 10),
    )
    .option('--json', 'print the outcome as JSON (state, attempt, branch, output, error)')
    .addHelpText(
      'after',
      '\nExample:\n  sodai task run weekly ingest --run-id manual__2026-01-05 --retries 0',
    )
    .action(
      async (
        dagId: string,
        taskId: string,
        o: { runId: string; param?: Record<string, string>; retries?: number; json?: boolean },
      ) => {
        const c = ctx();
        const dag = dagById(dagId, c);
        const store = await openRunStore(c.resolved.config, c.paths);
        try {
          const outcome = await runSingleTask(dag, store, {
            runId: o.runId,
            taskId,
            ...(o.param ? { params: o.param } : {}),
            ...(o.retries !== undefined && Number.isFinite(o.retries) ? { retries: o.retries } : {}),
            owner: `${process.pid}@${hostname()}`,
          });
          process.stdout.write(
            o.json
              ? `${JSON.stringify(outcome)}\n`
              : `${taskId}: ${outcome.state} (attempt ${outcome.attempt})${outcome.error ? ` — ${outcome.error.split('\n')[0]}` : ''}\n`,
          );
          if (
            outcome.state === 'failed' ||
            outcome.state === 'up_for_retry' ||
            outcome.state === 'upstream_failed'
          )
            process.exitCode = 1;
        } finally {
          await store.close();
        }
      },
    );

  program
    .command('run')
    .description('trigger a DAG run now and follow it to the end')
    .argument('[dag]', 'DAG id', WEEKLY_DAG_ID)
    .option('--retrain <mode>', 'auto | force | never')
    .option('--trials <n>', 'TPE trials if it trains', positiveInt)
    .option('-p, --param <key=value>', 'any other parameter (repeatable)', parseParam)
    .action(
      async (dagId: string, o: { retrain?: string; trials?: number; param?: Record<string, string> }) => {
        const runtime = await startPipelineRuntime(ctx().flowEnv());
        try {
          const params = {
            ...o.param,
            ...(o.retrain ? { retrain: o.retrain } : {}),
            ...(o.trials ? { trials: o.trials } : {}),
          };
          const runId = await runtime.orchestrator.trigger(dagId, { params, trigger: 'manual' });
          process.stderr.write(`run ${runId} started\n`);
          const run = await runtime.orchestrator.waitForRun(runId);
          process.stdout.write(`${formatTasks(run, await runtime.store.taskInstances(runId))}\n`);
          if (run.state !== 'success') process.exitCode = 1;
        } finally {
          await runtime.close();
        }
      },
    );

  const runs = program.commands.find((c) => c.name() === 'runs') ?? program.command('runs');
  runs
    .command('tasks')
    .description('the tasks of a pipeline run, their states and timings')
    .argument('[run-id]', 'pipeline run id (default: the latest)')
    .action(async (runId: string | undefined) => {
      const c = ctx();
      const store = await openRunStore(c.resolved.config, c.paths);
      try {
        const id = runId ?? (await store.listRuns({ limit: 1 }))[0]?.id;
        if (!id) throw new InvalidArgumentError('no pipeline run yet');
        process.stdout.write(`${formatTasks(await store.getRun(id), await store.taskInstances(id))}\n`);
      } finally {
        await store.close();
      }
    });
  runs
    .command('pipelines')
    .description('recent pipeline runs')
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .action(async (o: { limit: number }) => {
      const c = ctx();
      const store = await openRunStore(c.resolved.config, c.paths);
      try {
        const list = await store.listRuns({ limit: o.limit });
        process.stdout.write(
          `${formatTable(
            ['run', 'dag', 'state', 'trigger', 'logical date', 'started', 'finished'],
            list.map((r) => [
              r.id,
              r.dagId,
              r.state,
              r.trigger,
              time(r.logicalDate),
              time(r.startedAt),
              time(r.finishedAt),
            ]),
          )}\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('logs')
    .description("a task's captured log lines")
    .argument('<run-id>')
    .argument('<task>')
    .action(async (runId: string, task: string) => {
      const c = ctx();
      const store = await openRunStore(c.resolved.config, c.paths);
      try {
        for (const entry of await store.taskLogs(runId, task)) {
          process.stdout.write(
            `${entry.at.toISOString()} [try ${entry.attempt}] ${entry.level.padEnd(5)} ${entry.message}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('backfill')
    .description('one run per scheduled date in a range')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)', isoDay)
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)', isoDay)
    .argument('[dag]', 'DAG id', WEEKLY_DAG_ID)
    .action(async (dagId: string, o: { from: string; to: string }) => {
      const runtime = await startPipelineRuntime(ctx().flowEnv());
      try {
        const ids = await runtime.orchestrator.backfill(
          dagId,
          new Date(`${o.from}T00:00:00Z`),
          new Date(`${o.to}T23:59:59Z`),
        );
        process.stderr.write(`${ids.length} run(s) created\n`);
        for (const id of ids) {
          const run = await runtime.orchestrator.waitForRun(id);
          process.stdout.write(`${id} ${time(run.logicalDate)} ${run.state}\n`);
          if (run.state !== 'success') process.exitCode = 1;
        }
      } finally {
        await runtime.close();
      }
    });

  program
    .command('scheduler')
    .description('run the weekly schedule (with catch-up) and the landing sensor until stopped')
    .option('--poll-ms <n>', 'landing (folder or S3 prefix) poll interval', positiveInt, 5000)
    .action(async (o: { pollMs: number }) => {
      const c = ctx();
      const runtime = await startPipelineRuntime(c.flowEnv());
      const landing = await c.openLanding();
      const schedule = watchSchedule(runtime, { landing, catchUp: true, pollMs: o.pollMs });
      process.stderr.write(
        `scheduler running; watching ${landing?.where ?? 'the schedule only (Postgres source)'} (Ctrl-C stops)\n`,
      );
      await untilStopped();
      await schedule.stop();
      await runtime.close();
    });

  program
    .command('worker')
    .description('run pipeline tasks from the Redis queue (REDIS_URL)')
    .option('--concurrency <n>', 'tasks at once', positiveInt, 1)
    .action(async (o: { concurrency: number }) => {
      const c = ctx();
      if (!c.resolved.config.redisUrl)
        throw new InvalidArgumentError('set REDIS_URL (or redisUrl in the config) to run a worker');
      const { startWorker } = await import('@sodai/pipeline/bullmq');
      const store = await openRunStore(c.resolved.config, c.paths);
      const worker = await startWorker({
        redisUrl: c.resolved.config.redisUrl,
        queueName: c.resolved.config.queueName,
        dags: [buildWeeklyDag(c.flowEnv())],
        store,
        concurrency: o.concurrency,
      });
      process.stderr.write(`worker ${process.pid} waiting for tasks\n`);
      await untilStopped();
      await worker.close();
      await store.close();
    });
}
