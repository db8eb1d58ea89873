import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, moduleGraph, modulesLoadedBy } from '../src/module-graph.ts';

const graphDir = fileURLToPath(new URL('./fixtures/graph/', import.meta.url));
const fixture = (name: string) => `./${name}`;

describe('moduleGraph', () => {
  it(
    'sees ES modules (kysely) and CommonJS modules (pg-protocol) that an import loads',
    { timeout: 30_000 },
    () => {
      expect(
        modulesLoadedBy(fixture('leaf.ts'), ['/node_modules/kysely/', '/node_modules/pg/'], graphDir),
      ).toEqual(['/node_modules/kysely/']);
      // pg's ESM wrapper requires its CommonJS lib, which requires pg-protocol: only the require cache
      // sees that one, the ESM loader never does.
      expect(modulesLoadedBy('pg', ['/node_modules/pg-protocol/'], graphDir)).toEqual([
        '/node_modules/pg-protocol/',
      ]);
    },
  );

  it('finds an import cycle and ignores type-only imports', { timeout: 30_000 }, () => {
    const cyclic = moduleGraph(fixture('cycle-a.ts'), graphDir);
    expect(importCycles(cyclic.edges, graphDir)).toEqual([
      [join(graphDir, 'cycle-a.ts'), join(graphDir, 'cycle-b.ts')],
    ]);
    const acyclic = moduleGraph(fixture('acyclic.ts'), graphDir);
    expect(acyclic.loaded).not.toContain(join(graphDir, 'cycle-a.ts'));
    expect(importCycles(acyclic.edges, graphDir)).toEqual([]);
  });
});

describe('importCycles', () => {
  it('reports a file importing itself and leaves edges outside the folder out', () => {
    expect(
      importCycles(
        [
          ['/p/src/x.ts', '/p/src/x.ts'],
          ['/p/src/y.ts', '/q/z.ts'],
          ['/q/z.ts', '/p/src/y.ts'],
        ],
        '/p/src',
      ),
    ).toEqual([['/p/src/x.ts']]);
  });
});
