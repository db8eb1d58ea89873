import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { GenerationProgress } from '../../data/generator/generate.ts';
import type { GeneratorOptions } from '../../data/generator/generator-options.ts';
import { isoDay, nonNegativeInt, positiveInt } from '../option-parsers.ts';

/** A progress bar on stderr when it is a terminal; nothing otherwise, so logs stay clean. */
export function progressReporter(): { update(p: GenerationProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar(
    { format: '{stage} [{bar}] {value}/{total} weeks | {duration_formatted}', stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (p.stage !== 'transactions') return;
      if (!started) {
        bar.start(p.total, 0, { stage: 'generating' });
        started = true;
      }
      bar.update(p.done, { stage: 'generating' });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function registerGenerateCommand(data: Command): void {
  data
    .command('generate')
    .description('write synthetic clientes/productos/transacciones Parquet files (+ truth.parquet)')
    .option('--customers <n>', 'number of customers', positiveInt, 1569)
    .option('--products <n>', 'number of products', positiveInt, 971)
    .option('--weeks <n>', 'number of weeks', positiveInt, 53)
    .option('--start <date>', 'first day (YYYY-MM-DD)', isoDay, '2024-01-01')
    .option('--seed <n>', 'random seed', nonNegativeInt, 42)
    .option('--drift-week <n>', 'inject drift from this week (0-based)', nonNegativeInt)
    .option('--no-truth', 'do not write truth.parquet')
    .requiredOption('--out <dir>', 'output folder')
    .action(
      async (opts: {
        customers: number;
        products: number;
        weeks: number;
        start: string;
        seed: number;
        driftWeek?: number;
        truth: boolean;
        out: string;
      }) => {
        const { generateData } = await import('../../data/generator/generate.ts');
        const options: GeneratorOptions = {
          customers: opts.customers,
          products: opts.products,
          weeks: opts.weeks,
          start: opts.start,
          seed: opts.seed,
          outDir: opts.out,
          truth: opts.truth,
          ...(opts.driftWeek !== undefined ? { driftWeek: opts.driftWeek } : {}),
        };
        const progress = progressReporter();
        const started = performance.now();
        try {
          const result = await generateData(options, (p) => progress.update(p));
          progress.stop();
          const seconds = (performance.now() - started) / 1000;
          process.stdout.write(
            `wrote ${result.rows.transactions.toLocaleString('en')} transactions, ${result.rows.customers} customers, ` +
              `${result.rows.products} products` +
              (result.rows.truth ? `, ${result.rows.truth.toLocaleString('en')} truth rows` : '') +
              ` to ${opts.out} in ${seconds.toFixed(1)} s\n`,
          );
        } finally {
          progress.stop();
        }
      },
    );
}
