import { userInfo } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { BatchSourceSpec } from '../../data/sources/batch-source.ts';
import { maskUrl } from '../../data/sources/mask-url.ts';
import { SodaiError } from '../../errors.ts';
import { loadAppContext } from '../load-app-context.ts';
import { isoDay } from '../option-parsers.ts';
import { printResult, withJson, type JsonOption } from '../output.ts';
import { formatReportSummary } from '../report-summary.ts';
import type { ValidationReport } from '../../data/ingest/validation-report.ts';

/** Prints each report (all as one JSON array with `--json`); a rejected batch fails the exit code. */
export function printReports(reports: readonly ValidationReport[], options: JsonOption = {}): void {
  if (options.json) printResult(options, reports, () => '');
  else for (const report of reports) process.stdout.write(`${formatReportSummary(report)}\n`);
  if (reports.some((r) => r.outcome === 'rejected')) process.exitCode = 1;
}

interface IngestFlags {
  asOf?: string;
  table?: string;
  query?: string;
  watermarkColumn?: string;
  replace?: boolean;
  reason?: string;
  actor?: string;
}

/** The recorded who and why of a correction; a replacement without a reason is refused. */
function correctionOf(opts: IngestFlags): { actor: string; reason: string } | undefined {
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

/** What the command line names: a URL, a file or folder; the Postgres flags only go with a postgres URL. */
function sourceFromArguments(target: string, flags: IngestFlags): BatchSourceSpec {
  const postgresFlags = [flags.table, flags.query, flags.watermarkColumn].some((f) => f !== undefined);
  if (/^postgres(ql)?:\/\//i.test(target)) {
    if ((flags.table === undefined) === (flags.query === undefined)) {
      throw new SodaiError('INVALID_ARGUMENT', `${maskUrl(target)}: give exactly one of --table and --query`);
    }
    if (flags.watermarkColumn === undefined) {
      throw new SodaiError(
        'INVALID_ARGUMENT',
        `${maskUrl(target)}: --watermark-column is required (each run reads the rows after the last one landed)`,
      );
    }
    return {
      kind: 'postgres',
      url: target,
      watermarkColumn: flags.watermarkColumn,
      ...(flags.table !== undefined ? { table: flags.table } : { query: flags.query! }),
    };
  }
  if (postgresFlags) {
    throw new SodaiError(
      'INVALID_ARGUMENT',
      '--table, --query and --watermark-column only apply to a postgres:// source',
    );
  }
  if (/^s3:\/\//i.test(target)) return { kind: 's3', url: target };
  return { kind: 'folder', path: target };
}

function describeSource(source: BatchSourceSpec): string {
  if (source.kind === 'folder') return source.path ?? '(landing folder)';
  return maskUrl(source.url);
}

export function registerIngestCommand(program: Command): void {
  withJson(program.command('ingest'))
    .description(
      'validate and ingest weekly transactions: a file, every file of a folder or of an s3:// prefix ' +
        '(in name order, each once), or the new rows of a Postgres table',
    )
    .argument(
      '[source]',
      'file, folder, s3://bucket/prefix/ or postgres://… (default: the configured source, else the landing folder)',
    )
    .option(
      '--as-of <date>',
      'delivery day (YYYY-MM-DD); later purchase dates are quarantined (default: today)',
      isoDay,
    )
    .option(
      '--replace',
      "correct delivered weeks: the stored transactions in each file's dates are replaced by its rows",
    )
    .option('--reason <text>', 'why the delivered data is replaced (required with --replace; recorded)')
    .option('--actor <name>', 'who replaces it (recorded; default: $SODAI_ACTOR or the OS user)')
    .option('--table <schema.table>', 'postgres source: the table to read')
    .option('--query <sql>', 'postgres source: a SELECT to read instead of a table')
    .option(
      '--watermark-column <column>',
      'postgres source: each run reads the rows after the last landed value of this column',
    )
    .action(async (target: string | undefined, flags: IngestFlags & JsonOption) => {
      const { configuredSource } = await import('../../data/sources/batch-source.ts');
      const { ingestFromSource } = await import('../../data/sources/ingest-from-source.ts');
      const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
      const replace = correctionOf(flags);
      const source =
        target === undefined
          ? configuredSource(ctx.resolved.config, ctx.paths.landingDir)
          : sourceFromArguments(target, flags);
      const store = await ctx.openStore();
      try {
        const reports = await ingestFromSource(
          store,
          source,
          {
            ...ctx.ingestOptions(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
            ...(replace ? { replace } : {}),
          },
          path.join(ctx.paths.dataDir, 'cache'),
          (notice) => process.stderr.write(`warning: ${notice.message}\n`),
        );
        if (reports.length === 0 && !flags.json)
          process.stdout.write(`${describeSource(source)}: nothing new to ingest\n`);
        printReports(reports, flags);
      } finally {
        await store.close();
      }
    });
}
