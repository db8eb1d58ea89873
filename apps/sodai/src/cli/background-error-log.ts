import { cliLogger } from './cli-logger.ts';

const QUIET_MS = 10 * 60_000;

/**
 * Where a long-running command's pipeline failures outside any task go (a sensor that cannot read
 * its folder or bucket, a run the pump could not start): the process's log, as errors. A failure
 * that persists recurs at every poll (every few seconds), so the same message is logged once per
 * `quietMs`, saying how often it recurred in between, instead of flooding the log.
 */
export function backgroundErrorLog(
  logger: { error(fields: object, message: string): void } = cliLogger(),
  options: { quietMs?: number; now?: () => number } = {},
): (error: unknown) => void {
  const quietMs = options.quietMs ?? QUIET_MS;
  const now = options.now ?? Date.now;
  const lastLogged = new Map<string, { at: number; since: number }>();
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    const seen = lastLogged.get(message);
    const t = now();
    if (seen && t - seen.at < quietMs) {
      seen.since += 1;
      return;
    }
    if (lastLogged.size >= 100) lastLogged.clear(); // distinct messages are few; this only bounds memory
    lastLogged.set(message, { at: t, since: 0 });
    logger.error(
      { err: error, ...(seen ? { repeatedSinceLastLogged: seen.since } : {}) },
      `pipeline background failure: ${message}`,
    );
  };
}
