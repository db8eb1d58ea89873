import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceGate } from '@sodai/testing';
import pg from 'pg';
import { afterAll } from 'vitest';
import { InMemoryStorage, openSqliteStorage } from '../src/index.ts';
import { openPostgresStorage } from '../src/storages/postgres.ts';
import { storageConformance } from './storage-conformance.ts';

const dir = mkdtempSync(join(tmpdir(), 'tune-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storageConformance('in-memory', async () => new InMemoryStorage());
storageConformance('sqlite', () => openSqliteStorage(join(dir, 'conformance.db')));

const gate = await serviceGate('postgres');
const schema = `tune_test_${process.pid}_${Date.now()}`;
storageConformance('postgres', () => openPostgresStorage(gate.url, { schema }), '', {
  skip: !gate.available,
});
afterAll(async () => {
  if (!gate.available) return;
  const client = new pg.Client({ connectionString: gate.url });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
});
