import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

// Its tests start Node processes (tsx), which take seconds on a loaded machine: the 5 s default is too tight.
export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/sql',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
