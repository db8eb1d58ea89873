import { Command, InvalidArgumentError } from 'commander';
import { formatTable } from '@sodai/tracking';
import {
  isPipelineError,
  runAttemptAndReport,
  runSingleTask,
  serveAttempts,
  toAirflowDag,
  type RunRecord,
  type RunStore,
  type TaskInstance,
  type TaskAttempt,
  type TaskLogEntry,
} from '@sodai/pipeline';
import { hostname } from 'node:os';
import type { AppContext } from '../app-context.ts';
import { untilStopped } from '../until-stopped.ts';
import type { WithRuns } from '../../flows/maintenance-dag.ts';
import { MAINTENANCE_DAG_ID, WEEKLY_DAG_ID } from '../../flows/dag-ids.ts';
import { loadAppContext } from '../load-app-context.ts';
import { isoDay, positiveInt } from '../option-parsers.ts';
import { note, printResult, withJson, type JsonOption } from '../output.ts';
import { followRun, progressSink } from '../follow-run.ts';
import { SodaiError } from '../../errors.ts';
import type { Logger } from 'pino';
import { cliLogger } from '../cli-logger.ts';
import { backgroundErrorLog } from '../background-error-log.ts';

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

/** The pipeline's run store for a task run outside an orchestrator (`sodai task run`). */
function withOwnRuns(c: AppContext): WithRuns {
  return async (work) => {
    const { openRunStore } = await import('../../flows/pipeline-runtime.ts');
    const runs = await openRunStore(c.resolved.config, c.paths);
    try {
      return await work(runs);
    } finally {
      await runs.close();
    }
  };
}

async function dagById(dagId: string, c: AppContext) {
  if (dagId === MAINTENANCE_DAG_ID) {
    const { buildMaintenanceDag } = await import('../../flows/maintenance-dag.ts');
    return buildMaintenanceDag(c.flowEnv(), withOwnRuns(c));
  }
  if (dagId !== WEEKLY_DAG_ID)
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `unknown DAG "${dagId}" (known: ${WEEKLY_DAG_ID}, ${MAINTENANCE_DAG_ID})`,
    );
  const { buildWeeklyDag } = await import('../../flows/weekly-dag.ts');
  return buildWeeklyDag(c.flowEnv());
}

/**
 * A run's log lines, of one task or all in DAG order; an unknown run or task is an error naming
 * it (an empty answer would look like a task that logged nothing).
 */
export async function runLogs(
  store: Pick<RunStore, 'getRun' | 'taskLogs'>,
  runId: string,
  task: string | undefined,
): Promise<TaskLogEntry[]> {
  let run: RunRecord;
  try {
    run = await store.getRun(runId);
  } catch (error) {
    if (isPipelineError(error, 'RUN_NOT_FOUND'))
      throw new SodaiError('NOT_FOUND', `no pipeline run "${runId}" (see \`sodai pipelines list\`)`);
    throw error;
  }
  const ids = run.dag.nodes.map((n) => n.id);
  if (task !== undefined && !ids.includes(task))
    throw new SodaiError('NOT_FOUND', `run ${runId} has no task "${task}" (its tasks: ${ids.join(', ')})`);
  const logs: TaskLogEntry[] = [];
  for (const id of task === undefined ? ids : [task]) logs.push(...(await store.taskLogs(runId, id)));
  return logs;
}

/**
 * The run store, with every task log line also written to the process log: a worker's own log
 * then shows what its tasks did (progress included), not only the run store.
 */
function loggingLogs(store: RunStore, log: Logger): RunStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'appendLog') {
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: Parameters<RunStore['appendLog']>) => {
        const [runId, taskId, attempt, level, message] = args;
        log[level === 'warn' || level === 'error' ? level : 'info']({ runId, taskId, attempt }, message);
        return target.appendLog(...args);
      };
    },
  });
}

