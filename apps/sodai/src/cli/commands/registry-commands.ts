import type { Command } from 'commander';
import {
  modelsList,
  modelsPromote,
  modelsRollback,
  modelsShow,
  runsCompare,
  runsList,
  runsShow,
  type TrackingClient,
} from '@sodai/tracking';
import { MODEL_NAME } from '../../model/registry.ts';
import { appContext } from '../app-context.ts';
import { positiveInt } from '../option-parsers.ts';

async function withTracking(program: Command, work: (client: TrackingClient) => Promise<string>) {
  const client = await appContext(program.opts<{ config?: string }>().config).openTracking();
  try {
    process.stdout.write(`${await work(client)}\n`);
  } finally {
    await client.close();
  }
}

/** `sodai runs …` and `sodai models …`: the tracking package's views, wired to this app's store. */
export function registerRegistryCommands(program: Command): void {
  const runs = program.command('runs').description('experiment runs: list, show, compare');
  runs
    .command('list')
    .option('--experiment <name>', 'experiment', MODEL_NAME)
    .option('--filter <expr>', 'e.g. "metrics.test_f1 > 0.5 and tags.kind = \'training\'"')
    .option('--order-by <expr>', 'e.g. "metrics.test_f1 desc"')
    .option('--status <list>', 'RUNNING,FINISHED,FAILED,KILLED')
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .action((o: { experiment: string; filter?: string; orderBy?: string; status?: string; limit: number }) =>
      withTracking(program, (c) => runsList(c, o)),
    );
  runs
    .command('show')
    .argument('<run-id>')
    .action((id: string) => withTracking(program, (c) => runsShow(c, id)));
  runs
    .command('compare')
    .argument('<run-ids...>', 'two to five run ids')
    .action((ids: string[]) => withTracking(program, (c) => runsCompare(c, ids)));

  const models = program.command('models').description('model registry: versions, aliases, promotions');
  models.command('list').action(() => withTracking(program, (c) => modelsList(c)));
  models
    .command('show')
    .argument('[name]', 'registered model', MODEL_NAME)
    .action((name: string) => withTracking(program, (c) => modelsShow(c, name)));
  models
    .command('promote')
    .description('point an alias (default champion) at a version; needs a reason')
    .requiredOption('--version <n>', 'version', positiveInt)
    .requiredOption('--reason <text>', 'why')
    .option('--alias <name>', 'alias', 'champion')
    .option('--model <name>', 'registered model', MODEL_NAME)
    .action((o: { version: number; reason: string; alias: string; model: string }) =>
      withTracking(program, (c) =>
        modelsPromote(c, {
          name: o.model,
          version: o.version,
          alias: o.alias,
          actor: actor(),
          reason: o.reason,
        }),
      ),
    );
  models
    .command('rollback')
    .description('move an alias back to the version it held before (or --to-version)')
    .requiredOption('--reason <text>', 'why')
    .option('--alias <name>', 'alias', 'champion')
    .option('--to-version <n>', 'version to return to', positiveInt)
    .option('--model <name>', 'registered model', MODEL_NAME)
    .action((o: { reason: string; alias: string; toVersion?: number; model: string }) =>
      withTracking(program, (c) =>
        modelsRollback(c, {
          name: o.model,
          alias: o.alias,
          actor: actor(),
          reason: o.reason,
          ...(o.toVersion !== undefined ? { toVersion: o.toVersion } : {}),
        }),
      ),
    );
}

function actor(): string {
  return `cli:${process.env.USER ?? 'unknown'}`;
}
