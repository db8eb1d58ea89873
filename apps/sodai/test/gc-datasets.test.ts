/**
 * Built datasets are kept in the object store under a digest of what they read, so new data or new
 * settings leave the old files behind. `sodai gc` removes those the cache would no longer read, once
 * older than the grace period, and never the current ones: a later weekly run reuses or rebuilds.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openSqliteRunStore } from '@sodai/pipeline';
import { openTracking } from '@sodai/tracking';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, type ModelSettings } from '../src/config/config-schema.ts';
import { loadInitialData, ingestBatches } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { keptDatasets } from '../src/features/kept-datasets.ts';
import { collectGarbage } from '../src/jobs/collect-garbage.ts';
import { fallbackRule } from '../src/jobs/predict.ts';
import { weekContext, type WeekContext } from '../src/jobs/week-context.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir } from './helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const HOUR_MS = 3_600_000;
const { retention, model } = ConfigSchema.parse({});

interface GcJson {
  readonly outcome: { removed: readonly { kind: string; id: string; bytes: number }[] };
}

let generated: string;
beforeAll(async () => {
  generated = path.join(tempDir('sodai-gc-datasets-data-'), 'generated');
  await generateSmall(generated, { customers: 40, products: 30, weeks: 10, seed: 3, truth: false });
});

/** A store holding all but the last generated week, which waits in `landing`. */
async function storeWithHistory(dir: string): Promise<{ store: RawStore; dataDir: string; landing: string }> {
  const dataDir = path.join(dir, 'data');
  const landing = path.join(dir, 'landing');
  const history = path.join(dir, 'history');
  await splitWeeks({ input: generated, outDir: landing, lastWeeks: 1, historyDir: history });
  const store = await RawStore.openDir(dataDir);
  await loadInitialData(
    store,
    {
      customers: path.join(history, 'clientes.parquet'),
      products: path.join(history, 'productos.parquet'),
      transactions: path.join(history, 'transacciones.parquet'),
    },
    {},
  );
  return { store, dataDir, landing };
}

/** A weekly job's context on `store`, recording the cut-offs its cache built and reused. */
async function weekOn(store: RawStore, settings: ModelSettings = model) {
  const built: string[] = [];
  const reused: string[] = [];
  const week: WeekContext = await weekContext(store.connection, settings, {
    store,
    log: (line) => {
      const days = line.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      if (line.startsWith('dataset built')) built.push(...days);
      if (line.startsWith('dataset reused')) reused.push(...days);
    },
  });
  return { week, built, reused };
}

/** The weekly steps' datasets: the rule's validation weeks (predict), the gate's test week. */
async function weeklySteps(week: WeekContext): Promise<void> {
  await fallbackRule(week);
  await week.datasets.ensure([week.plan.testCutoff]);
}

const datasetKeys = async (store: RawStore): Promise<string[]> =>
  (await store.shared.objects.list('datasets/')).map((o) => o.key).sort();

/** `datasets/<digest>/<cutoff>`: what gc lists for a cut-off's three files. */
const setOf = (key: string): string => key.slice(0, key.indexOf('.'));

async function gcCli(cwd: string, dataDir: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, 'gc', ...args], {
    cwd,
    env: { ...process.env, SODAI_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
  });
  return stdout;
}

