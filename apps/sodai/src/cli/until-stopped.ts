/** Resolves on Ctrl-C or SIGTERM: long-running commands await it, then shut down cleanly. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
