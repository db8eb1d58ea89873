import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITION } from './vitest.sources.ts';

// Processes the tests start (the `sodai` bin, workers under tsx) inherit this and load sources too.
const conditionFlag = `--conditions=${SOURCE_CONDITION}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(conditionFlag)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${conditionFlag}`.trim();
}

// One `npm test` runs every workspace; each package or app may add its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/sodai', 'apps/web'],
  },
});
