import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modulesLoadedBy } from '@sodai/testing';

/** What a command's action needs and `sodai --help`, a typo or a usage error must not pay for. */
const HEAVY = [
  '/node_modules/@duckdb/',
  '/node_modules/koffi/',
  '/node_modules/better-sqlite3/',
  '/node_modules/fastify/',
  '/node_modules/bullmq/',
  '/node_modules/ioredis/',
  '/node_modules/pg/',
  '/node_modules/@aws-sdk/',
];

describe('the sodai command tree', () => {
  it('is built without loading DuckDB, XGBoost, the server, the queue or a database client', () => {
    const entry = pathToFileURL(path.resolve(import.meta.dirname, '../src/cli/build-cli.ts')).href;
    expect(modulesLoadedBy(entry, HEAVY, import.meta.dirname)).toEqual([]);
  });
});
