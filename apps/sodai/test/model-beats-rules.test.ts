import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { trainChallenger } from '../src/jobs/train.ts';
import { weekContext } from '../src/jobs/week-context.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir } from './helpers.ts';

// The demo's shape at a smaller scale: a full generated year, so the test week is the quiet week
// after the December peak and the validation weeks are the peak itself, as in `npm start`.
const dir = tempDir();
let store: RawStore;
let tracking: TrackingClient;

beforeAll(async () => {
  const data = path.join(dir, 'data');
  await generateSmall(data, { customers: 400, products: 300, weeks: 53, seed: 42 });
  store = await RawStore.openDir(path.join(dir, 'store'));
  await loadInitialData(
    store,
    {
      customers: path.join(data, 'clientes.parquet'),
      products: path.join(data, 'productos.parquet'),
      transactions: path.join(data, 'transacciones.parquet'),
    },
    {},
  );
  tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
}, 600_000);
afterAll(async () => {
  await tracking.close();
  await store.close();
});

describe('the default training on generated data', () => {
  // Guards the demo's first impression: with the generator's week-to-week correlated draws (fixed
  // in generate.ts) the model scored 0.406 against 0.447 here and a rule served instead.
  it('beats every repeat-purchase rule on its test week (the demo serves a model)', async () => {
    const settings = ConfigSchema.parse({}).model;
    const week = await weekContext(store.connection, settings, { store });
    const outcome = await trainChallenger(week, tracking);
    const bestRuleF1 = Math.max(...outcome.baselines.map((b) => b.f1.f1));
    expect(
      outcome.model.f1.f1,
      JSON.stringify(outcome.baselines.map((b) => [b.name, b.f1.f1])),
    ).toBeGreaterThan(bestRuleF1 + settings.gateMarginF1);
  }, 900_000);
});
