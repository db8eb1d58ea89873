import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serviceGate } from '@sodai/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKysely } from '../src/index.ts';
import { openPostgresKysely } from '../src/postgres.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sodai-sql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pg = await serviceGate('postgres');

interface Tables {
  counter: { id: number; n: number };
}

describe('openSqliteKysely', () => {
  it('creates the folder, uses WAL, and serialises writers from several processes', async () => {
    const file = path.join(dir, 'nested', 'db.sqlite');
    const db = openSqliteKysely<Tables>(file);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    await db.schema
      .createTable('counter')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('n', 'integer')
      .execute();
    await db.insertInto('counter').values({ id: 1, n: 0 }).execute();
    // Read-then-write transactions from two processes: IMMEDIATE makes them queue, none fails.
    const script = `
      import { openSqliteKysely } from ${JSON.stringify(path.resolve(import.meta.dirname, '../src/index.ts'))};
      const db = openSqliteKysely(process.env.SQL_TEST_DB);
      for (let i = 0; i < 50; i++) {
        await db.transaction().execute(async (trx) => {
          const { n } = await trx.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
          await trx.updateTable('counter').set({ n: n + 1 }).where('id', '=', 1).execute();
        });
      }
      await db.destroy();`;
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          env: { ...process.env, SQL_TEST_DB: file },
          stdio: 'inherit',
        });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const { n } = await db.selectFrom('counter').select('n').executeTakeFirstOrThrow();
    expect(n).toBe(100);
    await db.destroy();
  });

  it('waits for a write transaction another process holds on a new file before switching it to WAL (two workers creating one run store)', async () => {
    const file = path.join(dir, 'new-while-written.sqlite');
    // A new file is in rollback-journal mode; another process writes to it for 300 ms.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const db = new Database(process.env.SQL_TEST_DB);
         db.exec('create table t (a integer)');
         db.exec('begin immediate');
         db.prepare('insert into t values (1)').run();
         console.log('holding');
         setTimeout(() => { db.exec('commit'); db.close(); }, 300);`,
      ],
      {
        cwd: import.meta.dirname,
        env: { ...process.env, SQL_TEST_DB: file },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    const db = openSqliteKysely<{ t: { a: number } }>(file);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    expect(await db.selectFrom('t').select('a').execute()).toEqual([{ a: 1 }]);
    await db.destroy();
  });

  it("keeps each connection's page cache at SQLite's 2 MB, not better-sqlite3's 16 MB (a server holds five)", async () => {
    const size = async (options?: { cacheSizeKiB: number }) => {
      const db = openSqliteKysely(path.join(dir, 'cache.sqlite'), options);
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
      await db.destroy();
      return rows[0]!.cache_size;
    };
    expect(await size()).toBe(-2000);
    expect(await size({ cacheSizeKiB: 500 })).toBe(-500);
  });
});

describe.runIf(pg.available)('openPostgresKysely', () => {
  it('works inside its own schema and drops it on request', async () => {
    const schema = `sql_test_${process.pid}`;
    const opened = await openPostgresKysely<Tables>(pg.url, { schema, maxConnections: 2 });
    await opened.db.schema
      .createTable('counter')
      .addColumn('id', 'integer')
      .addColumn('n', 'integer')
      .execute();
    const where = await sql<{ s: string }>`select current_schema() as s`.execute(opened.db);
    expect(where.rows[0]!.s).toBe(schema);
    await opened.dropSchema();
    await opened.db.destroy();
    await expect(openPostgresKysely(pg.url, { schema: 'Bad-Name' })).rejects.toThrow(
      /lower-case SQL identifier/,
    );
  });

  it('survives the server ending its connections, idle or inside a transaction (a Postgres restart), and reconnects', async () => {
    const schema = `sql_restart_${process.pid}`;
    const opened = await openPostgresKysely<Tables>(pg.url, { schema, maxConnections: 2 });
    try {
      const mine = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(opened.db);
      const admin = await openPostgresKysely<Tables>(pg.url, { maxConnections: 1 });
      // What a restart does to every connection: the server ends it while it sits idle in the pool.
      await sql`select pg_terminate_backend(${mine.rows[0]!.pid})`.execute(admin.db);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await sql<{ one: number }>`select 1 as one`.execute(opened.db)).rows[0]!.one).toBe(1);
      // The same in the middle of a transaction, while its connection sits between two statements:
      // the transaction fails, the process lives on.
      await expect(
        opened.db.transaction().execute(async (trx) => {
          const held = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await sql`select pg_terminate_backend(${held.rows[0]!.pid})`.execute(admin.db);
          await new Promise((resolve) => setTimeout(resolve, 200));
          await sql`select 1`.execute(trx);
        }),
      ).rejects.toThrow();
      await admin.db.destroy();
      expect((await sql<{ one: number }>`select 1 as one`.execute(opened.db)).rows[0]!.one).toBe(1);
    } finally {
      await opened.dropSchema();
      await opened.db.destroy();
    }
  });
});
