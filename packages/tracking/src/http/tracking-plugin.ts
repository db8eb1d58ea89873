import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TrackingClient } from '../client.ts';
import type { FastifyRequest } from 'fastify';
import { adminTokenAuthorizer, rememberCaller } from './admin-token.ts';
import { errorHandler } from './error-handler.ts';
import { rejectNulCharacters } from './nul-characters.ts';
import { registryReadRoutes } from './routes/registry-reads.ts';
import { registryWriteRoutes } from './routes/registry-writes.ts';
import { runReadRoutes } from './routes/run-reads.ts';
import { runWriteRoutes } from './routes/run-writes.ts';

export type { ErrorBody, FieldIssue } from './error-handler.ts';

/**
 * Decides who may call: returns the caller's name (the audit actor of writes), null for an allowed
 * anonymous call, or throws (an error with `statusCode` 401/403) to refuse.
 */
export type TrackingAuthorizer = (
  req: FastifyRequest,
  access: 'read' | 'write',
) => string | null | Promise<string | null>;

export type TrackingPluginOptions = {
  readonly client: TrackingClient;
} & (
  | {
      /** Writes need `Authorization: Bearer <adminToken>` and are recorded as `admin`; reads are open. */
      readonly adminToken: string;
      readonly authorize?: never;
    }
  | { readonly authorize: TrackingAuthorizer; readonly adminToken?: never }
);

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
  if (!options.adminToken && !options.authorize)
    throw new Error('trackingPlugin: adminToken or authorize is required');
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Set before the route plugins register, so each of them inherits the validator, handler and hook.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const authorize = options.authorize ?? adminTokenAuthorizer(options.adminToken!);
  app.addHook('onRequest', async (req) => {
    const access = req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write';
    const caller = await authorize(req, access);
    if (access === 'write' && caller === null) {
      throw Object.assign(new Error('writes need a bearer token'), { statusCode: 401, code: 'UNAUTHORIZED' });
    }
    if (caller !== null) rememberCaller(req, caller);
  });
  app.addHook('preValidation', rejectNulCharacters);

  const routes = { client: options.client };
  await app.register(runReadRoutes, routes);
  await app.register(runWriteRoutes, routes);
  await app.register(registryReadRoutes, routes);
  await app.register(registryWriteRoutes, routes);
};
