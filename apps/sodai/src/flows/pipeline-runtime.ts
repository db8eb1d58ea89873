import path from 'node:path';
import {
  createOrchestrator,
  openSqliteRunStore,
  ProcessExecutor,
  type AnyDag,
  type DagJson,
  type ProcessExecutorOptions,
  type Executor,
  type Orchestrator,
  type RunRecord,
  type RunStore,
} from '@sodai/pipeline';
import { isPostgresUrl } from '@sodai/tracking';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { DataPaths } from '../config/load-config.ts';
import type { FlowEnv } from './flow-env.ts';
import { buildMaintenanceDag } from './maintenance-dag.ts';
import { buildWeeklyDag, NOTIFY_SERVING_TASK, WEEKLY_DAG_ID } from './weekly-dag.ts';
import type { BatchLanding } from '../data/sources/batch-landing.ts';
import { BATCH_FILE } from '../data/sources/batch-source.ts';

/** Run state lives beside the rest of the metadata: SQLite in the data folder, or Postgres. */
export async function openRunStore(config: SodaiConfig, paths: DataPaths): Promise<RunStore> {
  if (isPostgresUrl(config.databaseUrl)) {
    const { openPostgresRunStore } = await import('@sodai/pipeline/postgres');
    return openPostgresRunStore(config.databaseUrl);
  }
  return openSqliteRunStore(path.join(paths.dataDir, 'pipeline.db'));
}

/** How to run one task attempt in a child process (see {@link ProcessExecutor}). */
export type TaskProcess = Pick<
  ProcessExecutorOptions,
  'command' | 'onStderr' | 'niceness' | 'attemptsPerChild' | 'idleMs'
>;

/**
 * BullMQ queues on Redis when `redisUrl` is set (tasks then run in `sodai worker`); else a child
 * process per task when `taskProcess` is given (the server); else inline, in this process.
 */
export async function createExecutor(
  config: SodaiConfig,
  taskProcess?: TaskProcess,
): Promise<Executor | undefined> {
  if (config.redisUrl) {
    const { BullMQExecutor } = await import('@sodai/pipeline/bullmq');
    return new BullMQExecutor({ redisUrl: config.redisUrl, queueName: config.queueName });
  }
  if (!taskProcess) return undefined;
  // The reload task reaches this process's server, which a child could not.
  return new ProcessExecutor({ ...taskProcess, inProcess: new Set([NOTIFY_SERVING_TASK]) });
}

/** The DAGs of the app, as every process that drives or runs their tasks builds them. */
export function buildAppDags(env: FlowEnv, runs: RunStore): AnyDag[] {
  return [buildWeeklyDag(env), buildMaintenanceDag(env, (work) => work(runs))];
}

export interface PipelineRuntime {
  readonly orchestrator: Orchestrator;
  readonly store: RunStore;
  /** The structure of the DAGs it runs (for the UI's graph). */
  readonly dags: readonly DagJson[];
  /** Undefined when tasks run inline. */
  readonly executor: Executor | undefined;
  close(): Promise<void>;
}

/**
 * The orchestrator over the app's DAGs, with interrupted runs recovered before anything else.
 * `onBackgroundError` receives what fails outside any task (a sensor's poll, a run the pump could
 * not start); without it such failures become process warnings.
 */
export async function startPipelineRuntime(
  env: FlowEnv,
  options: { taskProcess?: TaskProcess; onBackgroundError?: (error: unknown) => void } = {},
): Promise<PipelineRuntime> {
  const store = await openRunStore(env.config, env.paths);
  const executor = await createExecutor(env.config, options.taskProcess);
  const dags = buildAppDags(env, store);
  const onRunFinished = env.onRunFinished?.bind(env);
  const orchestrator = createOrchestrator({
    store,
    dags,
    ...(executor ? { executor } : {}),
    ...(onRunFinished ? { onRunFinished: (run: RunRecord) => onRunFinished(run, store) } : {}),
    ...(options.onBackgroundError ? { onError: options.onBackgroundError } : {}),
  });
  await orchestrator.recover();
  return {
    orchestrator,
    store,
    dags: dags.map((d) => d.toJSON()),
    executor,
    async close() {
      await orchestrator.close();
      env.champions.clear();
      await executor?.close();
      await store.close();
    },
  };
}

/**
 * The weekly schedule and the landing sensor (a new batch file in the landing folder, or a new
 * object under the S3 source's prefix, triggers a run), in this process, until `stop()`. Without a
 * landing (a Postgres source) only the schedule runs.
 */
export function watchSchedule(
  runtime: PipelineRuntime,
  options: { landing: BatchLanding | undefined; catchUp: boolean; pollMs?: number },
): { stop(): Promise<void> } {
  const scheduler = runtime.orchestrator.startScheduler({ catchUp: options.catchUp });
  const landing = options.landing;
  const sensor = landing
    ? runtime.orchestrator.fileSensor({
        dagId: WEEKLY_DAG_ID,
        dir: landing.where,
        pattern: BATCH_FILE,
        ...(landing.list ? { list: landing.list } : {}),
        ...(options.pollMs !== undefined ? { intervalMs: options.pollMs } : {}),
      })
    : undefined;
  sensor?.start();
  return {
    async stop() {
      await sensor?.stop();
      scheduler.stop();
      await landing?.close();
    },
  };
}
