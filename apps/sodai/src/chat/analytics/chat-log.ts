import { sql, type Kysely, type MigrationProvider } from 'kysely';
import { migrateShared } from '@sodai/sql';
import type { ChatAnalytics, ChatEntities, ChatIntent, Lang } from '../../contract/api.ts';

/** One logged question. */
export interface ChatLogEntry {
  readonly id: string;
  readonly sessionId: string;
  readonly askedAt: Date;
  readonly text: string;
  readonly lang: Lang;
  readonly intent: ChatIntent;
  readonly entities: ChatEntities;
  readonly answered: boolean;
  readonly latencyMs: number;
  readonly source: 'rules' | 'llm';
}

interface ChatQuestionsTable {
  id: string;
  session_id: string;
  asked_at: number;
  text: string;
  /** Lower case and trimmed: what "most frequent" groups by. */
  text_key: string;
  lang: string;
  intent: string;
  entities_json: string;
  answered: number;
  latency_ms: number;
  source: string;
  feedback: string | null;
}

export interface ChatLogDatabase {
  chat_questions: ChatQuestionsTable;
}

function provider(): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001-chat-questions': {
        async up(db: Kysely<unknown>) {
          await db.schema
            .createTable('chat_questions')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('session_id', 'text', (c) => c.notNull())
            .addColumn('asked_at', 'bigint', (c) => c.notNull())
            .addColumn('text', 'text', (c) => c.notNull())
            .addColumn('text_key', 'text', (c) => c.notNull())
            .addColumn('lang', 'text', (c) => c.notNull())
            .addColumn('intent', 'text', (c) => c.notNull())
            .addColumn('entities_json', 'text', (c) => c.notNull())
            .addColumn('answered', 'integer', (c) => c.notNull())
            .addColumn('latency_ms', 'real', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('feedback', 'text')
            .execute();
          await db.schema
            .createIndex('chat_questions_asked_at')
            .on('chat_questions')
            .column('asked_at')
            .execute();
          await db.schema
            .createIndex('chat_questions_text_key')
            .on('chat_questions')
            .column('text_key')
            .execute();
        },
      },
    }),
  };
}

/**
 * The chat analytics log in the metadata database (SQLite by default, Postgres with DATABASE_URL):
 * every question with its language, intent, entities, whether it was answered, latency and the
 * user's feedback. One row per question; feedback updates that row.
 *
 * @example
 * const log = await openChatLog({ dataDir: '.sodai' });
 * const id = await log.record({ ... });
 * await log.feedback(id, 'up');
 * (await log.analytics(10)).unanswered;
 */
export class ChatLog {
  constructor(
    private readonly db: Kysely<ChatLogDatabase>,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
  ) {}

  /** Creates the table when missing (Kysely migrations under their own table names). */
  static async migrate(db: Kysely<unknown>): Promise<void> {
    const { error } = await migrateShared(db, {
      provider: provider(),
      migrationTableName: 'chat_migrations',
      migrationLockTableName: 'chat_migrations_lock',
    });
    if (error) throw new Error(`chat log migration failed: ${String(error)}`, { cause: error });
  }

  async record(e: ChatLogEntry): Promise<void> {
    await this.db
      .insertInto('chat_questions')
      .values({
        id: e.id,
        session_id: e.sessionId,
        asked_at: e.askedAt.getTime(),
        text: e.text,
        text_key: e.text.trim().toLowerCase().replace(/\s+/g, ' '),
        lang: e.lang,
        intent: e.intent,
        entities_json: JSON.stringify(e.entities),
        answered: e.answered ? 1 : 0,
        latency_ms: e.latencyMs,
        source: e.source,
        feedback: null,
      })
      .execute();
  }

  /** Sets the feedback of a logged question; false when there is no such question. */
  async feedback(id: string, rating: 'up' | 'down'): Promise<boolean> {
    const result = await this.db
      .updateTable('chat_questions')
      .set({ feedback: rating })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Totals, the most frequent and the unanswered questions, and the latest ones. */
  async analytics(limit: number): Promise<ChatAnalytics> {
    const totals = await this.db
      .selectFrom('chat_questions')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('total'),
        eb.fn.sum<number | string | null>('answered').as('answered'),
        eb.fn.sum<number | string | null>(sql<number>`case when feedback = 'up' then 1 else 0 end`).as('up'),
        eb.fn
          .sum<number | string | null>(sql<number>`case when feedback = 'down' then 1 else 0 end`)
          .as('down'),
      ])
      .executeTakeFirstOrThrow();
    const latencies = (
      await this.db.selectFrom('chat_questions').select('latency_ms').orderBy('latency_ms').execute()
    ).map((r) => Number(r.latency_ms));
    const byIntent = await this.db
      .selectFrom('chat_questions')
      .select((eb) => ['intent', eb.fn.countAll<number | string>().as('n')])
      .groupBy('intent')
      .orderBy('n', 'desc')
      .orderBy('intent')
      .execute();
    const grouped = (answered: boolean | undefined) => {
      let q = this.db
        .selectFrom('chat_questions')
        .select((eb) => [
          'text_key',
          eb.fn.max('text').as('text'),
          eb.fn.max('intent').as('intent'),
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.max('asked_at').as('last'),
        ])
        .groupBy('text_key');
      if (answered !== undefined) q = q.where('answered', '=', answered ? 1 : 0);
      return q.orderBy('n', 'desc').orderBy('last', 'desc').limit(limit).execute();
    };
    const stat = (r: { text: string; intent: string; n: number | string; last: number | string }) => ({
      text: r.text,
      count: Number(r.n),
      intent: r.intent as ChatIntent,
      last_asked_at: new Date(Number(r.last)).toISOString(),
    });
    const recent = await this.db
      .selectFrom('chat_questions')
      .selectAll()
      .orderBy('asked_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return {
      total: Number(totals.total),
      answered: Number(totals.answered ?? 0),
      up: Number(totals.up ?? 0),
      down: Number(totals.down ?? 0),
      p95_latency_ms: latencies.length
        ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]!
        : null,
      by_intent: byIntent.map((r) => ({ intent: r.intent as ChatIntent, count: Number(r.n) })),
      frequent: (await grouped(undefined)).map(stat),
      unanswered: (await grouped(false)).map(stat),
      recent: recent.map((r) => ({
        id: r.id,
        text: r.text,
        lang: r.lang as Lang,
        intent: r.intent as ChatIntent,
        answered: Number(r.answered) === 1,
        latency_ms: Number(r.latency_ms),
        feedback: (r.feedback as 'up' | 'down' | null) ?? null,
        asked_at: new Date(Number(r.asked_at)).toISOString(),
      })),
    };
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
