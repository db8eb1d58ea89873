import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteRunStore, type RunRecord, type RunStore } from '@sodai/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContext, type AppContext } from '../../src/cli/app-context.ts';
import { openAlertStore } from '../../src/monitor/alerts/alert-store.ts';
import { alertsOnRunFinished } from '../../src/monitor/alerts/open-alerting.ts';
import { WEEKLY_RUN_TASKS } from '../../src/monitor/alerts/weekly-run-alerts.ts';
import { openCatalog } from '../../src/store/catalog/open-catalog.ts';
import { tempDir } from '../helpers.ts';
import { registerVersion, scoredWeekRows } from './realized-fixtures.ts';

const WEEKS_IN_A_ROW = 3;
const dir = tempDir('sodai-realized-alerts-');
let ctx: AppContext;
let runs: RunStore;
let version: number;
/** The notification lines the hook logged (what the webhook would also have been sent). */
const notified: string[] = [];
let runCount = 0;

beforeAll(async () => {
  const configFile = path.join(dir, 'sodai.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({ dataDir: path.join(dir, 'data'), alerts: { realizedBelowRuleWeeks: WEEKS_IN_A_ROW } }),
  );
  ctx = appContext(configFile);
  const tracking = await ctx.openTracking();
  try {
    version = await registerVersion(tracking, 0.5);
  } finally {
    await tracking.close();
  }
  runs = await openSqliteRunStore(path.join(dir, 'runs.db'));
});
afterAll(async () => {
  await runs?.close();
});

/** Scores one more week (below the best rule's 0.42 by default), straight into the deployment's catalog. */
async function scoreWeek(week: string, f1 = 0.3): Promise<void> {
  const catalog = await openCatalog({ dataDir: ctx.paths.dataDir });
  try {
    await catalog.monitor.replaceRealizedWeek(week, scoredWeekRows(week, { version, f1 }, 0.42));
  } finally {
    await catalog.close();
  }
}

/** A finished weekly run, handed to the hook the app context gives the orchestrator. */
async function finishWeeklyRun(week: string): Promise<void> {
  const created = await runs.createRun({
    id: `weekly-${week}-${++runCount}`,
    dag: {
      id: WEEKLY_RUN_TASKS.dagId,
      schedule: null,
      timezone: 'UTC',
      maxActiveRuns: 1,
      description: null,
      nodes: [],
      edges: [],
    },
    trigger: 'manual',
    params: {},
    logicalDate: new Date(`${week}T00:00:00Z`),
  });
  await runs.startRun(created.id, 'test@host');
  const run: RunRecord = await runs.finishRun(created.id, 'success');
  // The app's own alerting options (the realized source included); only the log line is captured.
  await alertsOnRunFinished({ ...ctx.alerting, log: (_level, line) => notified.push(line) })(run, runs);
}

async function openRealizedAlerts() {
  const store = await openAlertStore({ databaseUrl: undefined, dataDir: ctx.paths.dataDir });
  try {
    return (await store.list({ state: 'open' })).filter((a) => a.rule.startsWith('realized_'));
  } finally {
    await store.close();
  }
}

describe("the weekly run's hook evaluates realized performance from the catalog", () => {
  it(`opens no below-rule alert while fewer than ${WEEKS_IN_A_ROW} weeks were scored below the rule`, async () => {
    for (const week of ['2024-05-06', '2024-05-13']) {
      await scoreWeek(week);
      await finishWeeklyRun(week);
    }
    const open = await openRealizedAlerts();
    expect(open.filter((a) => a.rule === 'realized_below_rule')).toEqual([]);
    // The other realized rule is evaluated by the same hook: 0.3 realized vs 0.5 on the test week.
    expect(open.map((a) => a.key)).toEqual([`realized_below_test:v${version}`]);
  });

  it(`opens exactly one below-rule alert after ${WEEKS_IN_A_ROW} weeks below the rule, however often evaluated`, async () => {
    await scoreWeek('2024-05-20');
    const before = notified.length;
    await finishWeeklyRun('2024-05-20');
    await finishWeeklyRun('2024-05-20');
    // One notification for the opening; the second evaluation only confirms the open alert.
    expect(notified.slice(before).filter((line) => line.includes('realized_below_rule'))).toHaveLength(1);
    const belowRule = (await openRealizedAlerts()).filter((a) => a.rule === 'realized_below_rule');
    expect(belowRule).toHaveLength(1);
    expect(belowRule[0]).toMatchObject({
      key: `realized_below_rule:v${version}`,
      severity: 'critical',
      details: { version },
    });
  });

  it('resolves the below-rule alert once a scored week beats the rule', async () => {
    await scoreWeek('2024-05-27', 0.47);
    await finishWeeklyRun('2024-05-27');
    expect((await openRealizedAlerts()).filter((a) => a.rule === 'realized_below_rule')).toEqual([]);
  });
});
