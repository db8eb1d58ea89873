import type { TaskProcess } from '../flows/pipeline-runtime.ts';
import { RUN_TASK_COMMAND } from './commands/flow-commands.ts';

/**
 * How `sodai serve` runs pipeline tasks: this same program (same Node flags, same config file) as
 * `sodai run-task` in child processes, whose log lines join the server's on stderr.
 * - A child runs up to 20 attempts one after another and is let go after 10 s without one: a run's
 *   tasks share a process or two instead of each starting the CLI (~1 s), and none stays behind
 *   holding a training's memory long after its run.
 * - Children run at niceness 10: on a machine the server shares with its weekly run, the requests
 *   get the CPU first and the run takes what is left.
 */
export function taskProcess(configFile: string | undefined): TaskProcess {
  const program = process.argv[1];
  if (!program) throw new Error('cannot tell which program to run tasks with (process.argv[1] is empty)');
  return {
    command: () => ({
      file: process.execPath,
      args: [...process.execArgv, program, ...(configFile ? ['--config', configFile] : []), RUN_TASK_COMMAND],
    }),
    onStderr: (text) => process.stderr.write(text),
    niceness: 10,
    attemptsPerChild: 20,
    idleMs: 10_000,
  };
}
