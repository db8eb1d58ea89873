import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/** JSON for machines (a pipe, a log shipper), pretty for a person at a terminal. */
export function defaultLogFormat(): LogFormat {
  const env = process.env.SODAI_LOG_FORMAT;
  if (env === 'json' || env === 'pretty') return env;
  return process.stderr.isTTY ? 'pretty' : 'json';
}

let logger: Logger | undefined;

/**
 * The process's pino logger, on stderr (stdout is for results). Long-running commands (serve,
 * scheduler, worker) log through it; one-shot commands print notes with `note()`.
 */
export function configureCliLogger(format: LogFormat, level = process.env.SODAI_LOG_LEVEL ?? 'info'): Logger {
  logger =
    format === 'pretty'
      ? pino({ level }, pretty({ destination: 2, colorize: process.stderr.isTTY === true, sync: true }))
      : pino({ level }, pino.destination({ dest: 2, sync: false }));
  return logger;
}

/** The logger set by the CLI's options (JSON on stderr when none was). */
export function cliLogger(): Logger {
  return logger ?? configureCliLogger(defaultLogFormat());
}
