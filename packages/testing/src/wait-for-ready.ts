import type { ChildProcess } from 'node:child_process';

export interface ReadyWait {
  /** The server's base address (`http://127.0.0.1:PORT`); its `/ready` is polled. */
  readonly base: string;
  /** The server's process: its end stops the wait at once. */
  readonly server: ChildProcess;
  /** What the server has printed so far, for the error when it never gets ready. */
  readonly output: () => string;
  /** Default 120 s: a server loads its first model before it is ready. */
  readonly timeoutMs?: number;
}

/**
 * Waits until a `sodai serve` started as a child answers 200 on `/ready`; throws with what it
 * printed if it ends first or the time runs out.
 *
 * @example
 * await waitForReady({ base, server, output: () => stderr });
 */
export async function waitForReady({ base, server, output, timeoutMs = 120_000 }: ReadyWait): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${base}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline || server.exitCode !== null || server.signalCode !== null)
      throw new Error(`server not ready at ${base}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
