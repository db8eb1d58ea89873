import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { ingestBatches } from '../../data/load-data.ts';
import { SodaiError } from '../../errors.ts';
import { appContext } from '../app-context.ts';
import { formatReportSummary } from '../report-summary.ts';
import type { ValidationReport } from '../../data/ingest/validation-report.ts';

/** Prints each report and sets a failing exit code when any batch was rejected. */
export function printReports(reports: readonly ValidationReport[]): void {
  for (const report of reports) process.stdout.write(`${formatReportSummary(report)}\n`);
  if (reports.some((r) => r.outcome === 'rejected')) process.exitCode = 1;
}

interface IngestCommandOptions {
  asOf?: string;
  replace?: boolean;
  reason?: string;
  actor?: string;
}

/** The recorded who and why of a correction; a replacement without a reason is refused. */
function correctionOf(opts: IngestCommandOptions): { actor: string; reason: string } | undefined {
  if (!opts.replace) {
    if (opts.reason !== undefined || opts.actor !== undefined)
      throw new SodaiError('INVALID_ARGUMENT', '--reason and --actor only apply with --replace');
    return undefined;
  }
  const reason = opts.reason?.trim() ?? '';
  if (reason === '')
    throw new SodaiError('INVALID_ARGUMENT', '--replace needs --reason "<why the week is corrected>"');
  const actor = (opts.actor ?? process.env.SODAI_ACTOR ?? userInfo().username).trim();
  if (actor === '') throw new SodaiError('INVALID_ARGUMENT', '--actor is empty');
  return { actor, reason };
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'validate and ingest weekly transaction files (a file or every file of a folder, in name order)',
    )
    .argument('[path]', 'file or folder (default: the landing folder)')
    .option(
      '--as-of <date>',
      'delivery day (YYYY-MM-DD); later purchase dates are quarantined (default: today)',
    )
    .option(
      '--replace',
      "correct delivered weeks: the stored transactions in each file's dates are replaced by its rows",
    )
    .option('--reason <text>', 'why the delivered data is replaced (required with --replace; recorded)')
    .option('--actor <name>', 'who replaces it (recorded; default: $SODAI_ACTOR or the OS user)')
    .action(async (target: string | undefined, opts: IngestCommandOptions) => {
      const ctx = appContext(program.opts<{ config?: string }>().config);
      const replace = correctionOf(opts);
      const store = await ctx.openStore();
      try {
        const options = { ...ctx.ingestOptions(opts), ...(replace ? { replace } : {}) };
        printReports(await ingestBatches(store, target ?? ctx.paths.landingDir, options));
      } finally {
        await store.close();
      }
    });
}
