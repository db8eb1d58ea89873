import type { Command } from 'commander';
import { openSharedStore } from '../../store/shared-store.ts';
import { migrateLegacyStore } from '../../store/migrate-legacy.ts';
import { appContext, describeMigration } from '../app-context.ts';
import { nonNegativeInt } from '../option-parsers.ts';

/** `sodai gc [--dry-run]` and `sodai migrate`: upkeep of the shared store. */
export function registerStoreCommands(program: Command): void {
  program
    .command('gc')
    .description('list (--dry-run) or remove data files no committed snapshot references')
    .option('--dry-run', 'only list the orphan files')
    .option(
      '--grace-minutes <n>',
      'keep orphans younger than this, which may belong to a commit in progress (default: retention.orphanGraceMinutes)',
      nonNegativeInt,
    )
    .action(async (o: { dryRun?: boolean; graceMinutes?: number }) => {
      const ctx = appContext(program.opts<{ config?: string }>().config);
      const shared = await openSharedStore(ctx.resolved.config);
      try {
        const orphans = await shared.catalog.listOrphans(shared.objects, {
          // Files a writer put but has not committed yet must survive: only older orphans go.
          minAgeMs: (o.graceMinutes ?? ctx.resolved.config.retention.orphanGraceMinutes) * 60_000,
        });
        for (const orphan of orphans) {
          if (!o.dryRun) await shared.objects.delete(orphan.key);
          process.stdout.write(`${o.dryRun ? 'orphan' : 'removed'} ${orphan.key} (${orphan.bytes} bytes)\n`);
        }
        process.stdout.write(
          `${orphans.length} orphan file${orphans.length === 1 ? '' : 's'}${o.dryRun ? ' (dry run: nothing removed)' : ' removed'}\n`,
        );
      } finally {
        await shared.close();
      }
    });

  program
    .command('migrate')
    .description("copy an earlier version's store.duckdb into the catalog (also done on first open)")
    .action(async () => {
      const ctx = appContext(program.opts<{ config?: string }>().config);
      const shared = await openSharedStore(ctx.resolved.config);
      try {
        const result = await migrateLegacyStore(ctx.paths.dataDir, shared);
        process.stdout.write(
          result
            ? `${describeMigration(result)}\n`
            : 'nothing to migrate (no store.duckdb, or the catalog has data)\n',
        );
      } finally {
        await shared.close();
      }
    });
}
