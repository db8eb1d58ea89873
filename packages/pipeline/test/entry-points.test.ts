import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@sodai/testing';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

const HEAVY = ['/node_modules/pg/', '/node_modules/bullmq/', '/node_modules/ioredis/'];
const loadedAfterImporting = (entry: string) => modulesLoadedBy(entry, HEAVY, pkg);

describe('entry points', () => {
  it(
    'importing @sodai/pipeline loads neither pg nor BullMQ nor ioredis; the subpaths do',
    { timeout: 30_000 },
    () => {
      expect(loadedAfterImporting('@sodai/pipeline')).toEqual([]);
      expect(loadedAfterImporting('@sodai/pipeline/postgres')).toContain('/node_modules/pg/');
      expect(loadedAfterImporting('@sodai/pipeline/bullmq')).toEqual(
        expect.arrayContaining(['/node_modules/bullmq/']),
      );
    },
  );
});
