import type { Command } from 'commander';

/** The option every listing and result command takes. */
export interface JsonOption {
  readonly json?: boolean;
}

/** Adds `--json` to a command: stdout then holds one JSON document and nothing else. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print the result as one JSON document on stdout (for jq, scripts)');
}

/**
 * Prints a command's result on stdout: `data` as JSON with `--json`, else the text. The text is
 * built only when asked for, so a JSON run never pays for table formatting.
 *
 * @example
 * printResult(o, runs, () => formatTable(['run'], runs.map((r) => [r.id])));
 */
export function printResult(options: JsonOption, data: unknown, text: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(data, null, 2)}\n` : `${text()}\n`);
}

/** A note for the person at the terminal: always stderr, so stdout stays parseable. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}
