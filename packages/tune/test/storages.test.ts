import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteKysely } from '@sodai/sql';
import { serviceGate } from '@sodai/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryStorage, openSqliteStorage } from '../src/index.ts';
import { initial } from '../src/storages/migrations/0001-initial.ts';
import { openPostgresStorage } from '../src/storages/postgres.ts';
import { storageConformance } from './storage-conformance.ts';

const dir = mkdtempSync(join(tmpdir(), 'tune-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storageConformance('in-memory', async () => new InMemoryStorage());
storageConformance('sqlite', () => openSqliteStorage(join(dir, 'conformance.db')));

const gate = await serviceGate('postgres');
storageConformance(
  'postgres',
  () =>
    openPostgresStorage(gate.url, {
      schema: `tune_test_${randomBytes(6).toString('hex')}`,
      dropSchemaOnClose: true,
    }),
  '',
  { skip: !gate.available },
);

const appliedMigrations = async (path: string): Promise<string[]> => {
  const db = openSqliteKysely<unknown>(path);
  try {
    const { rows } = await sql<{ name: string }>`select name from tune_migrations order by name`.execute(db);
    return rows.map((r) => r.name);
  } finally {
    await db.destroy();
  }
};

describe('SQLite storage migrations', () => {
  it('records each versioned migration once, however often the file is opened', async () => {
    const path = join(dir, 'versioned.db');
    await (await openSqliteStorage(path)).close();
    await (await openSqliteStorage(path)).close();
    expect(await appliedMigrations(path)).toEqual(['0001-initial']);
  });

  it('adopts a database whose tables predate versioned migrations, keeping its studies', async () => {
    const path = join(dir, 'legacy.db');
    const legacy = openSqliteKysely<unknown>(path);
    await initial('sqlite').up(legacy as Kysely<unknown>);
    await sql`insert into tune_studies (name, direction, created_at_ms) values ('kept', 'minimize', 0)`.execute(
      legacy,
    );
    await legacy.destroy();

    const storage = await openSqliteStorage(path);
    expect(await storage.getStudy('kept')).toMatchObject({ name: 'kept', direction: 'minimize' });
    await storage.close();
    expect(await appliedMigrations(path)).toEqual(['0001-initial']);
  });
});

describe.runIf(gate.available)('Postgres storage', () => {
  it('keeps its tables and migration record in its own schema and drops it on close', async () => {
    const schema = `tune_test_${randomBytes(6).toString('hex')}`;
    const storage = await openPostgresStorage(gate.url, { schema });
    await storage.createStudy('in-schema', 'maximize');
    await storage.close();
    const reopened = await openPostgresStorage(gate.url, { schema, dropSchemaOnClose: true });
    expect(await reopened.getStudy('in-schema')).toMatchObject({ direction: 'maximize' });
    await reopened.close();
    const other = await openPostgresStorage(gate.url, {
      schema: `tune_test_${randomBytes(6).toString('hex')}`,
      dropSchemaOnClose: true,
    });
    expect(await other.getStudy('in-schema')).toBeUndefined();
    await other.close();
  });

  it('rejects a schema name that is not a lower-case SQL identifier', async () => {
    await expect(openPostgresStorage(gate.url, { schema: 'Bad; drop' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
