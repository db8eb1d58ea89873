import type { Command } from 'commander';
import { isoDay, positiveInt } from '../option-parsers.ts';
import { SodaiError } from '../../errors.ts';
import { loadAppContext } from '../load-app-context.ts';
import { printResult, withJson, type JsonOption } from '../output.ts';
import { printReports } from './ingest-command.ts';
import { registerGenerateCommand } from './generate-command.ts';

export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('raw data: load, generate, split, inspect');

  withJson(
    data
      .command('load')
      .description('initial load: customers and products (upserted), then transactions, all validated')
      .argument(
        '[folder]',
        'a folder with clientes, productos and transacciones (.parquet or .csv); --customers, --products, --transactions name single files instead',
      )
      .option('--customers <file>', 'customers Parquet/CSV (clientes)')
      .option('--products <file>', 'products Parquet/CSV (productos)')
      .option('--transactions <file>', 'transactions Parquet/CSV (transacciones)')
      .option('--as-of <date>', 'delivery day; later purchase dates are quarantined', isoDay),
  ).action(
    async (
      folder: string | undefined,
      opts: { customers?: string; products?: string; transactions?: string; asOf?: string } & JsonOption,
    ) => {
      const { loadInitialData } = await import('../../data/load-data.ts');
      const { findRawDataFiles } = await import('../../data/raw-data-files.ts');
      const named = { customers: opts.customers, products: opts.products, transactions: opts.transactions };
      if (!folder && !named.customers && !named.products && !named.transactions) {
        throw new SodaiError(
          'INVALID_ARGUMENT',
          'give a folder, or at least one of --customers, --products, --transactions',
        );
      }
      // A file named by an option wins over the folder's file of the same table.
      const files = { ...(folder ? findRawDataFiles(folder) : {}), ...definedOnly(named) };
      const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
      const store = await ctx.openStore();
      try {
        const reports = await loadInitialData(store, files, ctx.ingestOptions(opts));
        const s = await store.summary();
        if (opts.json) printResult(opts, { reports, store: s }, () => '');
        else {
          printReports(reports);
          process.stdout.write(
            `store: ${s.customers} customers, ${s.products} products, ${s.transactions.toLocaleString('en')} transactions` +
              ` (${s.firstDate ?? '—'} … ${s.lastDate ?? '—'}), ${s.quarantined} quarantined rows\n`,
          );
        }
        if (reports.some((r) => r.outcome === 'rejected')) process.exitCode = 1;
      } finally {
        await store.close();
      }
    },
  );

  withJson(
    data
      .command('split-weeks')
      .description('cut a transactions file into one batch file per week (Monday to Sunday)')
      .requiredOption('--in <path>', 'transactions file, or a folder with transacciones.parquet')
      .requiredOption('--out <dir>', 'folder for week-YYYY-MM-DD.parquet files')
      .option('--last <n>', 'only the last N weeks', positiveInt)
      .option('--history <dir>', 'also write the data before the first batch (and reference files) here'),
  ).action(async (opts: { in: string; out: string; last?: number; history?: string } & JsonOption) => {
    const { splitWeeks } = await import('../../data/split-weeks.ts');
    const batches = await splitWeeks({
      input: opts.in,
      outDir: opts.out,
      ...(opts.last !== undefined ? { lastWeeks: opts.last } : {}),
      ...(opts.history ? { historyDir: opts.history } : {}),
    });
    printResult(opts, { out: opts.out, batches }, () =>
      [
        ...batches.map((b) => `${b.file}\t${b.rows}`),
        `${batches.length} weekly batches written to ${opts.out}`,
      ].join('\n'),
    );
  });

  withJson(
    data
      .command('batches')
      .description('the ingestion log: every file, its outcome and its report')
      .option('-n, --limit <n>', 'how many', positiveInt, 50),
  ).action(async (opts: { limit: number } & JsonOption) => {
    const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
    const store = await ctx.openStore();
    try {
      const batches = await store.ingestions(opts.limit);
      printResult(opts, batches, () =>
        batches.length === 0
          ? 'no batches ingested yet'
          : batches
              .map(
                (r) =>
                  `${r.startedAt}  ${r.outcome.padEnd(8)} ${r.table.padEnd(12)} accepted ${String(r.rowsAccepted).padStart(8)}` +
                  `  quarantined ${String(r.rowsQuarantined).padStart(6)}  ${r.dateMin ?? ''}…${r.dateMax ?? ''}  ${r.file}`,
              )
              .join('\n'),
      );
    } finally {
      await store.close();
    }
  });

  withJson(
    data
      .command('landing')
      .description(
        'the batch files waiting in the landing (folder or S3 prefix), each ingested, refused or waiting; --remove takes one out',
      )
      .option('--remove <file>', 'remove this batch file (the data of an ingested one stays)'),
  ).action(async (opts: { remove?: string } & JsonOption) => {
    const path = await import('node:path');
    const { openBatchLanding } = await import('../../data/sources/batch-landing.ts');
    const { configuredSource } = await import('../../data/sources/batch-source.ts');
    const { landingStatus, removeFromLanding } = await import('../../data/sources/landing-status.ts');
    const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
    const source = configuredSource(ctx.resolved.config, ctx.paths.landingDir);
    const landing = await openBatchLanding(source, path.join(ctx.paths.dataDir, 'cache'));
    if (!landing) {
      throw new SodaiError(
        'INVALID_ARGUMENT',
        'the configured source is a Postgres table: it has no landing',
      );
    }
    const store = await ctx.openStore();
    try {
      if (opts.remove !== undefined) {
        const outcome = await removeFromLanding(landing, store.shared.catalog, opts.remove);
        if (!outcome)
          throw new SodaiError('FILE_NOT_FOUND', `no batch file ${opts.remove} in ${landing.where}`);
        if (outcome.removed.state === 'refused' && outcome.refusedLeft === 0 && ctx.alerting.alerts.enabled) {
          const { openAlertCenter } = await import('../../monitor/alerts/open-alerting.ts');
          const { refusedFilesRemoved } = await import('../../monitor/alerts/pipeline-rules.ts');
          const center = await openAlertCenter(ctx.alerting);
          try {
            await center.observe([refusedFilesRemoved(opts.remove, process.env.USER ?? 'cli')]);
          } finally {
            await center.store.close();
          }
        }
        printResult(
          opts,
          { removed: outcome.removed.name, state: outcome.removed.state },
          () => `removed ${outcome.removed.name} (${outcome.removed.state}) from ${landing.where}`,
        );
        return;
      }
      const files = await landingStatus(await landing.files(), store.shared.catalog);
      printResult(opts, { where: landing.where, files }, () =>
        files.length === 0
          ? `no batch file in ${landing.where}`
          : [
              landing.where,
              ...files.map(
                (f) =>
                  `${f.state.padEnd(8)} ${f.name}  ${f.bytes} bytes` +
                  (f.batchId ? `  batch ${f.batchId}` : '') +
                  (f.message ? `\n         ${f.message}` : ''),
              ),
            ].join('\n'),
      );
    } finally {
      await store.close();
      await landing.close();
    }
  });

  registerGenerateCommand(data);
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
