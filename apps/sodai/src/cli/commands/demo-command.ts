import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { generateData } from '../../data/generator/generate.ts';
import { ingestBatches, loadInitialData } from '../../data/load-data.ts';
import { splitWeeks } from '../../data/split-weeks.ts';
import { appContext } from '../app-context.ts';
import { printReports } from './ingest-command.ts';

/**
 * The demo grows with the product. Today: generate a year of data when there is none, load all
 * but its last weeks, drop those weeks as batches in the landing folder, ingest them, and report.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('end to end on generated data: generate → load → weekly batches → validate and ingest')
    .option('--weeks <n>', 'weeks of history to generate', (v) => Number(v), 53)
    .option('--batches <n>', 'last weeks replayed as landing batches', (v) => Number(v), 4)
    .action(async (opts: { weeks: number; batches: number }) => {
      const ctx = appContext(program.opts<{ config?: string }>().config);
      const generated = path.join(ctx.paths.dataDir, 'generated');
      if (!existsSync(path.join(generated, 'transacciones.parquet'))) {
        process.stdout.write(`generating ${opts.weeks} weeks of synthetic data in ${generated}…\n`);
        await generateData({
          customers: 1569,
          products: 971,
          weeks: opts.weeks,
          start: '2024-01-01',
          seed: 42,
          outDir: generated,
        });
      }
      const history = path.join(ctx.paths.dataDir, 'history');
      await splitWeeks({
        input: generated,
        outDir: ctx.paths.landingDir,
        lastWeeks: opts.batches,
        historyDir: history,
      });
      const store = await ctx.openStore();
      try {
        const files = {
          customers: path.join(history, 'clientes.parquet'),
          products: path.join(history, 'productos.parquet'),
          transactions: path.join(history, 'transacciones.parquet'),
        };
        process.stdout.write('\n== initial load ==\n');
        printReports(await loadInitialData(store, files, ctx.ingestOptions()));
        process.stdout.write(`\n== weekly batches from ${ctx.paths.landingDir} ==\n`);
        printReports(await ingestBatches(store, ctx.paths.landingDir, ctx.ingestOptions()));
        const s = await store.summary();
        process.stdout.write(
          `\nstore ${ctx.paths.storeFile}: ${s.customers} customers, ${s.products} products, ` +
            `${s.transactions.toLocaleString('en')} transactions (${s.firstDate} … ${s.lastDate}), ` +
            `${s.batches} batches ingested, ${s.quarantined} rows quarantined\n` +
            `reports: ${path.join(ctx.paths.reportsDir, 'ingest')}\n`,
        );
      } finally {
        store.close();
      }
    });
}
