import type { Command } from 'commander';
import { nonNegativeInt, port } from '../option-parsers.ts';
import { loadAppContext } from '../load-app-context.ts';
import { cliLogger } from '../cli-logger.ts';
import { untilStopped } from '../until-stopped.ts';
import type { ServeOptions } from '../../serve/build-server.ts';
import { Access } from '../../serve/access.ts';
import type { SodaiConfig } from '../../config/config-schema.ts';

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
    .option(
      '--poll-ms <ms>',
      'how often to check the champion alias and, with --schedule, the landing (0 = never)',
      nonNegativeInt,
    )
    .option('--cors <origins...>', 'origins allowed by CORS (default: none)')
    .option('--schedule', 'also run the weekly schedule and the landing sensor in this process')
    .option(
      '--rate-limit <n>',
      'requests a client may send to public routes per minute (0 = no limit; default 6000)',
      nonNegativeInt,
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
        const { watchSchedule } = await import('../../flows/pipeline-runtime.ts');
        const { startServingWithPipeline } = await import('../serving-with-pipeline.ts');
        const { taskProcess } = await import('../task-process.ts');
        const configFile = program.opts<{ config?: string }>().config;
        const c = await loadAppContext(configFile);
        const store = await c.openStore();
        const tracking = await c.openTracking();
        const { runtime, app } = await startServingWithPipeline(c, store, tracking, {
          serve: true,
          ...(c.resolved.config.server.pipelineTasks === 'process'
            ? { taskProcess: taskProcess(configFile) }
            : {}),
          serveOptions: {
            ...exitWhenBroken(c.resolved.config.server.exitWhenBrokenS),
            loggerInstance: cliLogger().child({}, { level: c.resolved.config.logLevel }),
            ...(o.pollMs !== undefined ? { pollIntervalMs: o.pollMs } : {}),
            ...(o.cors ? { corsOrigins: o.cors } : {}),
            ...(o.rateLimit !== undefined
              ? { rateLimit: o.rateLimit === 0 ? false : { max: o.rateLimit, timeWindowMs: 60_000 } }
              : {}),
          },
        });
        const schedule = o.schedule
          ? watchSchedule(runtime, {
              landing: await c.openLanding(),
              catchUp: false,
              ...(o.pollMs !== undefined && o.pollMs > 0 ? { pollMs: o.pollMs } : {}),
            })
          : undefined;
        const address = await app!.listen({
          port: o.port ?? c.resolved.config.server.port,
          host: o.host ?? c.resolved.config.server.host,
        });
        cliLogger().info({ address, docs: `${address}/docs` }, 'sodai serving');
        const closed = closedReadsNote(c.resolved.config.server);
        if (closed) cliLogger().warn(closed);
        await untilStopped();
        await schedule?.stop();
        await app!.close();
        await runtime.close();
        await tracking.close();
        await store.close();
      },
    );
}

/**
 * Why the web app's data, pipeline, model and monitoring pages will ask every visitor to sign in
 * with a token nobody has, or undefined when someone can read them. Said at start-up: the pages
 * only say it to a visitor, who cannot change it.
 */
export function closedReadsNote(server: SodaiConfig['server']): string | undefined {
  if (server.publicRead === 'all' || Access.fromConfig(server).hasReaders) return undefined;
  return (
    'no reader token is configured and reads are closed (server.publicRead: predictions): the web ' +
    "app's data, pipeline, model and monitoring pages are shown to nobody. Give out tokens with " +
    'SODAI_TOKENS=name:reader:<secret>[,…] (or SODAI_ADMIN_TOKEN), or set SODAI_PUBLIC_READ=all to ' +
    'let everyone who reaches this server read them'
  );
}

/** EX_SOFTWARE: the process is broken beyond repair; a supervisor (systemd, Kubernetes) restarts it. */
const EXIT_BROKEN = 70;

function exitWhenBroken(seconds: number): Pick<ServeOptions, 'brokenFor'> {
  if (seconds === 0) return {};
  return {
    brokenFor: {
      ms: seconds * 1000,
      onBroken(reason) {
        process.stderr.write(`sodai serve: dependencies failing for ${seconds} s (${reason}); exiting\n`);
        process.exit(EXIT_BROKEN);
      },
    },
  };
}
