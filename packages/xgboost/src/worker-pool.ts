import { Worker } from 'node:worker_threads';

// Compiled, the worker is plain JS; from sources, a small .mjs entry first gives the thread a
// TypeScript loader.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./worker-train-entry.mjs', import.meta.url)
  : new URL('./worker-train.js', import.meta.url);
const MAX_IDLE = 2;

const idle: Worker[] = [];

/**
 * A training worker: reused when one is idle, so repeated trainings (tuning trials) do not pay
 * the thread and TypeScript-loader start-up each time.
 */
export function acquireWorker(): Worker {
  const worker = idle.pop() ?? new Worker(ENTRY);
  worker.ref();
  return worker;
}

/**
 * Returns a healthy worker to the pool. Idle workers are unref'd so they never keep the process
 * alive; beyond a small number they are terminated.
 */
export function releaseWorker(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/** Terminates idle workers (tests and graceful shutdown). */
export async function closeIdleWorkers(): Promise<void> {
  const workers = idle.splice(0);
  await Promise.all(workers.map((w) => w.terminate()));
}
