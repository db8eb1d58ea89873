import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { reportObjectKey } from '../src/store/stored-reports.ts';
import { tempDir } from './helpers.ts';
import { ADMIN_TOKEN, quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// In the scaled-out shape a weekly run's tasks run on a worker with a data folder of its own: the
// validation report of the batch it ingested and the drift check's report were written there, and
// the server, reading its own folder, answered 404 for the first and listed no drift at all.
let fx: ServeFixture;
let app: FastifyInstance;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const DRIFT = 'drift-2099-01-05-v1';
let batchId: string;

beforeAll(async () => {
  fx = await serveFixture();
  const worker = tempDir('sodai-worker-folder-');
  const bad = path.join(worker, 'week-bad.csv');
  writeFileSync(bad, 'customer_id,product_id\n1,2\n');
  const report = await ingestFile(fx.store, bad, {
    table: 'transactions',
    reportsDir: path.join(worker, 'reports', 'ingest'),
  });
  expect(report.outcome).toBe('rejected');
  batchId = report.batchId;
  // What the drift check stores, from another process.
  const drift = {
    week: '2099-01-05',
    championVersion: 1,
    drifted: true,
    reason: 'features: basket size moved',
    features: { columns: [{ name: 'pair_weeks_4', drifted: true, statistic: 0.4 }] },
  };
  await fx.store.shared.objects.put(reportObjectKey('drift', DRIFT), JSON.stringify(drift));
  // The server's own data folder holds neither report.
  const own = tempDir('sodai-server-folder-');
  mkdirSync(path.join(own, 'reports'), { recursive: true });
  app = await quietServer(fx, { config: { ...fx.config, dataDir: own } });
  expect(existsSync(path.join(own, 'reports', 'ingest', `${batchId}.json`))).toBe(false);
}, 120_000);

afterAll(async () => {
  await app.close();
  await fx.close();
});

describe('reports another process wrote (a worker, the CLI elsewhere)', () => {
  it('the server lists and returns the validation report of a batch ingested in another data folder', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/reports/ingest', headers: auth });
    expect(list.json<{ name: string }[]>().map((r) => r.name)).toContain(batchId);
    const one = await app.inject({ method: 'GET', url: `/api/reports/ingest/${batchId}`, headers: auth });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ batchId, outcome: 'rejected' });
  });

  it('the server lists and returns the drift report, and the chat answers from it', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/reports/drift', headers: auth });
    expect(list.json<{ name: string }[]>().map((r) => r.name)).toEqual([DRIFT]);
    const one = await app.inject({ method: 'GET', url: `/api/reports/drift/${DRIFT}`, headers: auth });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ week: '2099-01-05', drifted: true });
    const chat = await app.inject({
      method: 'POST',
      url: '/chat',
      headers: auth,
      payload: { message: 'is there data drift?', lang: 'en' },
    });
    expect(chat.statusCode, chat.body).toBe(200);
    expect(chat.json<{ answer: string }>().answer).toMatch(/pair_weeks_4/);
  });
});
