import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/pipeline',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
