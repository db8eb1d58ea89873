import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedModules, modulesLoadedBy } from '../src/loaded-modules.ts';

const dir = fileURLToPath(new URL('./fixtures/loaded/', import.meta.url));

describe('loadedModules', () => {
  it(
    'sees ES modules (kysely) and CommonJS modules (pg-protocol) that an import loads',
    { timeout: 30_000 },
    () => {
      expect(modulesLoadedBy('./leaf.ts', ['/node_modules/kysely/', '/node_modules/pg/'], dir)).toEqual([
        '/node_modules/kysely/',
      ]);
      // pg's ESM wrapper requires its CommonJS lib, which requires pg-protocol: only the require cache
      // sees that one, the ESM loader never does.
      expect(modulesLoadedBy('pg', ['/node_modules/pg-protocol/'], dir)).toEqual([
        '/node_modules/pg-protocol/',
      ]);
    },
  );

  it(
    'lists the entry itself but nothing reached only through a type-only import',
    { timeout: 30_000 },
    () => {
      const loaded = loadedModules('./type-only.ts', dir);
      expect(loaded).toContain(join(dir, 'type-only.ts'));
      expect(loaded).not.toContain(join(dir, 'leaf.ts'));
      expect(loaded.some((p) => p.includes('/node_modules/kysely/'))).toBe(false);
    },
  );
});
