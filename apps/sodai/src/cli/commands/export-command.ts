import path from 'node:path';
import type { Command } from 'commander';
import { SodaiError } from '../../errors.ts';
import { loadAppContext } from '../load-app-context.ts';

/** `v3` or `3` → 3. */
function parseVersion(text: string): number {
  const match = /^v?(\d+)$/.exec(text.trim());
  if (!match) throw new SodaiError('INVALID_ARGUMENT', `version "${text}": expected vN or N, e.g. v3`);
  return Number(match[1]);
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('hand a model to other tools')
    .command('model <version> <dir>')
    .description(
      "write model vN for Python: model.ubj, signature.json, features.sql (DuckDB), the prediction week's feature rows (Parquet, CSV) and score.py",
    )
    .option('--format <format>', 'only "python" today', 'python')
    .addHelpText(
      'after',
      '\nExample:\n  sodai export model v3 --format python ./v3-python && python3 ./v3-python/score.py\n',
    )
    .action(async (versionText: string, dir: string, o: { format: string }) => {
      const { exportModelForPython } = await import('../../jobs/export-python.ts');
      if (o.format !== 'python') {
        throw new SodaiError('INVALID_ARGUMENT', `--format ${o.format}: only "python" is supported`);
      }
      const version = parseVersion(versionText);
      const c = await loadAppContext(program.opts<{ config?: string }>().config);
      const store = await c.openStore();
      const tracking = await c.openTracking();
      try {
        const out = await exportModelForPython(
          store,
          tracking,
          c.resolved.config.model,
          version,
          path.resolve(dir),
        );
        process.stdout.write(
          `v${out.version}, cut-off ${out.cutoff}: ${out.rows.toLocaleString('en')} feature rows → ${out.dir} (${out.files.join(', ')})\n`,
        );
      } finally {
        await tracking.close();
        await store.close();
      }
    });
}
