import { createHmac } from 'node:crypto';
import { serviceGate } from '@sodai/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertCenter } from '../../src/monitor/alerts/alert-center.ts';
import { observation } from '../../src/monitor/alerts/alert-observation.ts';
import {
  openPostgresAlertStore,
  openSqliteAlertStore,
  type AlertStore,
} from '../../src/monitor/alerts/alert-store.ts';
import { datasetDrift } from '../../src/monitor/alerts/pipeline-rules.ts';
import { webhookChannel, type WebhookSettings } from '../../src/monitor/alerts/webhook-channel.ts';
import { isSodaiError } from '../../src/errors.ts';
import { tempDir } from '../helpers.ts';
import { startReceiver } from './alert-receiver.ts';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const pg = await serviceGate('postgres');
const SECRET = 'a-test-secret-of-some-length';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const openers: [string, () => Promise<AlertStore>][] = [
  ['sqlite', () => openSqliteAlertStore(path.join(tempDir(), 'catalog.db'))],
];
if (pg.available) {
  openers.push([
    'postgres',
    () =>
      openPostgresAlertStore(pg.url, {
        schema: `t_${randomBytes(6).toString('hex')}`,
        dropSchemaOnClose: true,
      }),
  ]);
}

const drift = (drifted: boolean, w = '2024-06-03') =>
  datasetDrift({ drifted, week: w, reason: 'psi 0.4 on line_items' });

describe.each(openers)('alert store (%s)', (_name, open) => {
  it('keeps one open alert per condition until it resolves, then opens a new one', async () => {
    const store = await open();
    cleanups.push(() => store.close());
    expect((await store.apply(drift(false), 1)).kind).toBe('quiet');
    const opened = await store.apply(drift(true), 2);
    expect(opened.kind).toBe('opened');
    expect((await store.apply(drift(true, '2024-06-10'), 3)).kind).toBe('still_open');
    const resolved = await store.apply(drift(false, '2024-06-17'), 4);
    expect(resolved).toMatchObject({
      kind: 'resolved',
      alert: { state: 'resolved', resolution: 'no drift in the week from 2024-06-17' },
    });
    expect((await store.apply(drift(true), 5)).kind).toBe('opened');
    const all = await store.list();
    expect(all.map((a) => a.state)).toEqual(['open', 'resolved']);
    expect(all[1]!.lastSeenAt.getTime()).toBe(3);
  });

  it('concurrent observations of one condition open it once (the unique index settles races)', async () => {
    const a = await open();
    cleanups.push(() => a.close());
    const kinds = await Promise.all(Array.from({ length: 6 }, (_, i) => a.apply(drift(true), i)));
    expect(kinds.filter((k) => k.kind === 'opened')).toHaveLength(1);
    expect(await a.list({ state: 'open' })).toHaveLength(1);
  });

  it('acknowledges once, keeps the first acknowledgement, and names an unknown id', async () => {
    const store = await open();
    cleanups.push(() => store.close());
    const opened = await store.apply(drift(true), 10);
    if (opened.kind !== 'opened') throw new Error('expected an opened alert');
    const acked = await store.acknowledge(opened.alert.id, 'ana', 20);
    expect(acked).toMatchObject({ acknowledgedBy: 'ana', acknowledgedAt: new Date(20) });
    expect((await store.acknowledge(opened.alert.id, 'luis', 30)).acknowledgedBy).toBe('ana');
    const error = await store.acknowledge('nope', 'ana', 40).catch((e: unknown) => e);
    expect(isSodaiError(error, 'NOT_FOUND') && error.message).toMatch(/no alert nope/);
  });
});

function settings(url: string, extra: Partial<WebhookSettings> = {}): WebhookSettings {
  return { url, secret: SECRET, format: 'json', maxAttempts: 4, retryBaseMs: 10, timeoutMs: 2000, ...extra };
}

function verify(headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const timestamp = String(headers['x-sodai-timestamp']);
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
  return headers['x-sodai-signature'] === expected;
}

