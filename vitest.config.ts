import { defineConfig } from 'vitest/config';
import { passSourceConditionToChildren } from './vitest.sources.ts';

passSourceConditionToChildren();

// One `npm test` runs every workspace; each package or app may add its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/sodai', 'apps/sodai/vitest.chat.config.ts', 'apps/web'],
  },
});
