import { createHmac } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openTracking } from '@sodai/tracking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, type SodaiConfig } from '../../src/config/config-schema.ts';
import { dataPaths, type DataPaths } from '../../src/config/load-config.ts';
import { loadInitialData } from '../../src/data/load-data.ts';
import { rawDataFiles } from '../../src/data/raw-data-files.ts';
import { splitWeeks } from '../../src/data/split-weeks.ts';
import { createFlowEnv } from '../../src/flows/flow-env.ts';
import { buildWeeklyDag } from '../../src/flows/weekly-dag.ts';
import { trainAndGate } from '../../src/jobs/train-and-gate.ts';
import { CHAMPION, MODEL_NAME } from '../../src/model/registry.ts';
import { openAlertStore } from '../../src/monitor/alerts/alert-store.ts';
import { WEEKLY_RUN_TASKS } from '../../src/monitor/alerts/weekly-run-alerts.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { generateSmall, tempDir } from '../helpers.ts';
import { startReceiver } from './alert-receiver.ts';
import { runWeeklyWithAlerts } from './run-weekly.ts';

const SECRET = 'weekly-alerts-test-secret';
const DAY = 86_400_000;
const root = tempDir('sodai-weekly-alerts-');
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

function configFor(dir: string): SodaiConfig {
  return ConfigSchema.parse({
    dataDir: dir,
    model: { nTrials: 1, trainWeeks: 5, validationWeeks: 2 },
    alerts: { staleDataDays: 8, webhook: { url: receiver.url, secret: SECRET, retryBaseMs: 10 } },
  });
}

/** Runs the weekly DAG once with the alert hook, the hook's clock at `now`. */
const runWeekly = (
  config: SodaiConfig,
  paths: DataPaths,
  now: number,
  params: Record<string, unknown> = {},
) => runWeeklyWithAlerts(config, paths, { now, params });

interface AlertDelivery {
  readonly alert: {
    readonly rule: string;
    readonly summary: string;
    readonly details: Record<string, unknown>;
  };
}

