import type { Command } from 'commander';
import { ingestBatches } from '../../data/load-data.ts';
import { appContext } from '../app-context.ts';
import { printResult, withJson, type JsonOption } from '../output.ts';
import { formatReportSummary } from '../report-summary.ts';
import type { ValidationReport } from '../../data/ingest/validation-report.ts';

/** Prints each report (all as one JSON array with `--json`); a rejected batch fails the exit code. */
export function printReports(reports: readonly ValidationReport[], options: JsonOption = {}): void {
  if (options.json) printResult(options, reports, () => '');
  else for (const report of reports) process.stdout.write(`${formatReportSummary(report)}\n`);
  if (reports.some((r) => r.outcome === 'rejected')) process.exitCode = 1;
}

export function registerIngestCommand(program: Command): void {
  withJson(program.command('ingest'))
    .description(
      'validate and ingest weekly transaction files (a file or every file of a folder, in name order)',
    )
    .argument('[path]', 'file or folder (default: the landing folder)')
    .option(
      '--as-of <date>',
      'delivery day (YYYY-MM-DD); later purchase dates are quarantined (default: today)',
    )
    .action(async (target: string | undefined, opts: { asOf?: string } & JsonOption) => {
      const ctx = appContext(program.opts<{ config?: string }>().config);
      const store = await ctx.openStore();
      try {
        printReports(
          await ingestBatches(store, target ?? ctx.paths.landingDir, ctx.ingestOptions(opts)),
          opts,
        );
      } finally {
        await store.close();
      }
    });
}
