import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as r from '../response-schemas.ts';
import * as s from '../schemas.ts';
import type { RouteOptions } from './route-options.ts';

/** The model registry, read side: models, versions, aliases, alias history and lineage. */
export const registryReadRoutes: FastifyPluginAsyncZod<RouteOptions> = async (fastify, options) => {
  const { client } = options;
  const registry = client.registry;

  fastify.get('/models', { schema: { response: { 200: z.array(r.registeredModelSchema) } } }, async () =>
    registry.listRegisteredModels(),
  );

  fastify.get(
    '/models/:name',
    { schema: { params: s.modelParams, response: { 200: r.modelDetailsSchema } } },
    async (req) => {
      const model = await registry.getRegisteredModel(req.params.name);
      const [versions, aliases] = await Promise.all([
        registry.listModelVersions(model.name),
        registry.listAliases(model.name),
      ]);
      return { model, versions, aliases };
    },
  );

  fastify.get(
    '/models/:name/versions/:version',
    { schema: { params: s.versionParams, response: { 200: r.modelVersionSchema } } },
    async (req) => registry.getModelVersion(req.params.name, req.params.version),
  );

  fastify.get(
    '/models/:name/aliases/:alias',
    { schema: { params: s.aliasParams, response: { 200: r.aliasWithVersionSchema } } },
    async (req) => {
      const alias = await registry.getAlias(req.params.name, req.params.alias);
      return { alias, version: await registry.getModelVersion(req.params.name, alias.version) };
    },
  );

  fastify.get(
    '/models/:name/aliases/:alias/history',
    { schema: { params: s.aliasParams, response: { 200: z.array(r.aliasHistoryEntrySchema) } } },
    async (req) => registry.getAliasHistory(req.params.name, req.params.alias),
  );

  fastify.get(
    '/models/:name/aliases/:alias/lineage',
    { schema: { params: s.aliasParams, response: { 200: r.lineageSchema } } },
    async (req) => registry.lineage(req.params.name, req.params.alias),
  );
};