/** Every delivery since `from`, checked against its signature, as [event, rule]. */
function deliveries(from: number): [string, string][] {
  return receiver.received.slice(from).map((r) => {
    const timestamp = String(r.headers['x-sodai-timestamp']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${r.body}`).digest('hex')}`;
    expect(r.headers['x-sodai-signature']).toBe(expected);
    const body = JSON.parse(r.body) as { event: string; alert: { rule: string } };
    return [body.event, body.alert.rule];
  });
}

describe('alerts from the weekly DAG', { timeout: 600_000 }, () => {
  it('names the weekly DAG tasks the rules read', () => {
    const config = configFor(path.join(root, 'ids'));
    const dag = buildWeeklyDag(
      createFlowEnv({
        config,
        paths: dataPaths(config),
        openStore: () => Promise.reject(),
        openTracking: () => Promise.reject(),
      }),
    ).toJSON();
    expect(dag.id).toBe(WEEKLY_RUN_TASKS.dagId);
    const ids = dag.nodes.map((t) => t.id);
    for (const id of [
      WEEKLY_RUN_TASKS.ingest,
      WEEKLY_RUN_TASKS.validate,
      WEEKLY_RUN_TASKS.drift,
      WEEKLY_RUN_TASKS.promote,
      WEEKLY_RUN_TASKS.keepChampion,
    ])
      expect(ids).toContain(id);
  });

  it('a failed run alerts once however often it fails again', async () => {
    const config = configFor(path.join(root, 'empty'));
    const paths = dataPaths(config);
    const before = receiver.received.length;
    for (let i = 0; i < 2; i++) expect((await runWeekly(config, paths, Date.now())).state).toBe('failed');
    expect(deliveries(before)).toEqual([['opened', 'weekly_run_failed']]);
    const store = await openAlertStore({ databaseUrl: undefined, dataDir: paths.dataDir });
    try {
      const open = await store.list({ state: 'open' });
      expect(open.map((a) => a.rule)).toEqual(['weekly_run_failed']);
      expect(open[0]!.summary).toMatch(/no transactions/);
    } finally {
      await store.close();
    }
  });

  it('generated data with --drift-week: drift alerts once at that week, a stale landing folder and a refused file once each, removing the file resolves its alert and a retrained champion resolves the drift', async () => {
    const dir = path.join(root, 'drifted');
    const config = configFor(dir);
    const paths = dataPaths(config);
    const generated = path.join(dir, 'generated');
    await generateSmall(generated, {
      customers: 400,
      products: 150,
      weeks: 28,
      seed: 5,
      truth: false,
      driftWeek: 26,
    });
    const history = path.join(dir, 'history');
    await splitWeeks({ input: generated, outDir: paths.landingDir, lastWeeks: 2, historyDir: history });
    const store = await RawStore.openDir(paths.dataDir);
    const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    try {
      await loadInitialData(store, rawDataFiles(history), {});
      const trained = await trainAndGate(store.connection, tracking, config.model, { promote: false });
      await tracking.registry.setAlias(MODEL_NAME, CHAMPION, trained.version, {
        actor: 'test',
        reason: 'fixture',
      });
    } finally {
      await tracking.close();
      await store.close();
    }
    const before = receiver.received.length;
    const start = Date.now();

    // The drifted weeks land: drift fires once, at the week the generator drifted.
    const first = await runWeekly(config, paths, start, { retrain: 'never' });
    expect(first.state).toBe('success');
    expect(deliveries(before)).toEqual([['opened', 'dataset_drift']]);
    const opened = JSON.parse(receiver.received[before]!.body) as { alert: { details: { week: string } } };
    // Week 26 of a generation starting Monday 2024-01-01 begins on 2024-07-01: the week judged is a
    // drifted one, not an earlier week.
    expect(opened.alert.details.week >= '2024-07-01').toBe(true);

    // Ten days later only a file validation refuses has landed: it alerts once however many runs
    // refuse it again, stale data alerts once too; drift, still there, stays one alert.
    const refused = path.join(paths.landingDir, 'week-late.csv');
    writeFileSync(refused, 'customer_id,product_id\n1,2\n');
    const later = start + 10 * DAY;
    await runWeekly(config, paths, later, { retrain: 'never' });
    await runWeekly(config, paths, later + DAY, { retrain: 'never' });
    expect(deliveries(before)[0]).toEqual(['opened', 'dataset_drift']);
    expect(deliveries(before).slice(1).sort()).toEqual([
      ['opened', 'batch_rejected'],
      ['opened', 'stale_data'],
    ]);
    const bodies = receiver.received.slice(before).map((r) => JSON.parse(r.body) as AlertDelivery);
    const batch = bodies.find((b) => b.alert.rule === 'batch_rejected')!.alert;
    expect(batch.details.files).toEqual([refused]);
    expect(batch.summary).toMatch(/week-late\.csv: batch rejected: missing column "order_id"/);
    // Removed from the landing folder, nothing is refused any more: the alert resolves.
    rmSync(refused);

    // The weekly run retrains on the drifted weeks; once a champion knows them, drift resolves.
    await runWeekly(config, paths, later + DAY, { retrain: 'force' });
    const tracking2 = await openTracking({ dataDir: dir, databaseUrl: '' });
    try {
      const latest = Math.max(
        ...(await tracking2.registry.listModelVersions(MODEL_NAME)).map((v) => v.version),
      );
      await tracking2.registry.setAlias(MODEL_NAME, CHAMPION, latest, {
        actor: 'test',
        reason: 'retrained on drift',
      });
    } finally {
      await tracking2.close();
    }
    await runWeekly(config, paths, later + DAY, { retrain: 'never' });
    expect(deliveries(before).slice(3)).toEqual([
      ['resolved', 'batch_rejected'],
      ['resolved', 'dataset_drift'],
    ]);
  });

  it('a week of data missing between weeks that arrived alerts once, and resolves when its file lands', async () => {
    const dir = path.join(root, 'gap');
    const config = configFor(dir);
    const paths = dataPaths(config);
    const generated = path.join(dir, 'generated');
    await generateSmall(generated, { customers: 60, products: 30, weeks: 8, seed: 3, truth: false });
    const history = path.join(dir, 'history');
    const weeks = await splitWeeks({
      input: generated,
      outDir: paths.landingDir,
      lastWeeks: 3,
      historyDir: history,
    });
    const store = await RawStore.openDir(paths.dataDir);
    try {
      await loadInitialData(store, rawDataFiles(history), {});
    } finally {
      await store.close();
    }
    // The middle week's file never arrives; the week after it does.
    const missing = weeks[1]!;
    const aside = path.join(dir, path.basename(missing.file));
    renameSync(missing.file, aside);
    const before = receiver.received.length;
    const gapsOnly = () => deliveries(before).filter(([, rule]) => rule === 'missing_weeks');
    await runWeekly(config, paths, Date.now(), { retrain: 'never' });
    await runWeekly(config, paths, Date.now(), { retrain: 'never' });
    expect(gapsOnly()).toEqual([['opened', 'missing_weeks']]);
    const opened = receiver.received
      .slice(before)
      .map((r) => JSON.parse(r.body) as AlertDelivery)
      .find((b) => b.alert.rule === 'missing_weeks')!.alert;
    expect(opened.details.weeks).toEqual([missing.weekStart]);

    renameSync(aside, missing.file);
    await runWeekly(config, paths, Date.now(), { retrain: 'never' });
    expect(gapsOnly()).toEqual([
      ['opened', 'missing_weeks'],
      ['resolved', 'missing_weeks'],
    ]);
  });
});
