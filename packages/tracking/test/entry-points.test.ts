import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCycles, moduleGraph, modulesLoadedBy } from '@sodai/testing';
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
    // Positive controls: zod is an ES module and pg CommonJS, so the probe must see both loaders.
    expect(loadedAfterImporting('@sodai/tracking/postgres')).toContain(PG);
    expect(loadedAfterImporting('@sodai/tracking/http')).toEqual(
      expect.arrayContaining([ZOD, '/node_modules/fastify-type-provider-zod/']),
    );
  });

  it('no runtime import cycle among the package source files', { timeout: 30_000 }, () => {
    const src = join(pkg, 'src');
    const { loaded, edges } = moduleGraph('@sodai/tracking', pkg);
    // The graph must reach the store's parts (once a cycle) for "no cycle" to mean anything.
    for (const part of ['store/kysely-store.ts', 'runs/kysely-run-store.ts', 'registry/kysely-registry.ts']) {
      expect(loaded).toContain(join(src, part));
    }
    expect(importCycles(edges, src)).toEqual([]);
  });
});
