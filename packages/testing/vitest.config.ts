import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/testing',
    include: ['test/**/*.test.ts'],
  },
});
