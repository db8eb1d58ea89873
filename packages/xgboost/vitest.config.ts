import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@sodai/xgboost',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Native training saturates the 2 shared cores; running files one at a time keeps timings honest.
    fileParallelism: false,
  },
});
