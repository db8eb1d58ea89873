import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteKysely } from '@sodai/sql';
import type { ChatResponse } from '../src/contract/api.ts';
import { AlertCenter } from '../src/monitor/alerts/alert-center.ts';
import { openSqliteAlertStore, type AlertStore } from '../src/monitor/alerts/alert-store.ts';
import { apiHealth, datasetDrift, weeklyRunFailed } from '../src/monitor/alerts/pipeline-rules.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { chatDay } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿hay alertas?", "any alerts?", "what's wrong?", "¿algo que deba saber?" got the general help or
// the model's performance. They list the monitoring's open alerts (the store behind /api/alerts):
// kind, since when, what each says, or plainly that none is open. Read-only.
let fx: ServeFixture;
let store: AlertStore;
let withAlerts: FastifyInstance;
let withoutAlerts: FastifyInstance;
const file = () => path.join(fx.dir, 'chat-alerts.db');

beforeAll(async () => {
  fx = await serveFixture();
  store = await openSqliteAlertStore(file());
  withAlerts = await quietServer(fx, { alerts: new AlertCenter({ store, channels: [] }) });
  withoutAlerts = await quietServer(fx);
}, 120_000);

afterAll(async () => {
  await withAlerts?.close();
  await withoutAlerts?.close();
  await store?.close();
  await fx?.close();
});

const ask = async (app: FastifyInstance, message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

/** The open alerts read straight from the table, newest first: what the answer must list. */
async function openAlerts() {
  const db = openSqliteKysely<Record<string, never>>(file());
  try {
    const { rows } = await sql<{ rule: string; summary: string; opened_at: number }>`
      SELECT rule, summary, opened_at FROM monitor_alerts WHERE state = 'open' ORDER BY opened_at DESC, id`.execute(
      db,
    );
    return rows.map((r) => ({ ...r, day: new Date(Number(r.opened_at)).toISOString().slice(0, 10) }));
  } finally {
    await db.destroy();
  }
}

const PHRASINGS = [
  ['¿hay alertas?', 'es'],
  ['any alerts?', 'en'],
  ["what's wrong?", 'en'],
  ['¿algo que deba saber?', 'es'],
  // Not tuned on: the first four were.
  ['¿hay alguna alarma activa?', 'es'],
  ['is there anything I should worry about?', 'en'],
  ['muéstrame las alertas abiertas', 'es'],
  ['any red flags this week?', 'en'],
  ['¿qué está mal?', 'es'],
] as const;

describe('the open alerts, in plain words', () => {
  it.each(PHRASINGS)('"%s" with none open says so plainly', async (q, lang) => {
    expect(await openAlerts()).toEqual([]);
    const r = await ask(withAlerts, q);
    expectAnsweredAs(q, r, 'drift_status', lang);
    expect(r.data.open_alerts).toBe(0);
    expect(r.answer).toMatch(lang === 'es' ? /^No hay alertas abiertas/ : /^There are no open alerts/);
  });

  it('lists every open alert (kind, since when, what it says) and none that resolved', async () => {
    const day = (iso: string) => Date.parse(`${iso}T09:30:00Z`);
    await store.apply(
      datasetDrift({ drifted: true, week: '2024-05-06', reason: 'psi 0.31 on units' }),
      day('2024-05-13'),
    );
    await store.apply(
      weeklyRunFailed({ id: 'run-42', state: 'failed', error: 'disk full' }),
      day('2024-05-20'),
    );
    const slow = apiHealth(
      { requests: 50, serverErrors: 0, p99Ms: 900, windowMs: 300_000 },
      { minRequests: 5, maxErrorRate: 0.05, maxP99Ms: 500 },
    );
    await store.apply(slow[1]!, day('2024-05-21'));
    await store.apply(
      { ...slow[1]!, firing: false, summary: 'p99 latency back to 40 ms' },
      day('2024-05-22'),
    );

    const open = await openAlerts();
    expect(open.map((a) => a.rule)).toEqual(['weekly_run_failed', 'dataset_drift']);
    for (const [q, lang] of PHRASINGS) {
      const r = await ask(withAlerts, q);
      expectAnsweredAs(q, r, 'drift_status', lang);
      expect({ q, open: r.data.open_alerts }).toEqual({ q, open: open.length });
      expect(r.answer.startsWith(lang === 'es' ? 'Hay 2 alertas abiertas' : 'There are 2 open alerts')).toBe(
        true,
      );
      for (const a of open) {
        expect(r.answer).toContain(a.summary);
        expect(r.answer).toContain(chatDay(a.day, lang));
      }
      expect(r.answer).not.toContain('p99 latency');
      // Newest first, each with its kind in the asker's language.
      expect(r.table?.rows.map((row) => row[0])).toEqual(
        lang === 'es' ? ['corrida semanal fallida', 'deriva de datos'] : ['weekly run failed', 'data drift'],
      );
      expect(r.answer).toContain(lang === 'es' ? '1 crítica' : '1 critical');
    }
  });

  it("the week's digest counts the same open alerts", async () => {
    const open = await openAlerts();
    for (const q of ['resumen de la semana', 'weekly summary']) {
      const r = await ask(withAlerts, q);
      expect({ q, intent: r.intent, open: r.data.open_alerts }).toEqual({
        q,
        intent: 'compare_periods',
        open: open.length,
      });
    }
  });

  it('a server without alert monitoring says it cannot see them, rather than "none"', async () => {
    for (const [q, lang] of [
      ['¿hay alertas?', 'es'],
      ['any alerts?', 'en'],
    ] as const) {
      const r = await ask(withoutAlerts, q);
      expect({ intent: r.intent, answered: r.answered, lang: r.lang }).toEqual({
        intent: 'drift_status',
        answered: false,
        lang,
      });
      expect(r.answer).toMatch(lang === 'es' ? /no puedo decir/ : /cannot tell/);
    }
  });

  it('drift and a customer with a problem keep their own answers', async () => {
    const drift = await ask(withAlerts, '¿hay drift en los datos?');
    expect(drift.intent).toBe('drift_status');
    expect(drift.data.open_alerts).toBeUndefined();
    const [someone] = (await ask(withAlerts, 'top 1 customers last month')).table!.rows;
    const customer = await ask(withAlerts, `¿el cliente ${someone![1]} tiene algún problema?`);
    expect(customer.data.open_alerts).toBeUndefined();
  });
});
