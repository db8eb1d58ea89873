// The HTTP layer's public surface; `src/index.ts` re-exports it.
export { buildServer, type ServeDeps, type ServeOptions, type ServingHandle } from './build-server.ts';
export { errorHandler } from './error-handler.ts';
export { resolveLang } from './language.ts';
export { webUiRoutes, DEFAULT_WEB_DIST, type WebUiOptions } from './routes/web-ui.ts';
export type { ServeContext } from './serve-context.ts';
