import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICTION_TABLE } from '../../src/features/prediction-dataset.ts';
import { queryNumber } from '../../src/store/duckdb.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { buildServedStore } from '../served-store.ts';
import { tempDir } from '../helpers.ts';
import {
  describeMoment,
  expectWholeSnapshot,
  gcDryRun,
  runCli,
  unreferencedObjects,
  type KillMoment,
} from './store-sigkill-helpers.ts';

describe('SIGKILL during `sodai predict`', { timeout: 600_000 }, () => {
  it('leaves predictions and the prediction dataset both old or both new, lists the orphans in gc --dry-run, and a re-run succeeds', async () => {
    const root = tempDir('sodai-sigkill-predict-');
    const seeded = path.join(root, 'seeded');
    await (await buildServedStore(seeded)).close();
    const seed = await RawStore.openDir(seeded);
    const oldPredictions = await seed.shared.catalog.currentSnapshot('predictions');
    const oldFeatures = await seed.shared.catalog.currentSnapshot(PREDICTION_TABLE);
    await seed.close();
    const copy = (name: string) => {
      const dir = path.join(root, name);
      cpSync(seeded, dir, { recursive: true });
      return dir;
    };

    const uncut = await runCli(copy('uncut'), ['predict']);
    expect(uncut.code, uncut.output).toBe(0);
    const moments: KillMoment[] = [
      ...[0.6, 0.9].map((f) => ({ afterMs: Math.round(uncut.elapsedMs * f) })),
      // The prediction dataset's file is the last object a prediction run puts before its commit.
      { plusMs: 0, file: new RegExp(`^tables/${PREDICTION_TABLE}/.+\\.parquet$`), objectsDir: '' },
    ];
    const outcomes: string[] = [];
    for (const [i, moment] of moments.entries()) {
      const dataDir = copy(`killed-${i}`);
      const objectsDir = path.join(dataDir, 'objects');
      const killed = await runCli(
        dataDir,
        ['predict'],
        'file' in moment ? { ...moment, objectsDir } : moment,
      );
      const what = `${describeMoment(moment)}: ${killed.output}`;
      const store = await RawStore.openDir(dataDir);
      try {
        const predictions = await store.shared.catalog.currentSnapshot('predictions');
        const features = await store.shared.catalog.currentSnapshot(PREDICTION_TABLE);
        if (predictions?.id === oldPredictions?.id) {
          // Neither table moved: one commit moves both or neither.
          expect(features?.id, what).toBe(oldFeatures?.id);
          outcomes.push(killed.killed ? 'old' : 'finished');
        } else {
          expect(predictions!.parentId ?? null, what).toBe(oldPredictions?.id ?? null);
          expect(features!.commitId, what).toBe(predictions!.commitId);
          outcomes.push(killed.killed ? 'new' : 'finished');
        }
        for (const snapshot of [predictions, features]) {
          if (snapshot) await expectWholeSnapshot(store, snapshot);
        }
        if (predictions) {
          expect(await queryNumber(store.connection, 'SELECT count(*) FROM predictions')).toBe(
            predictions.summary.totalRows,
          );
        }
        expect(await gcDryRun(dataDir), what).toEqual(await unreferencedObjects(store));
      } finally {
        await store.close();
      }
      const again = await runCli(dataDir, ['predict']);
      expect(again.code, again.output).toBe(0);
    }
    process.stdout.write(`store-sigkill-predict outcomes: ${outcomes.join(', ')}\n`);
    expect(outcomes.filter((o) => o !== 'finished').length).toBeGreaterThan(0);
  });
});
