import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@sodai/testing';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

const PG = '/node_modules/pg/';
const KYSELY = '/node_modules/kysely/';

describe('entry points', () => {
  it('importing @sodai/tune loads Kysely but never pg', { timeout: 30_000 }, () => {
    // Kysely doubles as the positive control: it is an ES module the probe must see load.
    expect(modulesLoadedBy('@sodai/tune', [PG, KYSELY], pkg)).toEqual([KYSELY]);
  });

  it('the postgres subpath does load pg', { timeout: 30_000 }, () => {
    expect(modulesLoadedBy('@sodai/tune/postgres', [PG], pkg)).toEqual([PG]);
  });
});
