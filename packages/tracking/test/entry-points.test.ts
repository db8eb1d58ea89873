import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@sodai/testing';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

const PG = '/node_modules/pg/';
const ZOD = '/node_modules/zod/';
const FASTIFY = [
  '/node_modules/fastify/',
  '/node_modules/@fastify/',
  '/node_modules/fastify-type-provider-zod/',
];
const HEAVY = [PG, ZOD, ...FASTIFY];
const loadedAfterImporting = (entry: string) => modulesLoadedBy(entry, HEAVY, pkg);

describe('entry points', () => {
  it('importing @sodai/tracking loads neither pg nor zod nor Fastify', { timeout: 30_000 }, () => {
    expect(loadedAfterImporting('@sodai/tracking')).toEqual([]);
  });

  it('the probe sees each of them load through the subpaths that need them', { timeout: 30_000 }, () => {
    // Positive controls. zod loads only as ES modules, which the old probe (the CommonJS cache) never saw.
    expect(loadedAfterImporting('@sodai/tracking/postgres')).toContain(PG);
    expect(loadedAfterImporting('@sodai/tracking/http')).toEqual(
      expect.arrayContaining([ZOD, '/node_modules/fastify-type-provider-zod/']),
    );
  });
});