describe('alert center with a webhook', () => {
  it('sends exactly the openings and resolutions, signed; repeats of an open alert send nothing', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const store = await openSqliteAlertStore(path.join(tempDir(), 'catalog.db'));
    cleanups.push(() => store.close());
    const lines: string[] = [];
    const center = new AlertCenter({
      store,
      channels: [
        webhookChannel(settings(receiver.url)),
        { name: 'log', send: async (e) => void lines.push(e.kind) },
      ],
    });
    await center.observe([drift(true)]);
    await center.observe([drift(true)]);
    await center.observe([drift(false)]);
    expect(receiver.received).toHaveLength(2);
    const bodies = receiver.received.map(
      (r) => JSON.parse(r.body) as { event: string; alert: { rule: string } },
    );
    expect(bodies.map((b) => [b.event, b.alert.rule])).toEqual([
      ['opened', 'dataset_drift'],
      ['resolved', 'dataset_drift'],
    ]);
    for (const r of receiver.received) expect(verify(r.headers, r.body)).toBe(true);
    // A body changed in transit no longer matches its signature.
    expect(
      verify(receiver.received[0]!.headers, receiver.received[0]!.body.replace('opened', 'resolved')),
    ).toBe(false);
    expect(lines).toEqual(['opened', 'resolved']);
  });

  it('retries on 500 with backoff and the same delivery id, then succeeds', async () => {
    const receiver = await startReceiver([500, 503]);
    cleanups.push(receiver.close);
    const channel = webhookChannel(settings(receiver.url));
    const store = await openSqliteAlertStore(path.join(tempDir(), 'catalog.db'));
    cleanups.push(() => store.close());
    const errors: unknown[] = [];
    await new AlertCenter({ store, channels: [channel], onError: (e) => errors.push(e) }).observe([
      drift(true),
    ]);
    expect(errors).toEqual([]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['x-sodai-delivery'])).size).toBe(1);
    for (const r of receiver.received) expect(verify(r.headers, r.body)).toBe(true);
  });

  it('gives up after maxAttempts and does not retry a 4xx refusal; the alert is still stored', async () => {
    const failing = await startReceiver([500, 500, 500, 500]);
    const refusing = await startReceiver([400]);
    cleanups.push(failing.close, refusing.close);
    const store = await openSqliteAlertStore(path.join(tempDir(), 'catalog.db'));
    cleanups.push(() => store.close());
    const errors: string[] = [];
    const center = new AlertCenter({
      store,
      channels: [
        webhookChannel(settings(failing.url, { maxAttempts: 3 })),
        webhookChannel(settings(refusing.url)),
      ],
      onError: (e) => errors.push(String(e)),
    });
    await center.observe([drift(true)]);
    expect(failing.received).toHaveLength(3);
    expect(refusing.received).toHaveLength(1);
    expect(errors.join('\n')).toMatch(/after 3 attempt\(s\): HTTP 500/);
    expect(errors.join('\n')).toMatch(/after 1 attempt\(s\): HTTP 400/);
    expect(await store.list({ state: 'open' })).toHaveLength(1);
  });

  it('slack format posts { text, blocks } naming the rule', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const store = await openSqliteAlertStore(path.join(tempDir(), 'catalog.db'));
    cleanups.push(() => store.close());
    const center = new AlertCenter({
      store,
      channels: [webhookChannel(settings(receiver.url, { format: 'slack' }))],
    });
    await center.observe([
      observation('weekly_run_failed', true, 'weekly run r1 failed: boom', {}, { severity: 'critical' }),
    ]);
    const body = JSON.parse(receiver.received[0]!.body) as {
      text: string;
      blocks: { text: { text: string } }[];
    };
    expect(body.text).toBe('[SodAI critical] weekly_run_failed: weekly run r1 failed: boom');
    expect(body.blocks[0]!.text.text).toBe(body.text);
  });
});
