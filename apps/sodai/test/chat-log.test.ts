import { serviceGate, storeFixtures, type OpenFixture } from '@sodai/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openChatLog } from '../src/chat/analytics/open-chat-log.ts';
import type { ChatLog, ChatLogEntry } from '../src/chat/analytics/chat-log.ts';

// Chat analytics live in the metadata database: SQLite embedded, Postgres when DATABASE_URL is set.
const fixtures = storeFixtures({
  prefix: 'sodai-chatlog-',
  openSqlite: (dir) => openChatLog({ dataDir: dir }),
  openPostgres: (url, schema) => openChatLog({ databaseUrl: url, dataDir: '.', schema }),
});

let sequence = 0;
function entry(text: string, overrides: Partial<ChatLogEntry> = {}): ChatLogEntry {
  sequence++;
  return {
    id: `q${sequence}`,
    sessionId: 'session-1',
    askedAt: new Date(Date.UTC(2026, 10, 28, 10, 0, sequence)),
    text,
    lang: 'es',
    intent: 'recommend',
    entities: { customer_id: 100001 },
    answered: true,
    latencyMs: sequence,
    source: 'rules',
    ...overrides,
  };
}

function describeChatLog(name: string, open: OpenFixture<ChatLog>): void {
  describe(`chat analytics: ${name}`, () => {
    let log: ChatLog;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store: log, cleanup } = await open());
    });
    afterEach(async () => cleanup());

    it('groups the same question however it is typed, most frequent first', async () => {
      await log.record(entry('¿Qué le ofrezco al cliente 100001?'));
      await log.record(entry('  ¿qué le ofrezco al   cliente 100001? '));
      await log.record(entry('¿Hay drift?', { intent: 'drift_status' }));
      const stats = await log.analytics(10);
      expect(stats.total).toBe(3);
      expect(stats.frequent[0]).toMatchObject({ count: 2, intent: 'recommend' });
      expect(stats.frequent[1]).toMatchObject({ text: '¿Hay drift?', count: 1 });
      expect(stats.by_intent).toEqual([
        { intent: 'recommend', count: 2 },
        { intent: 'drift_status', count: 1 },
      ]);
    });

    it('lists unanswered questions apart and counts feedback on the right question', async () => {
      const asked = entry('¿va a llover mañana?', { intent: 'unknown', answered: false });
      await log.record(asked);
      const answered = entry('¿Cuántos clientes hay?', { intent: 'count_customers' });
      await log.record(answered);
      expect(await log.feedback(answered.id, 'up')).toBe(true);
      expect(await log.feedback(asked.id, 'down')).toBe(true);
      expect(await log.feedback('no-such-question', 'up')).toBe(false);
      const stats = await log.analytics(10);
      expect(stats).toMatchObject({ total: 2, answered: 1, up: 1, down: 1 });
      expect(stats.unanswered.map((q) => q.text)).toEqual(['¿va a llover mañana?']);
      const recent = stats.recent.find((r) => r.id === answered.id);
      expect(recent).toMatchObject({ feedback: 'up', answered: true, lang: 'es' });
    });

    it('reports the 95th percentile latency and keeps to the limit', async () => {
      for (let i = 0; i < 40; i++) await log.record(entry(`pregunta ${i}`, { latencyMs: i + 1 }));
      const stats = await log.analytics(5);
      expect(stats.p95_latency_ms).toBe(38);
      expect(stats.frequent).toHaveLength(5);
      expect(stats.recent).toHaveLength(5);
      expect(stats.recent[0]!.text).toBe('pregunta 39');
    });
  });
}

describeChatLog('SQLite', fixtures.openSqliteFixture);

describe('chat analytics: SQLite across a restart', () => {
  it('keeps the questions when the log is reopened', async () => {
    const { store: first, dir, cleanup } = await fixtures.openSqliteFixture();
    try {
      await first.record(entry('¿Qué compró el cliente 100001?'));
      await first.close();
      const reopened = await openChatLog({ dataDir: dir });
      try {
        expect((await reopened.analytics(10)).total).toBe(1);
      } finally {
        await reopened.close();
      }
    } finally {
      await cleanup().catch(() => undefined);
    }
  });
});

const pg = await serviceGate('postgres');
describe.runIf(pg.available)('Postgres', () => {
  describeChatLog('Postgres', fixtures.postgresFixture(pg.url));
});
