import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { artifactKey, openTracking } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { MAINTENANCE_DAG_ID } from '../src/flows/maintenance-dag.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { gateChallenger } from '../src/jobs/gate.ts';
import { trainChallenger } from '../src/jobs/train.ts';
import { weekContext } from '../src/jobs/week-context.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { newTableFileKey, writeQueryToStore } from '../src/store/parquet-table.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir } from './helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const DAY_MS = 86_400_000;
const VERSIONS = 20;
/** The champion's alias history: promoted in this order, v15 serves. */
const PROMOTED = [3, 8, 15];
/** A prediction commit names v5, so its predictions can still be scored against it. */
const REFERENCED = 5;
const MODEL = { nTrials: 1, trainWeeks: 4, validationWeeks: 2 };

interface GcJson {
  readonly dryRun: boolean;
  readonly plan: {
    readonly items: readonly { kind: string; id: string; bytes: number }[];
    readonly bytes: number;
    readonly kept: { champion: number | null; versions: number[] };
  };
  readonly outcome?: { removed: readonly { kind: string; id: string }[]; bytes: number };
}

async function gc(dir: string, args: string[]): Promise<GcJson> {
  const { stdout } = await run(process.execPath, [BIN, 'gc', '--json', ...args], {
    cwd: dir,
    env: { ...process.env, SODAI_DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '' },
  });
  return JSON.parse(stdout) as GcJson;
}

/**
 * A data folder whose registry holds 20 versions trained 40 days ago (older than the default 30
 * days for never-promoted versions), three of them promoted in turn, one named by a commit, and a
 * week waiting in the landing folder.
 */
async function storeWithTwentyVersions(dir: string) {
  const generated = path.join(dir, 'generated');
  await generateSmall(generated, { customers: 80, products: 60, weeks: 14, seed: 3, truth: false });
  const config = ConfigSchema.parse({ dataDir: dir, model: MODEL });
  const paths = dataPaths(config);
  const history = path.join(dir, 'history');
  await splitWeeks({ input: generated, outDir: paths.landingDir, lastWeeks: 1, historyDir: history });
  const store = await RawStore.openDir(paths.dataDir);
  const past = () => Date.now() - 40 * DAY_MS;
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '', now: past });
  try {
    await loadInitialData(
      store,
      {
        customers: path.join(history, 'clientes.parquet'),
        products: path.join(history, 'productos.parquet'),
        transactions: path.join(history, 'transacciones.parquet'),
      },
      {},
    );
    const week = await weekContext(store.connection, { ...config.model });
    for (let i = 0; i < VERSIONS; i++) {
      const trained = await trainChallenger(week, tracking, { progress: async () => {} });
      await gateChallenger(week, tracking, trained, undefined);
      if (PROMOTED.includes(trained.version)) {
        await tracking.registry.setAlias(MODEL_NAME, CHAMPION, trained.version, {
          actor: 'test',
          reason: 'fixture',
        });
      }
    }
    // A table of its own, so the weekly run's predictions table is left as the flow makes it.
    const file = await writeQueryToStore(
      store.connection,
      `SELECT ${REFERENCED} AS model_version`,
      store.shared.objects,
      newTableFileKey('scored_elsewhere'),
    );
    await store.commit({
      operation: 'predict',
      summary: { modelVersion: REFERENCED },
      tables: [{ table: 'scored_elsewhere', mode: 'append', add: [file] }],
    });
  } finally {
    await tracking.close();
    await store.close();
  }
  return { config, paths };
}

/** Every object key a committed snapshot lists, and whether each still exists. */
async function referencedFiles(dir: string): Promise<Map<string, boolean>> {
  const store = await RawStore.openDir(dir);
  try {
    const keys = await store.shared.catalog.referencedKeys();
    const exists = new Map<string, boolean>();
    for (const key of keys) exists.set(key, await store.shared.objects.exists(key));
    return exists;
  } finally {
    await store.close();
  }
}