describe('gc of superseded datasets', { timeout: 240_000 }, () => {
  it('sodai gc lists a cut-off rebuilt from a new week with its size, removes its files after the grace period, and the next weekly run reuses the current ones', async () => {
    const dir = tempDir('sodai-gc-datasets-');
    const { store, dataDir, landing } = await storeWithHistory(dir);
    let predicted: string;
    let stale: string[];
    let staleBytes: number;
    let current: string[];
    try {
      const first = await weekOn(store);
      await weeklySteps(first.week);
      // The week to predict: the next batch brings its purchases, so its files stop being current.
      predicted = first.week.plan.predictCutoff;
      await first.week.datasets.ensure([predicted]);
      const files = (await store.shared.objects.list('datasets/')).filter((o) =>
        o.key.includes(`/${predicted}.`),
      );
      stale = files.map((o) => o.key).sort();
      staleBytes = files.reduce((sum, o) => sum + o.bytes, 0);
      expect(stale).toHaveLength(3);

      await ingestBatches(store, landing, {});
      const second = await weekOn(store);
      expect(second.week.plan.testCutoff).toBe(predicted);
      await weeklySteps(second.week);
      expect(second.built).toEqual([predicted]);
      current = (await datasetKeys(store)).filter((k) => !stale.includes(k));
    } finally {
      await store.close();
    }
    const id = setOf(stale[0]!);

    const listed = await gcCli(dir, dataDir, ['--dry-run', '--grace-minutes', '0']);
    expect(listed).toMatch(
      new RegExp(
        `superseded-dataset\\s+${id}\\s+\\d+(\\.\\d)? KB\\s+cut-off ${predicted} rebuilt 0 days ago from newer data or settings`,
      ),
    );
    expect(listed).toContain('1 item,');
    for (const key of current) expect(listed).not.toContain(setOf(key));

    // Within the grace period: a job still on the old data may have just written or be reading it.
    expect(await gcCli(dir, dataDir, ['--grace-minutes', '60'])).toContain('0 items removed');

    const done = JSON.parse(await gcCli(dir, dataDir, ['--grace-minutes', '0', '--json'])) as GcJson;
    const after = await RawStore.openDir(dataDir);
    try {
      expect(done.outcome.removed).toEqual([
        expect.objectContaining({ kind: 'superseded-dataset', id, bytes: staleBytes }),
      ]);
      expect(await datasetKeys(after)).toEqual(current);

      const next = await weekOn(after);
      await weeklySteps(next.week);
      expect(next.built).toEqual([]);
      expect(next.reused).toContain(predicted);
    } finally {
      await after.close();
    }
  });

  it('a settings change supersedes every kept cut-off: kept within the grace period, removed after it, rebuilt by the next run that needs them', async () => {
    const dir = tempDir('sodai-gc-datasets-');
    const { store } = await storeWithHistory(dir);
    const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    const pipeline = await openSqliteRunStore(path.join(dir, 'pipeline.db'));
    const gcWith = (settings: ModelSettings, now: number, dryRun: boolean) =>
      collectGarbage(
        { shared: store.shared, datasets: keptDatasets(store, settings), tracking, pipeline },
        retention,
        { dryRun, now },
      );
    const superseded = (items: readonly { kind: string; id: string }[]) =>
      items.filter((i) => i.kind === 'superseded-dataset').map((i) => i.id);
    try {
      const first = await weekOn(store);
      await fallbackRule(first.week);
      const cutoffs = first.week.plan.validationCutoffs;
      const kept = await datasetKeys(store);
      expect(kept).toHaveLength(3 * cutoffs.length);

      const later = Date.now() + 2 * HOUR_MS;
      expect(superseded((await gcWith(model, later, true)).plan.items)).toEqual([]);

      const changed = { ...model, exploreK: model.exploreK + 1 };
      expect(superseded((await gcWith(changed, Date.now(), true)).plan.items)).toEqual([]);

      const { plan, outcome } = await gcWith(changed, later, false);
      const planned = plan.items.filter((i) => i.kind === 'superseded-dataset');
      expect(planned.map((i) => i.id.slice(i.id.lastIndexOf('/') + 1))).toEqual(cutoffs);
      for (const item of planned) {
        expect(item.reason).toMatch(/^cut-off \S+ built 0 days ago; its data or settings changed since/);
      }
      expect(superseded(outcome?.removed ?? [])).toEqual(planned.map((i) => i.id));
      expect(await datasetKeys(store)).toEqual([]);
    } finally {
      await pipeline.close();
      await tracking.close();
      await store.close();
    }

    // A run still on the old settings: a fresh job finds nothing kept and builds again.
    const again = await RawStore.openDir(path.join(dir, 'data'));
    try {
      const next = await weekOn(again);
      await fallbackRule(next.week);
      expect(next.built).toEqual(next.week.plan.validationCutoffs);
      expect(await datasetKeys(again)).toHaveLength(3 * next.week.plan.validationCutoffs.length);
    } finally {
      await again.close();
    }
  });
});
