import { Option, type Command } from 'commander';
import type { AlertRecord } from '../../monitor/alerts/alert-store.ts';
import { loadAppContext } from '../load-app-context.ts';
import { positiveInt } from '../option-parsers.ts';

/** The `monitor` command group, created by whichever monitor command registers first. */
export function monitorGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'monitor') ??
    program.command('monitor').description('realized performance, alerts and usage of the serving model')
  );
}

function line(a: AlertRecord): string {
  const ack = a.acknowledgedBy ? ` (ack ${a.acknowledgedBy})` : '';
  const when =
    a.state === 'open' ? `since ${a.openedAt.toISOString()}` : `resolved ${a.resolvedAt?.toISOString()}`;
  return `${a.state.padEnd(8)} ${a.severity.padEnd(8)} ${a.rule.padEnd(20)} ${when}${ack}\n  ${a.summary}\n  id ${a.id}`;
}

/** `sodai monitor alerts [--state S] [--limit N] [--ack ID [--by NAME]] [--json]`. */
export function registerAlertCommands(program: Command): void {
  monitorGroup(program)
    .command('alerts')
    .description('list alerts (newest first) or acknowledge one')
    .addOption(
      new Option('--state <state>', 'which alerts').choices(['open', 'resolved', 'all']).default('all'),
    )
    .option('--limit <n>', 'at most this many', positiveInt, 50)
    .option('--ack <id>', 'acknowledge this alert')
    .option('--by <name>', 'who acknowledges (default: $USER)')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        state: 'open' | 'resolved' | 'all';
        limit: number;
        ack?: string;
        by?: string;
        json?: boolean;
      }) => {
        const { openAlertStore } = await import('../../monitor/alerts/alert-store.ts');
        const { alertJson } = await import('../../monitor/alerts/alert-json.ts');
        const ctx = await loadAppContext(program.opts<{ config?: string }>().config);
        const store = await openAlertStore({
          databaseUrl: ctx.resolved.config.databaseUrl,
          dataDir: ctx.paths.dataDir,
        });
        try {
          if (o.ack) {
            const acked = await store.acknowledge(o.ack, o.by ?? process.env.USER ?? 'cli', Date.now());
            process.stdout.write(
              o.json ? `${JSON.stringify(alertJson(acked))}\n` : `acknowledged\n${line(acked)}\n`,
            );
            return;
          }
          const alerts = await store.list({
            ...(o.state === 'all' ? {} : { state: o.state }),
            limit: o.limit,
          });
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ alerts: alerts.map(alertJson) }, null, 2)}\n`);
            return;
          }
          if (alerts.length === 0)
            process.stdout.write(`no ${o.state === 'all' ? '' : `${o.state} `}alerts\n`);
          for (const a of alerts) process.stdout.write(`${line(a)}\n`);
        } finally {
          await store.close();
        }
      },
    );
}
