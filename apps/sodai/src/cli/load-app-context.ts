import type { AppContext } from './app-context.ts';

/**
 * The app context, loaded when a command runs: the context pulls in the stores, DuckDB, XGBoost and
 * the pipeline, which `sodai --help`, a typo or a usage error must not wait for.
 */
export async function loadAppContext(configFile?: string): Promise<AppContext> {
  const { appContext } = await import('./app-context.ts');
  return appContext(configFile);
}
