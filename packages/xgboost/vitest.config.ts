import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/xgboost',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Native training saturates the 2 shared cores; running files one at a time keeps timings honest.
    fileParallelism: false,
  },
});
