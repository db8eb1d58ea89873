import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@sodai/drift',
    testTimeout: 20_000,
  },
});
