import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { AlertCenter } from '../src/monitor/alerts/alert-center.ts';
import { openSqliteAlertStore, type AlertStore } from '../src/monitor/alerts/alert-store.ts';
import { batchesRejected, datasetDrift } from '../src/monitor/alerts/pipeline-rules.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// An open `batch_rejected` alert was quoted whole in the alert answers: the ingest's English log
// line, with the landing folder's full path and each missing column's long description, even in a
// Spanish answer. It is now said in the question's language: which file, why, what to do. Other
// alerts still quote their rule's line.
let fx: ServeFixture;
let store: AlertStore;
let app: FastifyInstance;

const LANDING = '/srv/sodai/.sodai/landing';
const REFUSAL =
  `${LANDING}/week-2024-12-30.csv: batch rejected: missing column "order_id" (the order the line belongs to; ` +
  'an order belongs to one customer; expected an integer); missing column "items" (quantity; negative lines are ' +
  'returns; expected a number)';

beforeAll(async () => {
  fx = await serveFixture();
  store = await openSqliteAlertStore(path.join(fx.dir, 'chat-refused-alert.db'));
  app = await quietServer(fx, { alerts: new AlertCenter({ store, channels: [] }) });
  const at = Date.parse('2024-12-30T09:00:00Z');
  await store.apply(
    datasetDrift({ drifted: true, week: '2024-12-23', reason: 'psi 0.31 on units' }),
    at - 3_600_000,
  );
  await store.apply(
    batchesRejected({
      id: 'run-7',
      rejected: [{ file: `${LANDING}/week-2024-12-30.csv`, message: REFUSAL }],
    }),
    at,
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await fx?.close();
});

const ask = async (message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

describe('a refused batch among the open alerts', () => {
  it.each([
    ['¿hay alertas?', 'es'],
    ['any alerts?', 'en'],
    // Not tuned on.
    ['hay alertas abiertas? que hago', 'es'],
    ['any alerts open, what should i do', 'en'],
    ['alguna alarma activa', 'es'],
  ] as const)('"%s" names the file, why and what to do, in its language', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'drift_status', lang);
    expect(r.data.open_alerts).toBe(2);
    expect(r.answer).toContain('week-2024-12-30.csv');
    expect(r.answer).not.toContain(LANDING);
    expect(r.answer).not.toContain('an order belongs to one customer');
    expect(r.answer).toMatch(
      lang === 'es'
        ? /lote rechazado por la validación.*el archivo week-2024-12-30\.csv no se cargó: faltan las columnas order_id e items.*Suba el archivo corregido/s
        : /batch refused by validation.*file week-2024-12-30\.csv was not loaded: columns order_id and items are missing.*Upload the corrected file/s,
    );
    if (lang === 'es') expect(r.answer).not.toContain('refused by validation, nothing of them stored');
  });

  it('the other alerts still quote what their rule says (guard)', async () => {
    for (const q of ['¿hay alertas?', 'any alerts?']) {
      const r = await ask(q);
      expect(r.answer).toContain('dataset drift in the week from 2024-12-23: psi 0.31 on units');
    }
  });
});
