import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModelSignature } from '../../registry/records.ts';
import * as r from '../response-schemas.ts';
import * as s from '../schemas.ts';
import type { RouteOptions } from './route-options.ts';
import { callerOf } from '../admin-token.ts';

/** The model registry, write side: new versions, alias moves and rollbacks, archiving. */
export const registryWriteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (fastify, options) => {
  const { client } = options;
  const registry = client.registry;

  fastify.post(
    '/models/:name/versions',
    { schema: { params: s.modelParams, body: s.createVersionBody, response: { 201: r.modelVersionSchema } } },
    async (req, reply) => {
      const b = req.body;
      const version = await registry.createModelVersion({
        modelName: req.params.name,
        runId: b.runId,
        artifactPath: b.artifactPath,
        ...(b.description !== undefined ? { description: b.description } : {}),
        ...(b.metrics !== undefined ? { metrics: b.metrics } : {}),
        ...(b.signature !== undefined ? { signature: b.signature as ModelSignature } : {}),
      });
      return reply.code(201).send(version);
    },
  );

  fastify.put(
    '/models/:name/aliases/:alias',
    { schema: { params: s.aliasParams, body: s.setAliasBody, response: { 200: r.aliasHistoryEntrySchema } } },
    async (req) => {
      const { version, reason, gate } = req.body;
      return registry.setAlias(req.params.name, req.params.alias, version, {
        actor: callerOf(req),
        ...(reason !== undefined ? { reason } : {}),
        ...(gate !== undefined ? { gate } : {}),
      });
    },
  );

  fastify.post(
    '/models/:name/aliases/:alias/rollback',
    { schema: { params: s.aliasParams, body: s.rollbackBody, response: { 200: r.aliasHistoryEntrySchema } } },
    async (req) => {
      const { reason, toVersion, gate } = req.body;
      return registry.rollbackAlias(req.params.name, req.params.alias, {
        actor: callerOf(req),
        reason,
        ...(toVersion !== undefined ? { toVersion } : {}),
        ...(gate !== undefined ? { gate } : {}),
      });
    },
  );

  fastify.post(
    '/models/:name/versions/:version/archive',
    { schema: { params: s.versionParams, response: { 200: r.modelVersionSchema } } },
    async (req) => registry.archiveVersion(req.params.name, req.params.version),
  );
};
