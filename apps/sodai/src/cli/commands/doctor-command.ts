import type { Command } from 'commander';
import type { DoctorCheck } from '../doctor.ts';

const MARK: Record<DoctorCheck['status'], string> = {
  ok: 'ok  ',
  warn: 'WARN',
  fail: 'FAIL',
  skipped: '--  ',
};

function printChecks(checks: readonly DoctorCheck[], onlyProblems: boolean): void {
  for (const c of checks) {
    if (onlyProblems && (c.status === 'ok' || c.status === 'skipped')) continue;
    process.stdout.write(`${MARK[c.status]} ${c.name.padEnd(10)} ${c.detail}\n`);
    if (c.fix) process.stdout.write(`     ${''.padEnd(10)} fix: ${c.fix}\n`);
  }
}

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description(
      'check what SodAI needs (libxgboost, DuckDB, Chromium, disk, configured Postgres/Redis/S3) and say how to fix it',
    )
    .option('--json', 'print the checks as JSON')
    .option('--startup', 'print problems only; fail only when nothing could train (what `npm start` runs)')
    .option(
      '--fetch-libxgboost',
      'first unpack libxgboost into the project when it is missing (Debian/Ubuntu, no root)',
    )
    .addHelpText(
      'after',
      '\nExit status: 1 when a check fails (with --startup: only libxgboost or DuckDB), else 0.\n' +
        'Examples:\n  sodai doctor\n  sodai doctor --json | jq \'.checks[] | select(.status != "ok")\'\n',
    )
    .action(async (o: { json?: boolean; startup?: boolean; fetchLibxgboost?: boolean }) => {
      const { loadConfig, dataPaths } = await import('../../config/load-config.ts');
      const { checkLibxgboost, fetchLibxgboost, runDoctor } = await import('../doctor.ts');
      // The configuration is read but nothing is opened: the doctor must work when the store cannot.
      const file = program.opts<{ config?: string }>().config;
      const { config } = loadConfig(file ? { file } : {});
      if (o.fetchLibxgboost && checkLibxgboost().status !== 'ok') fetchLibxgboost();
      const checks = await runDoctor(config, dataPaths(config));
      const failed = checks.filter((c) => c.status === 'fail' && (!o.startup || c.critical));
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ok: failed.length === 0, checks }, null, 2)}\n`);
      } else {
        printChecks(checks, o.startup === true);
        if (!o.startup) {
          const problems = checks.filter((c) => c.status === 'fail' || c.status === 'warn').length;
          process.stdout.write(problems === 0 ? 'all checks passed\n' : `${problems} problem(s) above\n`);
        } else if (failed.length > 0) {
          process.stdout.write('SodAI cannot train or predict until the failure above is fixed.\n');
        }
      }
      if (failed.length > 0) process.exitCode = 1;
    });
}
