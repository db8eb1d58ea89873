import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { artifactKey, openTracking, type ArtifactStore } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { ObjectArtifactStore } from '../src/store/object-artifact-store.ts';
import { LocalObjectStore } from '../src/store/object-store/local-object-store.ts';
import { tempDir } from './helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');

interface GcJson {
  readonly plan: { readonly items: readonly { kind: string; id: string; bytes: number; reason: string }[] };
  readonly outcome?: { removed: readonly { kind: string; id: string }[]; bytes: number };
}

/** Where a deployment keeps artifacts: the data folder, or the configured object store. */
interface Shape {
  readonly env: Readonly<Record<string, string>>;
  readonly artifacts?: ArtifactStore;
}

const shapes: [string, (dir: string) => Shape][] = [
  ['in the data folder', () => ({ env: {} })],
  [
    'in a configured object store',
    (dir) => {
      const objects = path.join(dir, 'shared-objects');
      return {
        env: { SODAI_OBJECT_STORE: objects },
        artifacts: new ObjectArtifactStore(new LocalObjectStore(objects)),
      };
    },
  ],
];

describe.each(shapes)('sodai gc and model artifacts %s', (_name, shapeOf) => {
  it('lists artifact files no run records and no version points at, removes them after the grace period, keeps the rest', async () => {
    const dir = tempDir('sodai-gc-artifacts-');
    const shape = shapeOf(dir);
    const gc = async (args: string[]): Promise<GcJson> => {
      const { stdout } = await run(process.execPath, [BIN, 'gc', '--json', ...args], {
        cwd: dir,
        env: { ...process.env, SODAI_DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '', ...shape.env },
      });
      return JSON.parse(stdout) as GcJson;
    };
    const tracking = await openTracking({
      dataDir: dir,
      databaseUrl: '',
      ...(shape.artifacts ? { artifacts: shape.artifacts } : {}),
    });
    const bytes = (text: string) => new TextEncoder().encode(text);
    let champion: string;
    let killedParams: string;
    let killedModel: string;
    let gone: string;
    try {
      const trained = await tracking.startRun({ experiment: MODEL_NAME, name: 'trained' });
      await trained.logArtifact('model.ubj', 'the champion');
      await trained.end();
      await tracking.registry.createModelVersion({
        modelName: MODEL_NAME,
        runId: trained.id,
        artifactPath: 'model.ubj',
      });
      await tracking.registry.setAlias(MODEL_NAME, CHAMPION, 1, { actor: 'test' });
      champion = artifactKey(trained.id, 'model.ubj');

      // A training killed after saving its model and before recording it.
      const killed = await tracking.startRun({ experiment: MODEL_NAME, name: 'killed' });
      await killed.logArtifact('params.json', '{}');
      killedModel = artifactKey(killed.id, 'model.ubj');
      await tracking.artifacts.put(killedModel, bytes('unrecorded model'));
      await killed.end('KILLED');
      killedParams = artifactKey(killed.id, 'params.json');
      // A run deleted by a deletion cut short before its bytes went.
      gone = artifactKey(randomUUID(), 'model.ubj');
      await tracking.artifacts.put(gone, bytes('deleted run'));
    } finally {
      await tracking.close();
    }

    const leftovers = [killedModel, gone].sort();
    const dry = await gc(['--dry-run', '--grace-minutes', '0']);
    const listed = new Map(
      dry.plan.items.filter((i) => i.kind === 'orphan-artifact').map((i) => [i.id, i] as const),
    );
    expect([...listed.keys()].sort()).toEqual(leftovers);
    expect(listed.get(killedModel)).toMatchObject({ bytes: 'unrecorded model'.length });
    expect(listed.get(killedModel)?.reason).toMatch(/^run \S+ never recorded it/);
    expect(listed.get(gone)).toMatchObject({ bytes: 'deleted run'.length });
    expect(listed.get(gone)?.reason).toMatch(/^run \S+ no longer exists/);

    // Younger than the grace period: a training may be writing them right now.
    expect((await gc(['--grace-minutes', '60'])).outcome?.removed).toEqual([]);

    const done = await gc(['--grace-minutes', '0']);
    expect(
      done.outcome?.removed
        .filter((i) => i.kind === 'orphan-artifact')
        .map((i) => i.id)
        .sort(),
    ).toEqual(leftovers);

    const after = await openTracking({
      dataDir: dir,
      databaseUrl: '',
      ...(shape.artifacts ? { artifacts: shape.artifacts } : {}),
    });
    try {
      for (const key of leftovers) expect(await after.artifacts.exists(key), key).toBe(false);
      expect(await after.artifacts.exists(champion)).toBe(true);
      expect(await after.artifacts.exists(killedParams)).toBe(true);
      const loaded = await after.registry.loadModelByAlias(MODEL_NAME, CHAMPION);
      expect(new TextDecoder().decode(loaded.bytes)).toBe('the champion');
    } finally {
      await after.close();
    }
    expect((await gc(['--dry-run', '--grace-minutes', '0'])).plan.items).toEqual([]);
  });
});
