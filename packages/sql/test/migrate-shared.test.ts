import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serviceGate } from '@sodai/testing';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateShared, openSqliteKysely } from '../src/index.ts';
import { openPostgresKysely } from '../src/postgres.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sodai-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pg = await serviceGate('postgres');

/** A migration that adds table `name`: what every migration here does (they only add). */
const adds = (name: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable(name).addColumn('id', 'integer').execute();
  },
});
const version = (...names: string[]): MigrationProvider => ({
  getMigrations: async () => Object.fromEntries(names.map((n) => [n, adds(`t_${n.replace(/\W/g, '_')}`)])),
});
// A table name per backend: the notice is said once per table name and process.
let table = 'app_migrations';
const props = (provider: MigrationProvider) => ({
  provider,
  migrationTableName: table,
  migrationLockTableName: `${table}_lock`,
});

// Found on the Postgres walk: a CLI of a newer version migrated the shared catalog while a worker of
// the previous version ran, and every task on that worker then failed with Kysely's "corrupted
// migrations: previously executed migration 0004-… is missing".
function describeRollingUpgrade(
  backend: string,
  open: () => Promise<{ db: Kysely<unknown>; close(): Promise<void> }>,
) {
  describe(`migrateShared on ${backend}: versions upgraded one machine at a time`, () => {
    it('lets an older version run on a database a newer one migrated, and says so once', async () => {
      table = `app_migrations_${backend.toLowerCase()}`;
      const { db, close } = await open();
      const warnings: Error[] = [];
      const onWarning = (w: Error) => warnings.push(w);
      process.on('warning', onWarning);
      try {
        expect(await migrateShared(db, props(version('0001-a', '0002-b')))).toEqual({
          applied: ['0001-a', '0002-b'],
          newer: [],
        });
        const older = await migrateShared(db, props(version('0001-a')));
        expect(older).toEqual({ applied: [], newer: ['0002-b'] });
        expect(await migrateShared(db, props(version('0001-a')))).toEqual({ applied: [], newer: ['0002-b'] });
        await new Promise((resolve) => setImmediate(resolve));
        const said = warnings.filter((w) => w.name === 'SchemaNewerThanProgram');
        expect(said).toHaveLength(1);
        expect(said[0]!.message).toMatch(/app_migrations_\w+: .*newer version \(0002-b\).*upgrade it/);
        expect(await migrateShared(db, props(version('0001-a', '0002-b', '0003-c')))).toEqual({
          applied: ['0003-c'],
          newer: [],
        });
      } finally {
        process.off('warning', onWarning);
        await close();
      }
    });

    it('refuses a database that both lacks migrations of this version and holds unknown ones', async () => {
      const { db, close } = await open();
      try {
        await migrateShared(db, {
          ...props(version('0001-a', '0002-b')),
          migrationTableName: 'forked_migrations',
        });
        const forked = await migrateShared(db, {
          ...props(version('0001-a', '0002-x')),
          migrationTableName: 'forked_migrations',
        });
        expect(forked.applied).toEqual([]);
        expect(String(forked.error)).toMatch(/does not know \(0002-b\).*lacks some it needs \(0002-x\)/);
      } finally {
        await close();
      }
    });
  });
}

let sqliteCount = 0;
describeRollingUpgrade('SQLite', async () => {
  const db = openSqliteKysely<unknown>(path.join(dir, `m${++sqliteCount}.sqlite`));
  return { db, close: () => db.destroy() };
});

let schemaCount = 0;
describe.runIf(pg.available)('on Postgres', () => {
  describeRollingUpgrade('Postgres', async () => {
    const opened = await openPostgresKysely<unknown>(pg.url, {
      schema: `sql_migrate_${process.pid}_${++schemaCount}`,
    });
    return {
      db: opened.db,
      close: async () => {
        await opened.dropSchema();
        await opened.db.destroy();
      },
    };
  });
});
