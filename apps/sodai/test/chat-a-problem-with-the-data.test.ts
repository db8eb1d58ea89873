import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { AlertCenter } from '../src/monitor/alerts/alert-center.ts';
import { openSqliteAlertStore, type AlertStore } from '../src/monitor/alerts/alert-store.ts';
import { weeklyRunFailed } from '../src/monitor/alerts/pipeline-rules.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Is there a problem with the data?", "¿problemas con el modelo?" and "is something broken" were
// not understood ("¿hay algún problema con los datos?" and "any issues with the pipeline?" already
// were, by their "algún problema" and "any issues"). A problem asked of the data, the pipeline or
// the model is now the open alerts' question, as "what's wrong?" is; one asked of a customer keeps
// its own answer. Checked against the alert store.
let fx: ServeFixture;
let store: AlertStore;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await serveFixture();
  store = await openSqliteAlertStore(path.join(fx.dir, 'chat-alerts-problem.db'));
  await store.apply(weeklyRunFailed({ id: 'run-7', state: 'failed', error: 'disk full' }), Date.now());
  app = await quietServer(fx, { alerts: new AlertCenter({ store, channels: [] }) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await fx?.close();
});

const ask = async (message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

describe('a problem with the data, the pipeline or the model: the open alerts', () => {
  it.each([
    ['is there a problem with the data?', 'en'],
    ['¿hay algún problema con los datos?', 'es'],
    // Not tuned on.
    ['any issues with the pipeline?', 'en'],
    ['problemas con el modelo?', 'es'],
    ['is something broken', 'en'],
  ] as const)('"%s"', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'drift_status', lang);
    const open = await store.list({ state: 'open' });
    expect({ q, open: r.data.open_alerts }).toEqual({ q, open: open.length });
    expect(r.answer).toContain('run-7');
  });
});

describe('guards: a customer’s problem and drift keep their answers', () => {
  it.each([
    ['el cliente 100001 tiene algun problema', 'customer_history'],
    ['is there drift?', 'drift_status'],
  ] as const)('"%s"', async (q, intent) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, open: r.data.open_alerts }).toEqual({ q, intent, open: undefined });
  });
});
