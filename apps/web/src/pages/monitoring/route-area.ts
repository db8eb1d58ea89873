import type { MessageKey } from '../../i18n/dictionary.ts';

/** What a part of the server does, as the Monitoring page names it in words. */
export type RouteArea =
  | 'predict'
  | 'recommend'
  | 'chat'
  | 'models'
  | 'experiments'
  | 'pipeline'
  | 'data'
  | 'reports'
  | 'upload'
  | 'monitoring'
  | 'status'
  | 'signIn'
  | 'lists'
  | 'docs';

/** Route prefixes (as the server labels its metrics), most specific first. */
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
];

/**
 * The part of the server a metrics route belongs to, or null for a route this list does not know
 * (the page then shows it as written). A prefix matches itself and what lies below it, never a
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

const AREA_NAMES: ReadonlySet<string> = new Set(AREAS.map(([, area]) => area));

/** Whether `name` is an area (a route as written starts with `/`, an area never does). */
export function isRouteArea(name: string): name is RouteArea {
  return AREA_NAMES.has(name);
}

/** The dictionary key naming an area. */
export function routeAreaKey(area: RouteArea): MessageKey {
  return `monitoring.area.${area}`;
}
