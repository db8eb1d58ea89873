import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { RunStore, TaskInstance } from '@sodai/pipeline';

/** Where a followed run's progress goes: a bar on a terminal, plain lines in a log or a pipe. */
export interface ProgressSink {
  /** One line: a task's new state or one of its log lines. */
  line(text: string): void;
  /** Tasks finished (any final state) out of all. */
  tasks(done: number, total: number, current: string): void;
  stop(): void;
}

/** Plain lines on a stream (stderr by default): what a log file or CI keeps. */
export function lineSink(stream: NodeJS.WritableStream = process.stderr): ProgressSink {
  return {
    line: (text) => void stream.write(`${text}\n`),
    tasks() {},
    stop() {},
  };
}

/** A bar of finished tasks with the lines printed above it (cli-progress keeps the bar at the bottom). */
export function barSink(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  const bars = new MultiBar(
    {
      format: '{bar} {value}/{total} tasks | {current} | {duration_formatted}',
      stream,
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let bar: SingleBar | undefined;
  return {
    line: (text) => bars.log(`${text}\n`),
    tasks(done, total, current) {
      bar ??= bars.create(total, 0, { current });
      bar.setTotal(total);
      bar.update(done, { current });
    },
    stop: () => bars.stop(),
  };
}

/** A bar when stderr is a terminal, plain lines otherwise. */
export function progressSink(): ProgressSink {
  return process.stderr.isTTY ? barSink(process.stderr) : lineSink(process.stderr);
}

const FINAL = new Set(['success', 'failed', 'skipped', 'upstream_failed']);

const clock = (d: Date) => d.toISOString().slice(11, 19);

/**
 * Follows a pipeline run through its store (so it works whether tasks run here or in a worker):
 * each task's state change and each new log line of each task go to `sink` as they land. Returns
 * a function that stops following after one last look (call it once the run has ended).
 *
 * @example
 * const stop = followRun(store, runId, progressSink());
 * await orchestrator.waitForRun(runId);
 * await stop();
 */
export function followRun(
  store: Pick<RunStore, 'getRun' | 'taskInstances' | 'taskLogs'>,
  runId: string,
  sink: ProgressSink,
  pollMs = 300,
): () => Promise<void> {
  const states = new Map<string, string>();
  const linesSeen = new Map<string, number>();
  let order: readonly string[] | undefined;
  let stopped = false;

  const look = async () => {
    order ??= (await store.getRun(runId)).dag.nodes.map((n) => n.id);
    const tasks = new Map<string, TaskInstance>((await store.taskInstances(runId)).map((t) => [t.taskId, t]));
    for (const id of order) {
      const task = tasks.get(id);
      if (!task) continue;
      const previous = states.get(id);
      if (previous !== task.state) {
        states.set(id, task.state);
        const seconds =
          task.startedAt && task.finishedAt && FINAL.has(task.state)
            ? ` (${((task.finishedAt.getTime() - task.startedAt.getTime()) / 1000).toFixed(1)} s)`
            : '';
        const error = task.error ? ` — ${task.error.split('\n')[0]}` : '';
        // Waiting tasks are the default: only real moves are news.
        if (task.state !== 'pending')
          sink.line(`${clock(new Date())} ${id}: ${task.state}${seconds}${error}`);
      }
      // Logs of tasks that have started; one read per task that may have new lines.
      if (task.state === 'pending' || (previous === task.state && FINAL.has(task.state))) continue;
      const logs = await store.taskLogs(runId, id);
      const seen = linesSeen.get(id) ?? 0;
      for (const entry of logs.slice(seen)) sink.line(`${clock(entry.at)} ${id}: ${entry.message}`);
      linesSeen.set(id, logs.length);
    }
    const done = order.filter((id) => FINAL.has(states.get(id) ?? '')).length;
    const current = order.find((id) => states.get(id) === 'running') ?? '';
    sink.tasks(done, order.length, current);
  };

  let looking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    looking = looking.then(look).catch(() => undefined);
  }, pollMs);
  looking = looking.then(look).catch(() => undefined);
  return async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    await looking;
    await look().catch(() => undefined);
    sink.stop();
  };
}
