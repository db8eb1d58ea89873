import type { TaskProcess } from '../flows/pipeline-runtime.ts';
import { RUN_TASK_COMMAND } from './commands/flow-commands.ts';

/**
 * How `sodai serve` runs a pipeline task: this same program (same Node flags, same config file) as
 * `sodai run-task ATTEMPT` in a child process, whose log lines join the server's on stderr. The
 * child runs at niceness 10, so on a machine the server shares with its weekly run the requests
 * get the CPU first and the run takes what is left.
 */
export function taskProcess(configFile: string | undefined): TaskProcess {
  const program = process.argv[1];
  if (!program) throw new Error('cannot tell which program to run tasks with (process.argv[1] is empty)');
  return {
    command: (attempt) => ({
      file: process.execPath,
      args: [
        ...process.execArgv,
        program,
        ...(configFile ? ['--config', configFile] : []),
        RUN_TASK_COMMAND,
        JSON.stringify(attempt),
      ],
    }),
    onStderr: (text) => process.stderr.write(text),
    niceness: 10,
  };
}
