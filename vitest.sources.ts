import { defaultClientConditions, defaultServerConditions } from 'vite';

/**
 * Tests run the TypeScript sources, not `dist/`: every workspace's `exports` carries a
 * `@sodai/source` condition pointing at `src/`, which Vite (here) and Node (child processes, through
 * NODE_OPTIONS set by the root config) both honour. Spread into each project's config.
 */
export const SOURCE_CONDITION = '@sodai/source';

export const resolveSources = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
};
