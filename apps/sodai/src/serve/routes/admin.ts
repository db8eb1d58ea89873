import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AliasMoveResponseSchema,
  ErrorBodySchema,
  ReloadResponseSchema,
  PromoteRequestSchema,
  RollbackRequestSchema,
  UploadParamsSchema,
  UploadQuerySchema,
  UploadResponseSchema,
} from '../../contract/api.ts';
import { CHAMPION, MODEL_NAME } from '../../model/registry.ts';
import { SodaiError } from '../../errors.ts';
import { openBatchLanding } from '../../data/sources/batch-landing.ts';
import { configuredSource } from '../../data/sources/batch-source.ts';
import type { ServeContext } from '../serve-context.ts';
import { unwritable } from '../writable-folders.ts';
import { pipelineAdminRoutes, type PipelineAccess } from './pipeline-api.ts';

export interface AdminOptions {
  readonly ctx: ServeContext;
  /** Largest upload accepted, in bytes. */
  readonly uploadLimitBytes: number;
  /** Lets the admin start pipeline runs. */
  readonly pipeline?: PipelineAccess;
}

/**
 * Admin APIs behind `Authorization: Bearer <token>` of an operator (an admin to move the champion): promote a version or roll the
 * champion back (the serving snapshot reloads before the answer), reload, and upload a batch file
 * to the landing folder (or the S3 source's prefix) for the next ingest.
 *
 * @example
 * await app.register(adminRoutes, { ctx, uploadLimitBytes: 1 << 28, prefix: '/api/admin' });
 * await app.inject({ method: 'POST', url: '/api/admin/promote', headers: { authorization: `Bearer ${adminToken}` }, payload: { version: 2 } });
 */
export const adminRoutes: FastifyPluginAsyncZod<AdminOptions> = async (app, options) => {
  const { ctx } = options;
  // Operators reload, upload and run the pipeline; moving the champion needs an admin.
  app.addHook('onRequest', async (req) => {
    ctx.access.require(req, 'operator');
  });
  // Batches arrive as raw bytes (Parquet or CSV); only this scope parses them.
  app.addContentTypeParser(
    ['application/octet-stream', 'application/vnd.apache.parquet', 'text/csv'],
    { parseAs: 'buffer', bodyLimit: options.uploadLimitBytes },
    (_req, body, done) => done(null, body),
  );
  const errors = { 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
  const security = [{ bearer: [] }];

  app.post(
    '/promote',
    {
      schema: {
        summary: 'Point the champion alias at a version, then reload serving',
        tags: ['admin'],
        security,
        body: PromoteRequestSchema,
        response: { 200: AliasMoveResponseSchema, ...errors },
      },
    },
    async (req) => {
      const alias = await ctx.tracking.registry.setAlias(MODEL_NAME, CHAMPION, req.body.version, {
        actor: ctx.access.require(req, 'admin').name,
        reason: req.body.reason,
      });
      const outcome = await ctx.holder.reload();
      return { alias: alias.alias, version: alias.version, serving_version: outcome.version };
    },
  );

  app.post(
    '/rollback',
    {
      schema: {
        summary: 'Move the champion back to its previous (or a given earlier) version, then reload',
        tags: ['admin'],
        security,
        body: RollbackRequestSchema,
        response: { 200: AliasMoveResponseSchema, ...errors },
      },
    },
    async (req) => {
      const alias = await ctx.tracking.registry.rollbackAlias(MODEL_NAME, CHAMPION, {
        actor: ctx.access.require(req, 'admin').name,
        reason: req.body.reason,
        ...(req.body.to_version !== undefined ? { toVersion: req.body.to_version } : {}),
      });
      const outcome = await ctx.holder.reload();
      return { alias: alias.alias, version: alias.version, serving_version: outcome.version };
    },
  );

  app.post(
    '/reload',
    {
      schema: {
        summary: 'Rebuild the serving snapshot now',
        tags: ['admin'],
        security,
        response: { 200: ReloadResponseSchema },
      },
    },
    async () => {
      const outcome = await ctx.holder.reload();
      return { serving_version: outcome.version, swapped: outcome.swapped, reason: outcome.reason ?? null };
    },
  );

  app.put(
    '/landing/:file',
    {
      schema: {
        summary: 'Upload a weekly batch (raw Parquet or CSV bytes) to the landing folder or S3 source prefix',
        tags: ['admin'],
        security,
        params: UploadParamsSchema,
        querystring: UploadQuerySchema,
        response: { 201: UploadResponseSchema, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new SodaiError(
          'INVALID_ARGUMENT',
          'send the file as the raw request body (application/octet-stream)',
        );
      }
      const source = configuredSource(ctx.config, ctx.paths.landingDir);
      const landing = await openBatchLanding(source, path.join(ctx.paths.dataDir, 'cache'));
      if (!landing) {
        throw new SodaiError(
          'INVALID_ARGUMENT',
          'the configured source is a Postgres table: batches arrive there, not by upload',
        );
      }
      let target: string;
      try {
        target = await landing.put(req.params.file, body, { replace: req.query.replace === 'true' });
      } catch (error) {
        const folder = source.kind === 'folder' ? (source.path ?? ctx.paths.landingDir) : undefined;
        throw unwritable(error, 'landing folder', folder, ctx.paths.dataDir) ?? error;
      } finally {
        await landing.close();
      }
      // A bucket's URL says where the batch went; a folder's own path is not the client's business.
      const shown = landing.list ? target : `landing/${req.params.file}`;
      return reply.code(201).send({ path: shown, bytes: body.length });
    },
  );
  if (options.pipeline) await app.register(pipelineAdminRoutes, { pipeline: options.pipeline });
};
