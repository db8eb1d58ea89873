import path from 'node:path';
import type { Kysely } from 'kysely';
import { openSqliteKysely } from '@sodai/sql';
import { ChatLog, type ChatLogDatabase } from './chat-log.ts';

export interface OpenChatLogOptions {
  /** `postgres://…` for Postgres; otherwise a SQLite file `<dataDir>/chat.db`. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Postgres schema (default `public`); tests use a throwaway one. */
  readonly schema?: string;
}

/**
 * Opens the chat log in the metadata database: Postgres when `databaseUrl` is a postgres URL
 * (loaded only then), else a SQLite file beside the other metadata.
 *
 * @example
 * const log = await openChatLog({ dataDir: '.sodai', databaseUrl: process.env.DATABASE_URL });
 */
export async function openChatLog(options: OpenChatLogOptions): Promise<ChatLog> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { openPostgresKysely } = await import('@sodai/sql/postgres');
    const { db, dropSchema } = await openPostgresKysely<ChatLogDatabase>(
      url,
      options.schema ? { schema: options.schema } : {},
    );
    await ChatLog.migrate(db as Kysely<unknown>);
    return new ChatLog(db, async () => {
      if (options.schema) await dropSchema();
      await db.destroy();
    });
  }
  const file =
    url && !url.includes('://')
      ? path.join(path.dirname(url), 'chat.db')
      : path.join(options.dataDir, 'chat.db');
  const db = openSqliteKysely<ChatLogDatabase>(file);
  await ChatLog.migrate(db as Kysely<unknown>);
  return new ChatLog(db);
}
