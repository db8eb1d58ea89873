import { randomUUID } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AliasMoveResponseSchema,
  ErrorBodySchema,
  PromoteRequestSchema,
  RollbackRequestSchema,
  UploadParamsSchema,
  UploadQuerySchema,
  UploadResponseSchema,
} from '../../contract/api.ts';
import { CHAMPION, MODEL_NAME } from '../../model/registry.ts';
import { SodaiError } from '../../errors.ts';
import type { ServeContext } from '../serve-context.ts';
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
 * to the landing folder for the next ingest.
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
    { schema: { summary: 'Rebuild the serving snapshot now', tags: ['admin'], security } },
    async () => {
      const outcome = await ctx.holder.reload();
      return { serving_version: outcome.version, swapped: outcome.swapped, reason: outcome.reason ?? null };
    },
  );

  app.put(
    '/landing/:file',
    {
      schema: {
        summary: 'Upload a weekly batch (raw Parquet or CSV bytes) to the landing folder',
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
      await mkdir(ctx.paths.landingDir, { recursive: true });
      const name = req.params.file;
      const target = path.join(ctx.paths.landingDir, name);
      // Written beside under a name of its own (concurrent uploads of one name never share it),
      // then moved in whole: the ingest sensor never sees half a file.
      const temp = path.join(ctx.paths.landingDir, `.${name}.${randomUUID()}.upload`);
      await writeFile(temp, body);
      try {
        if (req.query.replace === 'true') await rename(temp, target);
        else await link(temp, target); // fails if the name is taken, atomically
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new SodaiError(
            'ALREADY_EXISTS',
            `landing/${name} is already waiting to be ingested; send ?replace=true to overwrite it`,
          );
        }
        throw error;
      } finally {
        await unlink(temp).catch(() => undefined);
      }
      return reply.code(201).send({ path: `landing/${name}`, bytes: body.length });
    },
  );
  if (options.pipeline) await app.register(pipelineAdminRoutes, { pipeline: options.pipeline });
};
