import type { FastifyInstance, RouteOptions } from 'fastify';
import { ErrorBodySchema } from '../contract/api.ts';

/**
 * `get /api/tracking/runs/:runId` → `getApiTrackingRunsByRunId`: derived from the route itself, so
 * it is stable while the route is, and unique because method and path are.
 */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((part) => part !== '' && part !== '*')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/**
 * Gives every documented route an operationId (generated clients name their methods by it) and
 * declares the one error body for its 4xx and 5xx answers, unless the route says otherwise. Added
 * before the routes register, so the tracking plugin's routes get the same.
 */
export function addOpenApiDefaults(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as Record<string, unknown> & { hide?: boolean };
    if (schema.hide) return;
    const method = Array.isArray(route.method) ? route.method[0]! : route.method;
    if (method === 'HEAD') return;
    const response = (schema.response ?? {}) as Record<string, unknown>;
    route.schema = {
      ...schema,
      operationId: (schema.operationId as string | undefined) ?? operationIdFor(method, route.url),
      response: {
        ...response,
        '4XX': response['4XX'] ?? ErrorBodySchema,
        '5XX': response['5XX'] ?? ErrorBodySchema,
      },
    };
  });
}
