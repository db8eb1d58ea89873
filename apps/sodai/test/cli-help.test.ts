import { describe, expect, it } from 'vitest';
import { buildCli } from '../src/cli/build-cli.ts';
import { allCommands, commandPath, HELP_EXAMPLES } from '../src/cli/help-examples.ts';

/** Commands whose result a script may want to read: each must take --json. */
const RESULT_COMMANDS = [
  'config',
  'data load',
  'data batches',
  'data split-weeks',
  'ingest',
  'train',
  'predict',
  'evaluate',
  'runs list',
  'runs show',
  'runs compare',
  'models list',
  'models show',
  'models promote',
  'models rollback',
  'dags list',
  'task run',
  'run',
  'pipelines list',
  'pipelines show',
  'pipelines logs',
  'logs',
  'backfill',
  'replay',
  'gc',
  'migrate',
];

describe('sodai --help', () => {
  const commands = allCommands(buildCli());

  it('every command shows examples at the end of its help', () => {
    const without = commands
      .filter((c) => !(HELP_EXAMPLES[commandPath(c)]?.length ?? 0))
      .map((c) => commandPath(c));
    expect(without).toEqual([]);
    for (const c of commands) {
      let help = '';
      c.configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
      c.outputHelp();
      expect(help, commandPath(c)).toMatch(/\nExamples:\n {2}\$ .*sodai /);
    }
  });

  it('every listing and result command takes --json', () => {
    const byPath = new Map(commands.map((c) => [commandPath(c), c]));
    const missing = RESULT_COMMANDS.filter((p) => !byPath.get(p)?.options.some((o) => o.long === '--json'));
    expect(missing).toEqual([]);
  });

  it('keeps pipeline runs and experiment runs apart', () => {
    const paths = commands.map((c) => commandPath(c));
    expect(paths).toEqual(expect.arrayContaining(['pipelines list', 'pipelines show', 'runs list']));
    expect(paths.filter((p) => p.startsWith('runs ')).sort()).toEqual([
      'runs compare',
      'runs list',
      'runs show',
    ]);
  });
});
