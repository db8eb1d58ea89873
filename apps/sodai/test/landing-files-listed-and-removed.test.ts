import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBatches } from '../src/data/load-data.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { AlertCenter } from '../src/monitor/alerts/alert-center.ts';
import { openSqliteAlertStore, type AlertStore } from '../src/monitor/alerts/alert-store.ts';
import { batchesRejected } from '../src/monitor/alerts/pipeline-rules.ts';
import { ADMIN_TOKEN, quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// A file the ingest refused stays in the landing and is refused by every run until it is replaced,
// and the `batch_rejected` alert told the operator to "remove it from the landing", but nothing
// could: no route listed what the landing held or removed a file (a bucket's landing needed an S3
// tool), so a refused file nobody meant to correct kept the alert open for good.
let fx: ServeFixture;
let app: FastifyInstance;
let alerts: AlertStore;
let landing: string;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A day's purchase of a known customer and product, dated today so no check quarantines it. */
const good = async (order: number) => {
  const [pair] = await queryRows(
    fx.store.connection,
    'SELECT customer_id, product_id FROM transactions LIMIT 1',
  );
  const today = new Date().toISOString().slice(0, 10);
  return `customer_id,product_id,order_id,purchase_date,items\n${pair!.customer_id},${pair!.product_id},${order},${today},2\n`;
};
const BAD = 'customer_id,product_id\n1,2\n';

interface Listed {
  where: string;
  files: { name: string; state: string; batch_id: string | null; message: string | null; bytes: number }[];
}
const list = async () =>
  (await app.inject({ method: 'GET', url: '/api/admin/landing', headers: auth })).json<Listed>();
const remove = (name: string, headers: Record<string, string> = auth) =>
  app.inject({ method: 'DELETE', url: `/api/admin/landing/${name}`, headers });

beforeAll(async () => {
  fx = await serveFixture();
  alerts = await openSqliteAlertStore(path.join(fx.dir, 'landing-alerts.db'));
  app = await quietServer(fx, { alerts: new AlertCenter({ store: alerts, channels: [] }) });
  landing = path.join(fx.config.dataDir, 'landing');
  for (const [name, body] of [
    ['week-2099-01-06.csv', await good(990_001)],
    ['week-2099-01-13.csv', BAD],
  ] as const) {
    const put = await app.inject({
      method: 'PUT',
      url: `/api/admin/landing/${name}`,
      payload: Buffer.from(body),
      headers: { ...auth, 'content-type': 'application/octet-stream' },
    });
    expect(put.statusCode, put.body).toBe(201);
  }
  // What the weekly run's ingest task does with the landing, and the alert it raises.
  const reports = await ingestBatches(fx.store, landing, {});
  const refused = reports.filter((r) => r.outcome === 'rejected');
  expect(refused.map((r) => path.basename(r.file))).toEqual(['week-2099-01-13.csv']);
  await alerts.apply(
    batchesRejected({ id: 'run-1', rejected: refused.map((r) => ({ file: r.file, message: r.message })) }),
    Date.now(),
  );
  // Arrives after the run: no run has read it yet.
  writeFileSync(path.join(landing, 'week-2099-01-20.csv'), await good(990_002));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await alerts?.close();
  await fx?.close();
});

describe('the landing through the admin API', () => {
  it('lists each batch file with what became of it, never the server folder', async () => {
    const listed = await list();
    expect(listed.where).toBe('landing');
    expect(listed.files.map((f) => [f.name, f.state])).toEqual([
      ['week-2099-01-06.csv', 'ingested'],
      ['week-2099-01-13.csv', 'refused'],
      ['week-2099-01-20.csv', 'waiting'],
    ]);
    const refused = listed.files[1]!;
    expect(refused.message).toMatch(/missing column "order_id"/);
    // The batch id opens the validation report.
    const report = await app.inject({
      method: 'GET',
      url: `/api/reports/ingest/${refused.batch_id}`,
      headers: auth,
    });
    expect(report.statusCode).toBe(200);
    expect(listed.files[2]!.batch_id).toBeNull();
    expect(JSON.stringify(listed)).not.toContain(fx.config.dataDir);
  });

  it('removes a refused file, and the refused-batch alert resolves with it', async () => {
    expect((await alerts.list({ state: 'open' })).map((a) => a.rule)).toContain('batch_rejected');
    const res = await remove('week-2099-01-13.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ removed: 'week-2099-01-13.csv', state: 'refused' });
    expect(existsSync(path.join(landing, 'week-2099-01-13.csv'))).toBe(false);
    expect((await alerts.list({ state: 'open' })).map((a) => a.rule)).not.toContain('batch_rejected');
    expect((await list()).files.map((f) => f.name)).toEqual(['week-2099-01-06.csv', 'week-2099-01-20.csv']);
  });

  it('removing an ingested file keeps its data', async () => {
    const before = (await fx.store.summary()).transactions;
    const res = await remove('week-2099-01-06.csv');
    expect(res.json()).toEqual({ removed: 'week-2099-01-06.csv', state: 'ingested' });
    expect((await fx.store.summary()).transactions).toBe(before);
  });

  it('an unknown file is a 404 naming it; a bad name a 4xx naming the field; no token a 401', async () => {
    const missing = await remove('week-2099-01-13.csv');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('week-2099-01-13.csv');
    const bad = await remove('..%2Fcatalog.db');
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.body).toContain('file');
    expect((await remove('week-2099-01-20.csv', {})).statusCode).toBe(401);
    expect(existsSync(path.join(landing, 'week-2099-01-20.csv'))).toBe(true);
  });
});
