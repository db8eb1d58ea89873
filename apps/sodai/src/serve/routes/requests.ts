import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RequestFiguresSchema } from '../../contract/requests-api.ts';
import { requestFigures } from '../../monitor/request-figures.ts';
import type { ServeContext } from '../serve-context.ts';

/**
 * Requests, errors and response times per part of the server, and predictions per model version,
 * since the server started: what `/metrics` gives Prometheus, read from the same counters, as JSON
 * for the Monitoring page (which would otherwise parse the text format).
 *
 * @example
 * await app.register(requestRoutes, { ctx, prefix: '/api' });
 * await app.inject({ method: 'GET', url: '/api/monitor/requests' });
 */
export const requestRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.get(
    '/monitor/requests',
    {
      schema: {
        operationId: 'getRequestFigures',
        summary:
          'Requests, 5xx errors, mean and p95 time to answer per part of the server, and predictions per model version, since the server started',
        tags: ['monitor'],
        response: { 200: RequestFiguresSchema },
      },
    },
    () => requestFigures(ctx.metrics),
  );
};
