import { defaultClientConditions, defaultServerConditions } from 'vite';

/**
 * Tests run the TypeScript sources, not `dist/`: every workspace's `exports` carries a
 * `@sodai/source` condition pointing at `src/`, which Vite (here) and Node (child processes, through
 * NODE_OPTIONS set by the root config) both honour. Spread into each project's config.
 */
export const SOURCE_CONDITION = '@sodai/source';

/**
 * Node test projects resolve as Node does, plus the source condition: Vite's `module` and `browser`
 * conditions pick bundler-only builds (the AWS SDK's `dist-es`, extensionless imports) that Node
 * then cannot load.
 */
const NODE_CONDITIONS = [SOURCE_CONDITION, 'node', 'development|production'];
export const resolveSources = {
  resolve: { conditions: NODE_CONDITIONS },
  ssr: { resolve: { conditions: NODE_CONDITIONS } },
};

/** The web app's jsdom project: browser conditions for the UI code. */
export const resolveBrowserSources = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
};

/**
 * Processes the tests start (the `sodai` bin, workers under tsx) inherit NODE_OPTIONS and so load
 * sources too. Every top-level vitest config calls this once.
 */
export function passSourceConditionToChildren(): void {
  const flag = `--conditions=${SOURCE_CONDITION}`;
  const current = process.env.NODE_OPTIONS ?? '';
  if (!current.includes(flag)) process.env.NODE_OPTIONS = `${current} ${flag}`.trim();
}