describe('retention on a store with 20 trained versions', { timeout: 600_000 }, () => {
  it('gc keeps the champion, its alias history and every referenced file, removes the rest, and the weekly DAG still runs', async () => {
    const dir = tempDir('sodai-gc-');
    const { config, paths } = await storeWithTwentyVersions(dir);
    const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    const before = await tracking.registry.listModelVersions(MODEL_NAME);
    const runOf = new Map(before.map((v) => [v.version, v.runId]));
    await tracking.close();
    expect(before).toHaveLength(VERSIONS);
    const filesBefore = await referencedFiles(dir);

    // Kept: the alias history (the champion among it), the commit's version and the newest.
    const kept = [...PROMOTED, REFERENCED, VERSIONS].sort((a, b) => a - b);
    const removable = before.map((v) => v.version).filter((v) => !kept.includes(v));

    const dry = await gc(dir, ['--dry-run']);
    expect(dry.dryRun).toBe(true);
    expect(dry.outcome).toBeUndefined();
    expect(dry.plan.kept).toEqual({ champion: 15, versions: kept });
    const listed = dry.plan.items.filter((i) => i.kind === 'model-version');
    expect(listed.map((i) => i.id).sort()).toEqual(removable.map((v) => `v${v}`).sort());
    // Each listed version frees at least its model file.
    for (const item of listed) expect(item.bytes).toBeGreaterThan(1000);
    expect(dry.plan.bytes).toBeGreaterThanOrEqual(listed.reduce((s, i) => s + i.bytes, 0));
    const stillThere = await openTracking({ dataDir: dir, databaseUrl: '' });
    expect(await stillThere.registry.listModelVersions(MODEL_NAME)).toHaveLength(VERSIONS);
    await stillThere.close();

    const done = await gc(dir, []);
    expect(
      done.outcome?.removed
        .filter((i) => i.kind === 'model-version')
        .map((i) => i.id)
        .sort(),
    ).toEqual(listed.map((i) => i.id).sort());
    expect(done.outcome?.bytes).toBe(dry.plan.bytes);

    const after = await openTracking({ dataDir: dir, databaseUrl: '' });
    try {
      expect((await after.registry.listModelVersions(MODEL_NAME)).map((v) => v.version)).toEqual(kept);
      expect((await after.registry.getAlias(MODEL_NAME, CHAMPION)).version).toBe(15);
      expect((await after.registry.getAliasHistory(MODEL_NAME, CHAMPION)).map((h) => h.version)).toEqual(
        PROMOTED,
      );
      const artifactsDir = path.join(dir, 'artifacts');
      for (const v of kept) {
        expect(existsSync(path.join(artifactsDir, artifactKey(runOf.get(v)!, 'model.ubj'))), `v${v}`).toBe(
          true,
        );
        // A kept version keeps its gate decision (a nested run) too.
        const gates = await after.searchRuns({ parentRunId: runOf.get(v)! });
        expect(gates.length, `v${v} gate run`).toBeGreaterThan(0);
      }
      for (const v of removable) {
        expect(existsSync(path.join(artifactsDir, artifactKey(runOf.get(v)!, 'model.ubj'))), `v${v}`).toBe(
          false,
        );
        await expect(after.getRun(runOf.get(v)!)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
      }
    } finally {
      await after.close();
    }
    const filesAfter = await referencedFiles(dir);
    expect([...filesAfter.keys()].sort()).toEqual([...filesBefore.keys()].sort());
    expect([...filesAfter.values()].every(Boolean)).toBe(true);

    // A second gc finds nothing more to remove.
    expect((await gc(dir, ['--dry-run'])).plan.items).toEqual([]);

    // The weekly DAG runs on what is left, and the maintenance DAG runs beside it.
    const env = createFlowEnv({
      config,
      paths,
      openStore: () => RawStore.openDir(paths.dataDir),
      openTracking: () => openTracking({ dataDir: dir, databaseUrl: '' }),
    });
    const runtime = await startPipelineRuntime(env);
    try {
      const weekly = await runtime.orchestrator.waitForRun(
        await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: { retrain: 'never' } }),
      );
      const tasks = Object.fromEntries(
        (await runtime.store.taskInstances(weekly.id)).map((t) => [t.taskId, t]),
      );
      expect(weekly.state, JSON.stringify(tasks)).toBe('success');
      expect(tasks.predict!.state).toBe('success');
      expect(tasks.drift!.state).toBe('success');
      const maintenance = await runtime.orchestrator.waitForRun(
        await runtime.orchestrator.trigger(MAINTENANCE_DAG_ID, { params: { dryRun: true } }),
      );
      expect(maintenance.state).toBe('success');
      const [gcTask] = await runtime.store.taskInstances(maintenance.id);
      expect(gcTask?.output).toMatchObject({ removed: 0, champion: 15 });
    } finally {
      await runtime.close();
    }
  });
});
