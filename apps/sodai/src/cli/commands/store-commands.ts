import type { Command } from 'commander';
import { loadAppContext } from '../load-app-context.ts';
import { describeMigration } from '../describe-migration.ts';
import { nonNegativeInt } from '../option-parsers.ts';
import { formatGc } from '../gc-report.ts';
import { printResult, withJson, type JsonOption } from '../output.ts';

/** `sodai gc [--dry-run] [--json]` and `sodai migrate [--json]`: upkeep of the shared store. */
export function registerStoreCommands(program: Command): void {
  withJson(
    program
      .command('gc')
      .description(
        'apply the retention policy (config "retention"): old runs and task logs, never-promoted model versions, old prediction log segments and quarantined rows, orphan files and model artifacts, built datasets superseded by newer data or settings',
      )
      .option('--dry-run', 'only list what would be removed, and the bytes')
      .option(
        '--grace-minutes <n>',
        'keep orphan files, artifacts, superseded datasets and snapshots younger than this, which may belong to a commit, write or read in progress (default: retention.orphanGraceMinutes)',
        nonNegativeInt,
      ),
  ).action(async (o: JsonOption & { dryRun?: boolean; graceMinutes?: number }) => {
    const { keptDatasets } = await import('../../features/kept-datasets.ts');
    const { RawStore } = await import('../../store/raw-store.ts');
    const { openSharedStore } = await import('../../store/shared-store.ts');
    const { collectGarbage } = await import('../../jobs/collect-garbage.ts');
    const { openRunStore } = await import('../../flows/pipeline-runtime.ts');
    const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
    const { config } = ctx.resolved;
    const retention = {
      ...config.retention,
      orphanGraceMinutes: o.graceMinutes ?? config.retention.orphanGraceMinutes,
    };
    const shared = await openSharedStore(config);
    try {
      // A view of today's data, to tell which built datasets the weekly jobs would read now.
      const store = await RawStore.open(shared);
      try {
        const tracking = await ctx.openTracking();
        try {
          const pipeline = await openRunStore(config, ctx.paths);
          try {
            const datasets = keptDatasets(store, config.model);
            const result = await collectGarbage({ shared, datasets, tracking, pipeline }, retention, {
              dryRun: o.dryRun === true,
            });
            printResult(o, { dryRun: o.dryRun === true, ...result }, () => formatGc(result));
          } finally {
            await pipeline.close();
          }
        } finally {
          await tracking.close();
        }
      } finally {
        await store.close();
      }
    } finally {
      await shared.close();
    }
  });

  withJson(
    program
      .command('migrate')
      .description("copy an earlier version's store.duckdb into the catalog (also done on first open)"),
  ).action(async (o: JsonOption) => {
    const { openSharedStore } = await import('../../store/shared-store.ts');
    const { migrateLegacyStore } = await import('../../store/migrate-legacy.ts');
    const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
    const shared = await openSharedStore(ctx.resolved.config);
    try {
      const result = await migrateLegacyStore(ctx.paths.dataDir, shared);
      printResult(o, { migrated: result !== undefined, ...result }, () =>
        result ? describeMigration(result) : 'nothing to migrate (no store.duckdb, or the catalog has data)',
      );
    } finally {
      await shared.close();
    }
  });
}
