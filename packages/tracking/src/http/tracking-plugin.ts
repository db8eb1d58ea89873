import type { FastifyPluginAsync } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TrackingClient } from '../client.ts';
import { requireAdminTokenForWrites } from './admin-token.ts';
import { errorHandler } from './error-handler.ts';
import { registryReadRoutes } from './routes/registry-reads.ts';
import { registryWriteRoutes } from './routes/registry-writes.ts';
import { runReadRoutes } from './routes/run-reads.ts';
import { runWriteRoutes } from './routes/run-writes.ts';

export type { ErrorBody, FieldIssue } from './error-handler.ts';

export interface TrackingPluginOptions {
  readonly client: TrackingClient;
  /** Writes need `Authorization: Bearer <adminToken>`; reads are open. */
  readonly adminToken: string;
}

/**
 * The REST API of tracking and the registry as an encapsulated Fastify plugin; register it under a
 * prefix. Reads are open; writes need the admin token. Bad input answers 422 with each failing field (`{ code, message, issues }`),
 * unknown ids 404, state conflicts 409 (see `HTTP_STATUS`).
 *
 * @example
 * import Fastify from 'fastify';
 * import { trackingPlugin } from '@sodai/tracking/http';
 * const app = Fastify();
 * await app.register(trackingPlugin, { prefix: '/api/tracking', client, adminToken: process.env.SODAI_ADMIN_TOKEN! });
 * const res = await app.inject({ method: 'GET', url: '/api/tracking/models' });
 */
export const trackingPlugin: FastifyPluginAsync<TrackingPluginOptions> = async (fastify, options) => {
  if (!options.adminToken) throw new Error('trackingPlugin: adminToken is required');
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Set before the route plugins register, so each of them inherits the validator, handler and hook.
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', requireAdminTokenForWrites(options.adminToken));

  const routes = { client: options.client };
  await app.register(runReadRoutes, routes);
  await app.register(runWriteRoutes, routes);
  await app.register(registryReadRoutes, routes);
  await app.register(registryWriteRoutes, routes);
};
