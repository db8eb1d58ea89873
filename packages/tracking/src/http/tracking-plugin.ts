import { timingSafeEqual } from 'node:crypto';
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { TrackingClient } from '../client.ts';
import { isTrackingError } from '../errors.ts';
import type { ModelSignature } from '../registry/records.ts';
import { parseRunFilter, parseRunOrder, parseStatuses, type RunSearch } from '../runs/run-filter.ts';
import { HTTP_STATUS } from './error-status.ts';
import * as s from './schemas.ts';

export interface TrackingPluginOptions {
  readonly client: TrackingClient;
  /** Writes need `Authorization: Bearer <adminToken>`; reads are open. */
  readonly adminToken: string;
}

/** One failing input field in a 400 body. */
export interface FieldIssue {
  readonly location: 'body' | 'querystring' | 'params' | 'headers';
  readonly path: string;
  readonly message: string;
}

/** Every error body: a code from the error table, a message, and for 400s the failing fields. */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
}

/**
 * The REST API of tracking and the registry as an encapsulated Fastify plugin; register it under a
 * prefix. Reads are open; writes need the admin token. Bad input answers 400 with each failing field,
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
  const { client } = options;
  const registry = client.registry;
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);

  const expected = Buffer.from(`Bearer ${options.adminToken}`);
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD') return;
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(401).send({ error: 'UNAUTHORIZED', message: 'writes need the admin bearer token' });
    }
  });

  // ------------------------------------------------------------- experiments and runs (reads)
  app.get('/experiments', async () => client.listExperiments());

  app.get('/runs', { schema: { querystring: s.searchRunsQuery } }, async (req) => {
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
  });

  app.get('/runs/:runId', { schema: { params: s.runIdParams } }, async (req) =>
    client.getRunDetails(req.params.runId),
  );

  app.get('/runs/:runId/metrics/:key', { schema: { params: s.metricParams } }, async (req) =>
    client.getMetricHistory(req.params.runId, req.params.key),
  );

  app.get(
    '/runs/:runId/artifact',
    { schema: { params: s.runIdParams, querystring: s.artifactQuery } },
    async (req, reply) => {
      const record = await client.store.getArtifact(req.params.runId, req.query.path);
      const bytes = await client.readArtifact(req.params.runId, req.query.path);
      return reply.type(record.contentType).send(Buffer.from(bytes));
    },
  );

  // ------------------------------------------------------------- experiments and runs (writes)
  app.post('/experiments', { schema: { body: s.createExperimentBody } }, async (req, reply) =>
    reply.code(201).send(await client.createExperiment(req.body.name, req.body.description)),
  );

  app.post('/runs', { schema: { body: s.createRunBody } }, async (req, reply) => {
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

  app.post(
    '/runs/:runId/params',
    { schema: { params: s.runIdParams, body: s.logParamsBody } },
    async (req, reply) => {
      const params = Object.entries(req.body.params).map(([key, value]) => ({ key, value: String(value) }));
      await client.store.logParams(req.params.runId, params);
      return reply.code(204).send();
    },
  );

  app.post(
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

  app.post(
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

  app.post('/runs/:runId/heartbeat', { schema: { params: s.runIdParams } }, async (req) => {
    await client.getRun(req.params.runId);
    return { alive: await client.store.heartbeat(req.params.runId) };
  });

  app.post('/runs/:runId/end', { schema: { params: s.runIdParams, body: s.endRunBody } }, async (req) =>
    client.endRun(req.params.runId, req.body.status),
  );

  // ------------------------------------------------------------- registry (reads)
  app.get('/models', async () => registry.listRegisteredModels());

  app.get('/models/:name', { schema: { params: s.modelParams } }, async (req) => {
    const model = await registry.getRegisteredModel(req.params.name);
    const [versions, aliases] = await Promise.all([
      registry.listModelVersions(model.name),
      registry.listAliases(model.name),
    ]);
    return { model, versions, aliases };
  });

  app.get('/models/:name/versions/:version', { schema: { params: s.versionParams } }, async (req) =>
    registry.getModelVersion(req.params.name, req.params.version),
  );

  app.get('/models/:name/aliases/:alias', { schema: { params: s.aliasParams } }, async (req) => {
    const alias = await registry.getAlias(req.params.name, req.params.alias);
    return { alias, version: await registry.getModelVersion(req.params.name, alias.version) };
  });

  app.get('/models/:name/aliases/:alias/history', { schema: { params: s.aliasParams } }, async (req) =>
    registry.getAliasHistory(req.params.name, req.params.alias),
  );

  app.get('/models/:name/aliases/:alias/lineage', { schema: { params: s.aliasParams } }, async (req) =>
    registry.lineage(req.params.name, req.params.alias),
  );

  // ------------------------------------------------------------- registry (writes)
  app.post(
    '/models/:name/versions',
    { schema: { params: s.modelParams, body: s.createVersionBody } },
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

  app.put(
    '/models/:name/aliases/:alias',
    { schema: { params: s.aliasParams, body: s.setAliasBody } },
    async (req) => {
      const { version, actor, reason, gate } = req.body;
      return registry.setAlias(req.params.name, req.params.alias, version, {
        actor,
        ...(reason !== undefined ? { reason } : {}),
        ...(gate !== undefined ? { gate } : {}),
      });
    },
  );

  app.post(
    '/models/:name/aliases/:alias/rollback',
    { schema: { params: s.aliasParams, body: s.rollbackBody } },
    async (req) => {
      const { actor, reason, toVersion, gate } = req.body;
      return registry.rollbackAlias(req.params.name, req.params.alias, {
        actor,
        reason,
        ...(toVersion !== undefined ? { toVersion } : {}),
        ...(gate !== undefined ? { gate } : {}),
      });
    },
  );

  app.post('/models/:name/versions/:version/archive', { schema: { params: s.versionParams } }, async (req) =>
    registry.archiveVersion(req.params.name, req.params.version),
  );
};

function errorHandler(this: FastifyInstance, error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error.validationContext ?? 'body') as FieldIssue['location'];
    const issues: FieldIssue[] = error.validation.map((v) => ({
      location,
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
      message: v.message ?? 'invalid',
    }));
    return reply.code(400).send({
      error: 'INVALID_ARGUMENT',
      message: issues.map((i) => `${i.location}.${i.path}: ${i.message}`).join('; '),
      issues,
    } satisfies ErrorBody);
  }
  if (isTrackingError(error)) {
    const field = error.details.field;
    const body: ErrorBody = {
      error: error.code,
      message: error.message,
      ...(error.code === 'INVALID_ARGUMENT' && typeof field === 'string'
        ? { issues: [{ location: locationOf(req), path: field, message: error.message }] }
        : {}),
    };
    return reply.code(HTTP_STATUS[error.code]).send(body);
  }
  // Fastify's own client errors (malformed JSON, wrong content type, body too large) keep their 4xx.
  const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) req.log.error({ err: error }, 'tracking API failure');
  return reply.code(status).send({
    error: status < 500 ? (error.code ?? 'BAD_REQUEST') : 'INTERNAL',
    message: status < 500 ? error.message : 'internal error',
  } satisfies ErrorBody);
}

function locationOf(req: FastifyRequest): FieldIssue['location'] {
  return req.method === 'GET' || req.method === 'HEAD' ? 'querystring' : 'body';
}
