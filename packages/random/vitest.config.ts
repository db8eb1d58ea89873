import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@sodai/random',
    include: ['test/**/*.test.ts'],
  },
});
