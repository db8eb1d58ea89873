import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseRunFilter, parseRunOrder, parseStatuses, type RunSearch } from '../../runs/run-filter.ts';
import { z } from 'zod';
import * as r from '../response-schemas.ts';
import * as s from '../schemas.ts';
import type { RouteOptions } from './route-options.ts';

/** Experiments and runs, read side: listing, search, details, metric history, artifact bytes. */
export const runReadRoutes: FastifyPluginAsyncZod<RouteOptions> = async (fastify, options) => {
  const { client } = options;

  fastify.get('/experiments', { schema: { response: { 200: z.array(r.experimentSchema) } } }, async () =>
    client.listExperiments(),
  );

  fastify.get(
    '/runs',
    { schema: { querystring: s.searchRunsQuery, response: { 200: z.array(r.runSchema) } } },
    async (req) => {
      const q = req.query;
      const experimentIds = q.experimentId
        ? [q.experimentId]
        : q.experiment
          ? [(await client.getExperimentByName(q.experiment)).id]
          : undefined;
      const search: RunSearch = {
        ...(experimentIds ? { experimentIds } : {}),
        ...(q.filter ? { where: parseRunFilter(q.filter) } : {}),
        ...(q.orderBy ? { orderBy: q.orderBy.split(',').map(parseRunOrder) } : {}),
        ...(q.status ? { statuses: parseStatuses(q.status) } : {}),
        ...(q.parentRunId ? { parentRunId: q.parentRunId === 'none' ? null : q.parentRunId } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(q.offset !== undefined ? { offset: q.offset } : {}),
      };
      return client.searchRuns(search);
    },
  );

  fastify.get(
    '/runs/:runId',
    { schema: { params: s.runIdParams, response: { 200: r.runDetailsSchema } } },
    async (req) => client.getRunDetails(req.params.runId),
  );

  fastify.get(
    '/runs/:runId/metrics/:key',
    { schema: { params: s.metricParams, response: { 200: z.array(r.metricPointSchema) } } },
    async (req) => client.getMetricHistory(req.params.runId, req.params.key),
  );

  fastify.get(
    '/runs/:runId/artifact',
    {
      schema: {
        params: s.runIdParams,
        querystring: s.artifactQuery,
        response: { 200: r.artifactBytes },
      },
      serializerCompiler: r.bytesAsSent,
    },
    async (req, reply) => {
      const record = await client.store.getArtifact(req.params.runId, req.query.path);
      const bytes = await client.readArtifact(req.params.runId, req.query.path);
      return reply.type(record.contentType).send(Buffer.from(bytes));
    },
  );
};
