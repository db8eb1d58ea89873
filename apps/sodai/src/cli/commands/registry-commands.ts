import type { Command } from 'commander';
import {
  findRuns,
  formatRunDetails,
  formatRunsComparison,
  formatRunsList,
  isTrackingError,
  modelsList,
  modelsPromote,
  modelsRollback,
  modelsShow,
  type RunsListOptions,
  type TrackingClient,
} from '@sodai/tracking';
import { SodaiError } from '../../errors.ts';
import { MODEL_NAME } from '../../model/model-names.ts';
import { loadAppContext } from '../load-app-context.ts';
import { positiveInt } from '../option-parsers.ts';
import { printResult, withJson, type JsonOption } from '../output.ts';

async function withTracking(program: Command, work: (client: TrackingClient) => Promise<void>) {
  const client = await (await loadAppContext(program.opts<{ config?: string }>().config)).openTracking();
  try {
    await work(client);
  } finally {
    await client.close();
  }
}

/** Every registered model with its versions and aliases: the data behind `models list --json`. */
async function registeredModels(client: TrackingClient) {
  const models = await client.registry.listRegisteredModels();
  return Promise.all(
    models.map(async (m) => ({
      ...m,
      versions: await client.registry.listModelVersions(m.name),
      aliases: await client.registry.listAliases(m.name),
    })),
  );
}

async function registeredModel(client: TrackingClient, name: string) {
  const model = await client.registry.getRegisteredModel(name);
  const aliases = await client.registry.listAliases(name);
  return {
    ...model,
    versions: await client.registry.listModelVersions(name),
    aliases: await Promise.all(
      aliases.map(async (a) => ({ ...a, history: await client.registry.getAliasHistory(name, a.alias) })),
    ),
  };
}

/**
 * `sodai models show 1` reads 1 as a model's name; the answer says which names exist, and that one
 * model's versions are all on its page.
 */
async function unknownModel(client: TrackingClient, name: string): Promise<SodaiError> {
  const names = (await client.registry.listRegisteredModels()).map((m) => m.name);
  const known = names.length > 0 ? `registered: ${names.join(', ')}` : 'none is registered yet';
  return new SodaiError(
    'NOT_FOUND',
    `no registered model named "${name}" (${known}); \`sodai models show ${names[0] ?? MODEL_NAME}\` lists every version of one`,
  );
}

/** Where an alias points after a move, and the move itself (the latest history entry). */
async function aliasState(client: TrackingClient, name: string, alias: string) {
  const current = await client.registry.getAlias(name, alias);
  const history = await client.registry.getAliasHistory(name, alias);
  return { model: name, alias, version: current.version, move: history.at(-1) ?? null };
}

/** `sodai runs …` (experiment runs) and `sodai models …`: the tracking package's views, wired to this app's store. */
export function registerRegistryCommands(program: Command): void {
  const runs = program
    .command('runs')
    .description('experiment runs (trainings and their tuning trials): list, show, compare');
  const list = withJson(
    runs
      .command('list')
      .description('experiment runs, newest first (nothing on a fresh install)')
      .option('--experiment <name>', 'experiment', MODEL_NAME)
      .option('--filter <expr>', 'e.g. "metrics.test_f1 > 0.5 and tags.kind = \'training\'"')
      .option('--order-by <expr>', 'e.g. "metrics.test_f1 desc"')
      .option('--status <list>', 'RUNNING,FINISHED,FAILED,KILLED')
      .option('-n, --limit <n>', 'how many', positiveInt, 20),
  );
  list.action((o: RunsListOptions & JsonOption) =>
    withTracking(program, async (c) => {
      let found: Awaited<ReturnType<typeof findRuns>>;
      try {
        found = await findRuns(c, o);
      } catch (error) {
        // Before the first training the default experiment does not exist yet: that is "no runs",
        // not an error. An experiment the user named and got wrong still fails.
        const named = list.getOptionValueSource('experiment') !== 'default';
        if (named || !isTrackingError(error, 'EXPERIMENT_NOT_FOUND')) throw error;
        found = [];
      }
      printResult(o, found, () => formatRunsList(found, o));
    }),
  );
  withJson(runs.command('show').description('one experiment run: params, metrics, tags, artifacts'))
    .argument('<run-id>')
    .action((id: string, o: JsonOption) =>
      withTracking(program, async (c) => {
        const details = await c.getRunDetails(id);
        printResult(o, details, () => formatRunDetails(details));
      }),
    );
  withJson(runs.command('compare').description('experiment runs side by side'))
    .argument('<run-ids...>', 'two to five run ids')
    .action((ids: string[], o: JsonOption) =>
      withTracking(program, async (c) => {
        const details = await c.compareRuns(ids);
        printResult(o, details, () => formatRunsComparison(details));
      }),
    );

  const models = program.command('models').description('model registry: versions, aliases, promotions');
  withJson(models.command('list').description('registered models, their versions and aliases')).action(
    (o: JsonOption) =>
      withTracking(program, async (c) => {
        const text = o.json ? '' : await modelsList(c);
        printResult(o, o.json ? await registeredModels(c) : null, () => text);
      }),
  );
  withJson(models.command('show').description("a model's versions and each alias's history"))
    .argument('[name]', 'registered model', MODEL_NAME)
    .action((name: string, o: JsonOption) =>
      withTracking(program, async (c) => {
        try {
          const text = o.json ? '' : await modelsShow(c, name);
          printResult(o, o.json ? await registeredModel(c, name) : null, () => text);
        } catch (error) {
          if (!isTrackingError(error, 'MODEL_NOT_FOUND')) throw error;
          throw await unknownModel(c, name);
        }
      }),
    );
  withJson(
    models
      .command('promote')
      .description('point an alias (default champion) at a version; needs a reason')
      .requiredOption('--version <n>', 'version', positiveInt)
      .requiredOption('--reason <text>', 'why')
      .option('--alias <name>', 'alias', 'champion')
      .option('--model <name>', 'registered model', MODEL_NAME),
  ).action((o: { version: number; reason: string; alias: string; model: string } & JsonOption) =>
    withTracking(program, async (c) => {
      const text = await modelsPromote(c, {
        name: o.model,
        version: o.version,
        alias: o.alias,
        actor: actor(),
        reason: o.reason,
      });
      printResult(o, o.json ? await aliasState(c, o.model, o.alias) : null, () => text);
    }),
  );
  withJson(
    models
      .command('rollback')
      .description('move an alias back to the version it held before (or --to-version)')
      .requiredOption('--reason <text>', 'why')
      .option('--alias <name>', 'alias', 'champion')
      .option('--to-version <n>', 'version to return to', positiveInt)
      .option('--model <name>', 'registered model', MODEL_NAME),
  ).action((o: { reason: string; alias: string; toVersion?: number; model: string } & JsonOption) =>
    withTracking(program, async (c) => {
      const text = await modelsRollback(c, {
        name: o.model,
        alias: o.alias,
        actor: actor(),
        reason: o.reason,
        ...(o.toVersion !== undefined ? { toVersion: o.toVersion } : {}),
      });
      printResult(o, o.json ? await aliasState(c, o.model, o.alias) : null, () => text);
    }),
  );
}

function actor(): string {
  return `cli:${process.env.USER ?? 'unknown'}`;
}
