import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as r from '../response-schemas.ts';
import * as s from '../schemas.ts';
import type { RouteOptions } from './route-options.ts';

/** Experiments and runs, write side: create, log params, tags and metrics, heartbeat, end. */
export const runWriteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (fastify, options) => {
  const { client } = options;

  fastify.post(
    '/experiments',
    { schema: { body: s.createExperimentBody, response: { 201: r.experimentSchema } } },
    async (req, reply) =>
      reply.code(201).send(await client.createExperiment(req.body.name, req.body.description)),
  );

  fastify.post(
    '/runs',
    { schema: { body: s.createRunBody, response: { 201: r.runSchema } } },
    async (req, reply) => {
      const exp = await client.store.ensureExperiment(req.body.experiment);
      // A run created over HTTP has no local process: pid 0 on a pseudo-host, so only a stale heartbeat
      // (POST /runs/:id/heartbeat) gets it reaped.
      const run = await client.store.createRun({
        experimentId: exp.id,
        ...(req.body.name ? { name: req.body.name } : {}),
        parentRunId: req.body.parentRunId ?? null,
        host: `http:${req.ip}`,
        pid: 0,
      });
      return reply.code(201).send(run);
    },
  );

  fastify.post(
    '/runs/:runId/params',
    { schema: { params: s.runIdParams, body: s.logParamsBody, response: { 204: r.noContent } } },
    async (req, reply) => {
      const params = Object.entries(req.body.params).map(([key, value]) => ({ key, value: String(value) }));
      await client.store.logParams(req.params.runId, params);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/runs/:runId/tags',
    { schema: { params: s.runIdParams, body: s.setTagsBody, response: { 204: r.noContent } } },
    async (req, reply) => {
      await client.store.setTags(
        req.params.runId,
        Object.entries(req.body.tags).map(([key, value]) => ({ key, value })),
      );
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/runs/:runId/metrics',
    { schema: { params: s.runIdParams, body: s.logMetricsBody, response: { 204: r.noContent } } },
    async (req, reply) => {
      const now = Date.now();
      await client.store.logMetrics(
        req.params.runId,
        req.body.metrics.map((m) => ({
          key: m.key,
          value: m.value,
          step: m.step ?? 0,
          timestamp: m.timestamp ?? now,
        })),
      );
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/runs/:runId/heartbeat',
    { schema: { params: s.runIdParams, response: { 200: r.heartbeatSchema } } },
    async (req) => {
      await client.getRun(req.params.runId);
      return { alive: await client.store.heartbeat(req.params.runId) };
    },
  );

  fastify.post(
    '/runs/:runId/end',
    { schema: { params: s.runIdParams, body: s.endRunBody, response: { 200: r.runSchema } } },
    async (req) => client.endRun(req.params.runId, req.body.status),
  );
};
