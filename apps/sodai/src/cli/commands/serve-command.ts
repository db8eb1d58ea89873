import { InvalidArgumentError, type Command } from 'commander';
import { buildServer } from '../../serve/build-server.ts';
import { appContext } from '../app-context.ts';
import { startPipelineRuntime } from '../../flows/pipeline-runtime.ts';
import { buildWeeklyDag, WEEKLY_DAG_ID } from '../../flows/weekly-dag.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError(`expected a port number (0–65535), got "${value}"`);
  }
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  }
  return n;
}

/**
 * `sodai serve [--port N] [--host H] [--poll-ms MS] [--cors ORIGIN...]`: the HTTP API on the
 * configured host and port until SIGINT/SIGTERM.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve /predict, /recommend, /chat, read and admin APIs, /metrics and /docs over HTTP')
    .option('-p, --port <n>', 'port (default: server.port)', port)
    .option('--host <host>', 'address to listen on (default: server.host)')
    .option('--poll-ms <ms>', 'how often to check the champion alias (0 = never)', count)
    .option('--cors <origins...>', 'origins allowed by CORS (default: none)')
    .option('--schedule', 'also run the weekly schedule and the landing-folder sensor in this process')
    .option(
      '--rate-limit <n>',
      'requests a client may send to public routes per minute (0 = no limit; default 6000)',
      count,
    )
    .action(
      async (o: {
        port?: number;
        host?: string;
        pollMs?: number;
        cors?: string[];
        rateLimit?: number;
        schedule?: boolean;
      }) => {
        const c = appContext(program.opts<{ config?: string }>().config);
        const store = await c.openStore();
        const tracking = await c.openTracking();
        // Pipeline runs started here share the server's store (DuckDB allows one process) and reload it.
        const reloadHook: { reload?: () => Promise<string> } = {};
        const runtime = await startPipelineRuntime(
          c.flowEnv({
            store,
            tracking,
            notifyServing: async () => (reloadHook.reload ? reloadHook.reload() : 'no server'),
          }),
        );
        const app = await buildServer({
          config: c.resolved.config,
          store,
          tracking,
          pipeline: {
            store: runtime.store,
            dags: [buildWeeklyDag(c.flowEnv()).toJSON()],
            orchestrator: runtime.orchestrator,
          },
          options: {
            ...(o.pollMs !== undefined ? { pollIntervalMs: o.pollMs } : {}),
            ...(o.cors ? { corsOrigins: o.cors } : {}),
            ...(o.rateLimit !== undefined
              ? { rateLimit: o.rateLimit === 0 ? false : { max: o.rateLimit, timeWindowMs: 60_000 } }
              : {}),
          },
        });
        reloadHook.reload = async () => {
          const outcome = await app.serving.reload();
          return outcome.version === null
            ? `no model to serve: ${outcome.reason ?? ''}`
            : `serving v${outcome.version}`;
        };
        const scheduler = o.schedule ? runtime.orchestrator.startScheduler({ catchUp: false }) : undefined;
        const sensor = o.schedule
          ? runtime.orchestrator.fileSensor({
              dagId: WEEKLY_DAG_ID,
              dir: c.paths.landingDir,
              pattern: /\.(parquet|csv)$/i,
            })
          : undefined;
        const address = await app.listen({
          port: o.port ?? c.resolved.config.server.port,
          host: o.host ?? c.resolved.config.server.host,
        });
        process.stderr.write(`sodai serving on ${address} (docs: ${address}/docs)\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        sensor?.stop();
        scheduler?.stop();
        await app.close();
        await runtime.close();
        await tracking.close();
        store.close();
      },
    );
}