/** `sodai dags`, `run`, `pipelines list|show|logs`, `logs`, `backfill`, `scheduler`, `worker`: the orchestrator's CLI. */
export function registerFlowCommands(program: Command): void {
  const ctx = () => loadAppContext(program.opts<{ config?: string }>().config);

  const dags = program.command('dags').description('pipeline definitions (DAGs)');
  withJson(dags.command('list').description('the DAGs, their schedules and tasks')).action(
    async (o: JsonOption) => {
      const { buildWeeklyDag } = await import('../../flows/weekly-dag.ts');
      const { buildMaintenanceDag } = await import('../../flows/maintenance-dag.ts');
      const c = await ctx();
      const all = [buildWeeklyDag(c.flowEnv()), buildMaintenanceDag(c.flowEnv(), withOwnRuns(c))].map((d) =>
        d.toJSON(),
      );
      printResult(o, all, () =>
        formatTable(
          ['dag', 'schedule', 'tasks', 'description'],
          all.map((dag) => [dag.id, dag.schedule ?? '—', String(dag.nodes.length), dag.description ?? '']),
        ),
      );
    },
  );
  dags
    .command('export')
    .description('write a DAG for another scheduler: an Airflow DAG file whose tasks call `sodai task run`')
    .argument('[dag]', 'DAG id', WEEKLY_DAG_ID)
    .requiredOption('--format <format>', 'airflow')
    .option('--command <words>', 'how Airflow workers call SodAI', 'sodai')
    .action(async (dagId: string, o: { format: string; command: string }) => {
      if (o.format !== 'airflow')
        throw new SodaiError('INVALID_ARGUMENT', `--format: only "airflow" is supported, not "${o.format}"`);
      const dag = await dagById(dagId, await ctx());
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
    .action(
      async (
        dagId: string,
        taskId: string,
        o: { runId: string; param?: Record<string, string>; retries?: number; json?: boolean },
      ) => {
        const { openRunStore } = await import('../../flows/pipeline-runtime.ts');
        const c = await ctx();
        const dag = await dagById(dagId, c);
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

  withJson(
    program
      .command('run')
      .description('trigger a DAG run now and wait for it, showing task states, logs and progress')
      .argument('[dag]', 'DAG id', WEEKLY_DAG_ID)
      .option('--retrain <mode>', 'auto | force | never')
      .option('--trials <n>', 'TPE trials if it trains', positiveInt)
      .option('-p, --param <key=value>', 'any other parameter (repeatable)', parseParam)
      .option('--follow', 'stream task states and log lines on stderr (default on a terminal)')
      .option('--no-follow', 'only the final table'),
  ).action(
    async (
      dagId: string,
      o: { retrain?: string; trials?: number; param?: Record<string, string>; follow?: boolean } & JsonOption,
    ) => {
      const { startPipelineRuntime } = await import('../../flows/pipeline-runtime.ts');
      const runtime = await startPipelineRuntime((await ctx()).flowEnv());
      try {
        const params = {
          ...o.param,
          ...(o.retrain ? { retrain: o.retrain } : {}),
          ...(o.trials ? { trials: o.trials } : {}),
        };
        const runId = await runtime.orchestrator.trigger(dagId, { params, trigger: 'manual' });
        note(`run ${runId} started`);
        const follow = o.follow ?? process.stderr.isTTY === true;
        const stopFollowing = follow ? followRun(runtime.store, runId, progressSink()) : undefined;
        const run = await runtime.orchestrator.waitForRun(runId);
        await stopFollowing?.();
        const tasks = await runtime.store.taskInstances(runId);
        printResult(o, { run, tasks }, () => formatTasks(run, tasks));
        if (run.state !== 'success') process.exitCode = 1;
      } finally {
        await runtime.close();
      }
    },
  );

  const pipelines = program
    .command('pipelines')
    .description('pipeline runs (the weekly DAG): list, show, logs — experiment runs are `sodai runs`');
  withJson(
    pipelines
      .command('list')
      .description('recent pipeline runs, newest first')
      .option('-n, --limit <n>', 'how many', positiveInt, 20),
  ).action(async (o: { limit: number } & JsonOption) => {
    const { openRunStore } = await import('../../flows/pipeline-runtime.ts');
    const c = await ctx();
    const store = await openRunStore(c.resolved.config, c.paths);
    try {
      const list = await store.listRuns({ limit: o.limit });
      printResult(o, list, () =>
        list.length === 0
          ? 'no pipeline runs'
          : formatTable(
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
            ),
      );
    } finally {
      await store.close();
    }
  });
  withJson(
    pipelines
      .command('show')
      .description('the tasks of a pipeline run, their states and timings')
      .argument('[run-id]', 'pipeline run id (default: the latest)'),
  ).action(async (runId: string | undefined, o: JsonOption) => {
    const { openRunStore } = await import('../../flows/pipeline-runtime.ts');
    const c = await ctx();
    const store = await openRunStore(c.resolved.config, c.paths);
    try {
      const id = runId ?? (await store.listRuns({ limit: 1 }))[0]?.id;
      if (!id) throw new SodaiError('NOT_FOUND', 'no pipeline run yet: start one with `sodai run weekly`');
      const run = await store.getRun(id);
      const tasks = await store.taskInstances(id);
      printResult(o, { run, tasks }, () => formatTasks(run, tasks));
    } finally {
      await store.close();
    }
  });
  const logs = (command: Command) =>
    withJson(
      command
        .description("a pipeline task's captured log lines (every task's when none is named)")
        .argument('<run-id>', 'pipeline run id (`sodai pipelines list`)')
        .argument('[task]', 'task id (`sodai pipelines show <run-id>`)'),
    ).action(async (runId: string, task: string | undefined, o: JsonOption) => {
      const { openRunStore } = await import('../../flows/pipeline-runtime.ts');
      const c = await ctx();
      const store = await openRunStore(c.resolved.config, c.paths);
      try {
        const entries = await runLogs(store, runId, task);
        printResult(o, entries, () =>
          entries
            .map(
              (e) => `${e.at.toISOString()} ${e.taskId} [try ${e.attempt}] ${e.level.padEnd(5)} ${e.message}`,
            )
            .join('\n'),
        );
      } finally {
        await store.close();
      }
    });
  logs(pipelines.command('logs'));
  logs(program.command('logs'));

  withJson(
    program
      .command('backfill')
      .description('one run per scheduled date in a range')
      .requiredOption('--from <date>', 'first day (YYYY-MM-DD)', isoDay)
      .requiredOption('--to <date>', 'last day (YYYY-MM-DD)', isoDay)
      .argument('[dag]', 'DAG id', WEEKLY_DAG_ID),
  ).action(async (dagId: string, o: { from: string; to: string } & JsonOption) => {
    const { startPipelineRuntime } = await import('../../flows/pipeline-runtime.ts');
    const runtime = await startPipelineRuntime((await ctx()).flowEnv());
    try {
      const ids = await runtime.orchestrator.backfill(
        dagId,
        new Date(`${o.from}T00:00:00Z`),
        new Date(`${o.to}T23:59:59Z`),
      );
      note(`${ids.length} run(s) created`);
      const finished: RunRecord[] = [];
      for (const id of ids) {
        const run = await runtime.orchestrator.waitForRun(id);
        if (!o.json) process.stdout.write(`${id} ${time(run.logicalDate)} ${run.state}\n`);
        finished.push(run);
        if (run.state !== 'success') process.exitCode = 1;
      }
      if (o.json) printResult(o, finished, () => '');
    } finally {
      await runtime.close();
    }
  });

  program
    .command('scheduler')
    .description('run the weekly schedule (with catch-up) and the landing sensor until stopped')
    .option('--poll-ms <n>', 'landing (folder or S3 prefix) poll interval', positiveInt, 5000)
    .action(async (o: { pollMs: number }) => {
      const { startPipelineRuntime, watchSchedule } = await import('../../flows/pipeline-runtime.ts');
      const c = await ctx();
      const runtime = await startPipelineRuntime(c.flowEnv(), { onBackgroundError: backgroundErrorLog() });
      const landing = await c.openLanding();
      const schedule = watchSchedule(runtime, { landing, catchUp: true, pollMs: o.pollMs });
      cliLogger().info(
        { watching: landing?.where ?? 'the schedule only (Postgres source)' },
        'scheduler running (Ctrl-C stops)',
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
      const { buildAppDags, openRunStore } = await import('../../flows/pipeline-runtime.ts');
      const c = await ctx();
      if (!c.resolved.config.redisUrl)
        throw new SodaiError('INVALID_ARGUMENT', 'set REDIS_URL (or redisUrl in the config) to run a worker');
      const { startWorker } = await import('@sodai/pipeline/bullmq');
      const log = cliLogger();
      const store = loggingLogs(await openRunStore(c.resolved.config, c.paths), log);
      const worker = await startWorker({
        redisUrl: c.resolved.config.redisUrl,
        queueName: c.resolved.config.queueName,
        dags: buildAppDags(c.flowEnv(), store),
        store,
        concurrency: o.concurrency,
      });
      worker.worker.on('active', (job) => log.info(job.data, 'task started'));
      worker.worker.on('completed', (job, outcome) =>
        log.info({ ...job.data, state: outcome.state, error: outcome.error }, 'task finished'),
      );
      worker.worker.on('failed', (job, error) => log.error({ ...job?.data, err: error }, 'task crashed'));
      // The logger's own fields already carry the pid: a second one made the line's JSON hold the key twice.
      log.info({ queue: c.resolved.config.queueName }, 'worker waiting for tasks');
      await untilStopped();
      await worker.close();
      await store.close();
    });

  // The child side of the server's process executor (see cli/task-process.ts): not for people.
  program
    .command(RUN_TASK_COMMAND, { hidden: true })
    .description(
      'run one task attempt and print its outcome; without ATTEMPT, run those the parent process sends (`sodai serve` starts its task processes so)',
    )
    .argument('[attempt]', '{"dagId","runId","taskId","attempt"}', parseJson)
    .action(async (json: unknown) => {
      const { buildAppDags, openRunStore } = await import('../../flows/pipeline-runtime.ts');
      const given = json === undefined ? undefined : await checkedAttempt(json);
      const c = await ctx();
      const store = loggingLogs(await openRunStore(c.resolved.config, c.paths), cliLogger());
      try {
        const dags = buildAppDags(c.flowEnv(), store);
        const dagFor = (attempt: TaskAttempt) => {
          const dag = dags.find((d) => d.id === attempt.dagId);
          if (!dag) throw new SodaiError('NOT_FOUND', `no DAG ${attempt.dagId}`);
          return dag;
        };
        if (given) await runAttemptAndReport(dagFor(given), store, given);
        else await serveAttempts(dagFor, store);
      } finally {
        await store.close();
      }
    });
}

export const RUN_TASK_COMMAND = 'run-task';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidArgumentError('not JSON');
  }
}

/** The attempt a parent process passed, checked here rather than while parsing: zod loads with the task. */
async function checkedAttempt(value: unknown): Promise<TaskAttempt> {
  const { z } = await import('zod');
  const parsed = z
    .strictObject({
      dagId: z.string().min(1),
      runId: z.string().min(1),
      taskId: z.string().min(1),
      attempt: z.int().min(1),
    })
    .safeParse(value);
  if (!parsed.success) throw new SodaiError('INVALID_ARGUMENT', `attempt: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
