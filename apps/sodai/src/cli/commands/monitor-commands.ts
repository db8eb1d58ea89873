import type { Command } from 'commander';
import { formatTable } from '@sodai/tracking';
import type { RealizedWeek } from '../../monitor/realized-performance.ts';
import { loadAppContext } from '../load-app-context.ts';
import { isoDay } from '../option-parsers.ts';

const f4 = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(4));

/** One line per scored week: what served, the best rule, and the served scorer's ranking metrics. */
export function formatRealizedWeeks(weeks: readonly RealizedWeek[]): string {
  if (weeks.length === 0) return 'no week scored yet: predictions are scored once their week is in the data';
  return formatTable(
    ['week', 'days', 'served', 'F1', 'precision', 'recall', 'NDCG@5', 'best rule', 'rule F1'],
    weeks.map((w) => {
      const served = w.served[0];
      return [
        w.week,
        String(w.daysObserved),
        served ? `v${served.version} ${served.scorer}` : '—',
        f4(served?.metrics.f1),
        f4(served?.metrics.precision),
        f4(served?.metrics.recall),
        f4(served?.metrics.ndcg_at_5),
        w.bestRule?.scorer.slice('rule:'.length) ?? '—',
        f4(w.bestRule?.metrics.f1),
      ];
    }),
  );
}

/** `sodai monitor status|weeks|backfill`: realized performance of the stored predictions. */
export function registerMonitorCommands(program: Command): Command {
  const ctx = () => loadAppContext(program.opts<{ config?: string }>().config);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const monitor = program
    .command('monitor')
    .description('realized performance of past predictions, once their week is in the data');

  monitor
    .command('status')
    .description('scored weeks, the last one, and the weeks still waiting for data or for scoring')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { realizedStatus } = await import('../../monitor/realized-performance.ts');
      const store = await (await ctx()).openStore();
      try {
        const status = await realizedStatus(store);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
          return;
        }
        const last = status.lastScored;
        const served = last?.served[0];
        process.stdout.write(
          [
            `${status.scoredWeeks} week(s) scored`,
            last
              ? `last: week from ${last.week}: ${served ? `v${served.version} ${served.scorer} F1 ${f4(served.metrics.f1)}` : 'no stored predictions'}, best rule F1 ${f4(last.bestRule?.metrics.f1)}`
              : undefined,
            ...status.waiting.map(
              (w) => `waiting for data: week from ${w.week} (${w.daysObserved} of 7 days in)`,
            ),
            ...status.unscored.map((w) => `not scored yet: week from ${w} (run \`sodai monitor backfill\`)`),
          ]
            .filter((l) => l !== undefined)
            .join('\n') + '\n',
        );
      } finally {
        await store.close();
      }
    });

  monitor
    .command('weeks')
    .description('realized metrics of every scored week')
    .option('--json', 'print JSON')
    .option('--from <YYYY-MM-DD>', 'weeks from this cut-off on', isoDay)
    .action(async (o: { json?: boolean; from?: string }) => {
      const { realizedWeeks } = await import('../../monitor/realized-performance.ts');
      const store = await (await ctx()).openStore();
      try {
        const records = store.shared.catalog.monitor;
        const weeks = await realizedWeeks(records, o.from);
        if (o.json) process.stdout.write(`${JSON.stringify(weeks, null, 2)}\n`);
        else if (weeks.length === 0 && o.from !== undefined) {
          const last = (await realizedWeeks(records)).at(-1);
          process.stdout.write(
            `no week scored from ${o.from} on${last ? `; the last scored week is ${last.week}` : ''}\n`,
          );
        } else process.stdout.write(`${formatRealizedWeeks(weeks)}\n`);
      } finally {
        await store.close();
      }
    });

  monitor
    .command('backfill')
    .description('score every past predicted week whose purchases are in the data and not scored yet')
    .option('--rescore', 'score the already scored weeks again too')
    .action(async (o: { rescore?: boolean }) => {
      const { scoreRealizedWeeks } = await import('../../jobs/score-realized.ts');
      const c = await ctx();
      const store = await c.openStore();
      try {
        const scored = await scoreRealizedWeeks(store, c.resolved.config.model, {
          log,
          rescore: o.rescore === true,
        });
        process.stdout.write(
          `${scored.length} week(s) scored${scored.length ? `: ${scored.map((w) => w.week).join(', ')}` : ''}\n`,
        );
      } finally {
        await store.close();
      }
    });
  return monitor;
}
