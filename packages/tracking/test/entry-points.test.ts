import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@sodai/testing';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

const HEAVY = ['/node_modules/pg/', '/node_modules/fastify/', '/node_modules/zod/'];
const loadedAfterImporting = (entry: string) => modulesLoadedBy(entry, HEAVY, pkg);

describe('entry points', () => {
  it('importing @sodai/tracking loads neither pg nor Fastify', { timeout: 30_000 }, () => {
    expect(loadedAfterImporting('@sodai/tracking')).toEqual([]);
    // The probe can see a load: the postgres subpath does bring in pg.
    expect(loadedAfterImporting('@sodai/tracking/postgres')).toContain('/node_modules/pg/');
  });
});
