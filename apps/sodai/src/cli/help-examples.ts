import type { Command } from 'commander';

/**
 * Examples shown at the end of each command's `--help`, by command path. One table, so a new
 * command without examples is easy to spot (the CLI test walks every command and asks for them).
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  sodai: [
    'sodai demo',
    'sodai run weekly --follow',
    'sodai --version    (or -V: the version)',
    'sodai --log-format json scheduler',
    'sodai config --json | jq .server',
  ],
  config: ['sodai config', 'sodai config --json | jq .model', 'sodai -c prod.config.json config'],
  data: ['sodai data generate --out ./gen --weeks 20', 'sodai data batches --json'],
  'data load': [
    'sodai data load history    (clientes, productos and transacciones from one folder)',
    'sodai data load --customers gen/clientes.parquet --products gen/productos.parquet --transactions gen/transacciones.parquet',
    'sodai data load --transactions history.csv --as-of 2024-06-30 --json',
  ],
  'data split-weeks': [
    'sodai data split-weeks --in gen --out batches --last 4 --history history',
    "sodai data split-weeks --in gen --out batches --json | jq '.batches[].file'",
  ],
  'data batches': ['sodai data batches -n 10', 'sodai data batches --json | jq ".[0].outcome"'],
  'data landing': [
    'sodai data landing',
    'sodai data landing --remove week-2024-12-30.csv',
    'sodai data landing --json | jq \'.files[] | select(.state == "refused") | .name\'',
  ],
  'data generate': [
    'sodai data generate --out ./gen',
    'sodai data generate --customers 200 --products 100 --weeks 30 --drift-week 25 --out ./gen-small',
  ],
  ingest: [
    'sodai ingest',
    'sodai ingest batches/week-2024-06-03.parquet --json',
    'sodai ingest s3://sodai-batches/landing/',
    'sodai ingest postgres://reader@db/sales --table public.purchases --watermark-column purchase_date',
    'sodai ingest batches/week-2024-06-03.csv --replace --reason "re-export with the missing orders"',
  ],
  monitor: ['sodai monitor status', 'sodai monitor weeks --json | jq ".[-1]"'],
  'monitor status': ['sodai monitor status', 'sodai monitor status --json'],
  'monitor weeks': ['sodai monitor weeks', 'sodai monitor weeks --json'],
  'monitor backfill': ['sodai monitor backfill', 'sodai monitor backfill --rescore'],
  'monitor alerts': [
    'sodai monitor alerts',
    'sodai monitor alerts --state all --json',
    'sodai monitor alerts --ack <alert-id> --by ana',
  ],
  doctor: ['sodai doctor', 'sodai doctor --json', 'sodai doctor --fetch-libxgboost'],
  export: ['sodai export model 3 --format python ./handoff'],
  'export model': ['sodai export model 3 --format python ./handoff', 'python3 ./handoff/score.py'],
  train: ['sodai train', 'sodai train --trials 5 --json | jq .gate'],
  evaluate: ['sodai evaluate', "sodai evaluate --json | jq '.scorers[] | {name, f1: .f1.f1}'"],
  predict: ['sodai predict --out next-week.csv', 'sodai predict --json | jq .predicted'],
  replay: [
    'sodai replay --history history --batches batches --out out --truth',
    'sodai replay --data gen --weeks-from 2024-09-02 --weeks 4 --out out --truth --trials 5',
    'sodai replay --data gen --weeks-from 2024-09-02 --out out --truth --json | jq ".weeks[].model.f1"',
  ],
  runs: ['sodai runs list', 'sodai runs show <run-id>'],
  'runs list': [
    'sodai runs list',
    "sodai runs list --filter \"tags.kind = 'training'\" --order-by 'metrics.test_f1 desc' -n 5",
    'sodai runs list --json | jq ".[].run.id"',
  ],
  'runs show': ['sodai runs show 3f2a…', 'sodai runs show 3f2a… --json | jq .latestMetrics'],
  'runs compare': ['sodai runs compare 3f2a… 9b1c…'],
  models: ['sodai models list', 'sodai models show'],
  'models list': ['sodai models list', 'sodai models list --json'],
  'models show': ['sodai models show', 'sodai models show weekly-purchase --json | jq .aliases'],
  'models promote': ['sodai models promote --version 3 --reason "better on the last 4 weeks"'],
  'models rollback': [
    'sodai models rollback --reason "bad predictions this week"',
    'sodai models rollback --to-version 2 --reason "back to the spring model"',
  ],
  dags: ['sodai dags list', 'sodai dags export weekly --format airflow > dags/sodai_weekly.py'],
  'dags list': ['sodai dags list', 'sodai dags list --json'],
  'dags export': ['sodai dags export weekly --format airflow > dags/sodai_weekly.py'],
  task: ['sodai task run weekly ingest --run-id manual__2026-01-05 --retries 0'],
  'task run': [
    'sodai task run weekly ingest --run-id manual__2026-01-05 --retries 0',
    'sodai task run weekly train --run-id manual__2026-01-05 --json',
  ],
  run: [
    'sodai run weekly',
    'sodai run weekly --retrain force --trials 10 --follow',
    'sodai run weekly --no-follow --json | jq .run.state',
  ],
  pipelines: ['sodai pipelines list', 'sodai pipelines show', 'sodai pipelines logs <run-id> train'],
  'pipelines list': ['sodai pipelines list -n 5', 'sodai pipelines list --json | jq ".[0].state"'],
  'pipelines show': ['sodai pipelines show', 'sodai pipelines show manual__2026-01-05 --json'],
  'pipelines logs': [
    'sodai pipelines logs manual__2026-01-05 train',
    'sodai pipelines logs manual__2026-01-05',
  ],
  logs: ['sodai logs manual__2026-01-05 train', 'sodai logs manual__2026-01-05 --json'],
  backfill: ['sodai backfill --from 2024-05-06 --to 2024-06-03'],
  scheduler: ['sodai scheduler', 'sodai --log-format json scheduler --poll-ms 10000'],
  worker: ['REDIS_URL=redis://127.0.0.1:6379 sodai worker --concurrency 2'],
  'run-task': [`sodai run-task '{"dagId":"weekly","runId":"…","taskId":"predict","attempt":1}'`],
  serve: ['sodai serve', 'SODAI_ADMIN_TOKEN=… sodai serve --port 8080'],
  gc: ['sodai gc --dry-run', 'sodai gc --grace-minutes 120'],
  migrate: ['sodai migrate', 'sodai migrate --json'],
  demo: ['sodai demo', 'npm run demo'],
};

/** `data generate` for a subcommand, `sodai` for the program itself. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length === 0 ? command.name() : names.join(' ');
}

/** Every command of the tree, the program first. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((c) => allCommands(c))];
}

/** Adds each command's examples to the end of its `--help`. */
export function addHelpExamples(program: Command): void {
  for (const command of allCommands(program)) {
    const examples = HELP_EXAMPLES[commandPath(command)];
    if (!examples) continue;
    command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`);
  }
}
