import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@sodai/testing',
    include: ['test/**/*.test.ts'],
  },
});
