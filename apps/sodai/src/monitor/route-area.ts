import type { RouteArea } from '../contract/requests-api.ts';

/** How the server's metrics label a request no route answered. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Route prefixes (as the server declares its routes), most specific first. */
const AREAS: readonly (readonly [prefix: string, area: RouteArea])[] = [
  ['/predict', 'predict'],
  ['/api/predictions', 'predict'],
  ['/recommend', 'recommend'],
  ['/chat', 'chat'],
  ['/api/chat', 'chat'],
  ['/api/tracking/models', 'models'],
  ['/api/admin/promote', 'models'],
  ['/api/admin/rollback', 'models'],
  ['/api/admin/reload', 'models'],
  ['/api/tracking', 'experiments'],
  ['/api/pipeline', 'pipeline'],
  ['/api/admin/pipeline', 'pipeline'],
  ['/api/ingestions', 'data'],
  ['/api/reports', 'reports'],
  ['/api/admin/landing', 'upload'],
  ['/metrics', 'monitoring'],
  ['/api/monitor', 'monitoring'],
  ['/api/alerts', 'monitoring'],
  ['/health', 'status'],
  ['/ready', 'status'],
  ['/api/serving', 'status'],
  ['/api/auth', 'signIn'],
  ['/api/ui', 'lists'],
  ['/docs', 'docs'],
  // The web UI's catch-all (an address typed into the browser) and what no route answers.
  ['/*', 'other'],
  [UNMATCHED_ROUTE, 'other'],
];

/**
 * The part of the server a route belongs to, or null for a route this list does not know (the
 * Monitoring page then shows it as written). A prefix matches itself and what lies below it, never a
 * longer word (`/predict` is not `/predictions`).
 *
 * @example
 * routeArea('/api/tracking/runs/:runId'); // 'experiments'
 * routeArea('/api/tracking/models/:name'); // 'models'
 * routeArea('/somewhere'); // null
 */
export function routeArea(route: string): RouteArea | null {
  for (const [prefix, area] of AREAS) {
    if (route === prefix || route.startsWith(`${prefix}/`)) return area;
  }
  return null;
}
