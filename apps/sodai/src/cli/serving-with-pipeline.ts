import type { FastifyInstance } from 'fastify';
import type { TrackingClient } from '@sodai/tracking';
import type { RawStore } from '../store/raw-store.ts';
import { startPipelineRuntime, type PipelineRuntime, type TaskProcess } from '../flows/pipeline-runtime.ts';
import { buildServer, type ServeOptions } from '../serve/build-server.ts';
import type { AppContext } from './app-context.ts';
import { backgroundErrorLog } from './background-error-log.ts';
import { openAlertCenter } from '../monitor/alerts/open-alerting.ts';

export interface ServingWithPipeline {
  readonly runtime: PipelineRuntime;
  /** Absent when only the pipeline was asked for. */
  readonly app: FastifyInstance | undefined;
}

/**
 * One process that serves and drives pipelines: the server shows and starts runs, and a run's last
 * step reloads the server. The server reads through its own snapshot `store`; every pipeline task
 * opens its own, so a job never shares a DuckDB connection with serving. With `taskProcess` the
 * tasks run in child processes, so their memory never becomes the server's.
 */
export async function startServingWithPipeline(
  ctx: AppContext,
  store: RawStore,
  tracking: TrackingClient,
  options: {
    serve: boolean;
    serveOptions?: ServeOptions;
    taskProcess?: TaskProcess;
    /** Serve every read without a token (the demo on this machine); admin actions still need one. */
    openReads?: boolean;
  },
): Promise<ServingWithPipeline> {
  let app: FastifyInstance | undefined;
  const runtime = await startPipelineRuntime(
    ctx.flowEnv({
      tracking,
      notifyServing: async () => {
        if (!app) return 'no server attached';
        const outcome = await app.serving.reload();
        return outcome.version === null
          ? `no model to serve: ${outcome.reason ?? ''}`
          : `serving v${outcome.version}`;
      },
    }),
    {
      ...(options.taskProcess ? { taskProcess: options.taskProcess } : {}),
      onBackgroundError: backgroundErrorLog(),
    },
  );
  if (options.serve) {
    // The server's alerts log through its own logger once it exists.
    const alerts = await openAlertCenter({
      ...ctx.alerting,
      log: (level, line) => (app ? app.log[level](line) : ctx.alerting.log(level, line)),
    });
    try {
      app = await buildServer({
        config: options.openReads
          ? { ...ctx.resolved.config, server: { ...ctx.resolved.config.server, publicRead: 'all' } }
          : ctx.resolved.config,
        store,
        tracking,
        alerts,
        pipeline: {
          store: runtime.store,
          dags: runtime.dags,
          orchestrator: runtime.orchestrator,
          ...(runtime.executor ? { executor: runtime.executor } : {}),
        },
        ...(options.serveOptions ? { options: options.serveOptions } : {}),
      });
    } catch (error) {
      await alerts.store.close();
      throw error;
    }
    app.addHook('onClose', () => alerts.store.close());
  }
  return { runtime, app };
}
