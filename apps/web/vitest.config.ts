import { defineProject } from 'vitest/config';
import { resolveBrowserSources } from '../../vitest.sources.ts';

export default defineProject({
  ...resolveBrowserSources,
  test: {
    name: '@sodai/web',
    include: ['test/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'jsdom',
    // The end-to-end file builds a store, trains a small model and drives Chromium.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
