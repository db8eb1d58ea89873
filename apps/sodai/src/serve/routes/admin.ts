import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AliasMoveResponseSchema,
  ErrorBodySchema,
  LandingFileParamsSchema,
  LandingListResponseSchema,
  LandingRemoveResponseSchema,
  ReloadResponseSchema,
  PromoteRequestSchema,
  RollbackRequestSchema,
  UploadParamsSchema,
  UploadQuerySchema,
  UploadResponseSchema,
} from '../../contract/api.ts';
import { CHAMPION, MODEL_NAME } from '../../model/registry.ts';
import { SodaiError } from '../../errors.ts';
import { openBatchLanding, type BatchLanding } from '../../data/sources/batch-landing.ts';
import { configuredSource } from '../../data/sources/batch-source.ts';
import {
  landingStatus,
  removeFromLanding,
  type LandingFileStatus,
} from '../../data/sources/landing-status.ts';
import type { AlertCenter } from '../../monitor/alerts/alert-center.ts';
import { refusedFilesRemoved } from '../../monitor/alerts/pipeline-rules.ts';
import type { ServeContext } from '../serve-context.ts';
import { dataFolders, withoutServerPaths } from '../server-paths.ts';
import { unwritable } from '../writable-folders.ts';
import { pipelineAdminRoutes, type PipelineAccess } from './pipeline-api.ts';

export interface AdminOptions {
  readonly ctx: ServeContext;
  /** Largest upload accepted, in bytes. */
  readonly uploadLimitBytes: number;
  /** Lets the admin start pipeline runs. */
  readonly pipeline?: PipelineAccess;
  /** Resolves the refused-batch alert when the last refused file is removed. */
  readonly alerts?: AlertCenter;
}

/**
 * Admin APIs behind `Authorization: Bearer <token>` of an operator (an admin to move the champion): promote a version or roll the
 * champion back (the serving snapshot reloads before the answer), reload, and upload, list or remove
 * batch files in the landing folder (or the S3 source's prefix) that the next ingest reads.
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

  /** The configured source's landing, open for `use`; a Postgres source has none (400). */
  const withLanding = async <T>(use: (landing: BatchLanding, folder: string | undefined) => Promise<T>) => {
    const source = configuredSource(ctx.config, ctx.paths.landingDir);
    const landing = await openBatchLanding(source, path.join(ctx.paths.dataDir, 'cache'));
    if (!landing) {
      throw new SodaiError(
        'INVALID_ARGUMENT',
        'the configured source is a Postgres table: batches arrive there, not through a landing',
      );
    }
    const folder = source.kind === 'folder' ? (source.path ?? ctx.paths.landingDir) : undefined;
    try {
      return await use(landing, folder);
    } finally {
      await landing.close();
    }
  };
  // A bucket's URL says where batches are; a folder's own path is not the client's business.
  const shownWhere = (landing: BatchLanding) => (landing.list ? landing.where : 'landing');

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
      const shown = await withLanding(async (landing, folder) => {
        try {
          const target = await landing.put(req.params.file, body, { replace: req.query.replace === 'true' });
          return landing.list ? target : `landing/${req.params.file}`;
        } catch (error) {
          throw unwritable(error, 'landing folder', folder, ctx.paths.dataDir) ?? error;
        }
      });
      return reply.code(201).send({ path: shown, bytes: body.length });
    },
  );

  app.get(
    '/landing',
    {
      schema: {
        summary: 'The batch files in the landing, each ingested, refused by validation, or waiting for a run',
        tags: ['admin'],
        security,
        response: { 200: LandingListResponseSchema, ...errors },
      },
    },
    async () =>
      withLanding(async (landing, folder) => {
        const files = await landingStatus(await landing.files(), ctx.store.shared.catalog);
        // The ingest's message names the file by its path; a folder's path stays on the server.
        return withoutServerPaths({ where: shownWhere(landing), files: files.map(landingFileJson) }, [
          ...dataFolders(ctx.paths),
          ...(folder ? [folder] : []),
        ]);
      }),
  );

  app.delete(
    '/landing/:file',
    {
      schema: {
        summary:
          'Remove a batch file from the landing (a refused file no run should read again, or an ingested one: its data stays)',
        tags: ['admin'],
        security,
        params: LandingFileParamsSchema,
        response: { 200: LandingRemoveResponseSchema, ...errors },
      },
    },
    async (req) => {
      const actor = ctx.access.require(req, 'operator').name;
      return withLanding(async (landing, folder) => {
        let outcome;
        try {
          outcome = await removeFromLanding(landing, ctx.store.shared.catalog, req.params.file);
        } catch (error) {
          throw unwritable(error, 'landing folder', folder, ctx.paths.dataDir) ?? error;
        }
        if (!outcome) {
          throw new SodaiError('NOT_FOUND', `no batch file ${req.params.file} in ${shownWhere(landing)}`);
        }
        const { removed, refusedLeft } = outcome;
        req.log.info({ file: removed.name, state: removed.state, actor }, 'landing file removed');
        // Without this the alert stayed open until the next weekly run found nothing refused.
        if (removed.state === 'refused' && refusedLeft === 0) {
          await options.alerts?.observe([refusedFilesRemoved(removed.name, actor)]);
        }
        return { removed: removed.name, state: removed.state };
      });
    },
  );
  if (options.pipeline) await app.register(pipelineAdminRoutes, { pipeline: options.pipeline });
};

function landingFileJson(f: LandingFileStatus) {
  return {
    name: f.name,
    bytes: f.bytes,
    modified_at: f.modifiedAt.toISOString(),
    state: f.state,
    batch_id: f.batchId ?? null,
    message: f.message ?? null,
    checked_at: f.checkedAt?.toISOString() ?? null,
  };
}
