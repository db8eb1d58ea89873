import { defineConfig } from 'vitest/config';
import { passSourceConditionToChildren, resolveSources } from '../../vitest.sources.ts';

passSourceConditionToChildren();

// `npm run test:faults`: the fault-injection suite (test/faults/), one file at a time because its
// tests mount file systems, kill processes and move clocks.
export default defineConfig({
  ...resolveSources,
  test: {
    name: '@sodai/app faults',
    root: import.meta.dirname,
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
