import type { RouteArea } from '../../api/contract.ts';
import type { MessageKey } from '../../i18n/dictionary.ts';

/**
 * Every part of the server (the server's `ROUTE_AREAS`, which the browser bundle does not load):
 * typed as a record of them, so a part added there fails to compile here until it is listed.
 */
const AREAS: Readonly<Record<RouteArea, true>> = {
  predict: true,
  recommend: true,
  chat: true,
  models: true,
  experiments: true,
  pipeline: true,
  data: true,
  reports: true,
  upload: true,
  monitoring: true,
  status: true,
  signIn: true,
  lists: true,
  docs: true,
  other: true,
};

/** Whether `name` is a part of the server (the prediction log names its routes `predict`, `recommend`). */
export function isRouteArea(name: string): name is RouteArea {
  return Object.hasOwn(AREAS, name);
}

/** The dictionary key naming a part of the server. */
export function routeAreaKey(area: RouteArea): MessageKey {
  return `monitoring.area.${area}`;
}
