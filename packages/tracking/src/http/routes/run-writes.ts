import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as s from '../schemas.ts';
import type { RouteOptions } from './route-options.ts';

/** Experiments and runs, write side: create, log params, tags and metrics, heartbeat, end. */
export const runWriteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (fastify, options) => {
  const { client } = options;

  fastify.post('/experiments', { schema: { body: s.createExperimentBody } }, async (req, reply) =>
    reply.code(201).send(await client.createExperiment(req.body.name, req.body.description)),
  );

  fastify.post('/runs', { schema: { body: s.createRunBody } }, async (req, reply) => {
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
  });

  fastify.post(
    '/runs/:runId/params',
    { schema: { params: s.runIdParams, body: s.logParamsBody } },
    async (req, reply) => {
      const params = Object.entries(req.body.params).map(([key, value]) => ({ key, value: String(value) }));
      await client.store.logParams(req.params.runId, params);
      return reply.code(204).send();
    },
  );

  fastify.post(
    '/runs/:runId/tags',
    { schema: { params: s.runIdParams, body: s.setTagsBody } },
    async (req, reply) => {
      await client.store.setTags(
        req.params.runId,
        Object.entries(req.body.tags).map(([key, value]) => ({ key, value })),
      );
      return reply.code(204).send();
    },
  );

  fastify.post(
    '/runs/:runId/metrics',
    { schema: { params: s.runIdParams, body: s.logMetricsBody } },
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
      return reply.code(204).send();
    },
  );

  fastify.post('/runs/:runId/heartbeat', { schema: { params: s.runIdParams } }, async (req) => {
    await client.getRun(req.params.runId);
    return { alive: await client.store.heartbeat(req.params.runId) };
  });

  fastify.post('/runs/:runId/end', { schema: { params: s.runIdParams, body: s.endRunBody } }, async (req) =>
    client.endRun(req.params.runId, req.body.status),
  );
};
