import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/app',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
