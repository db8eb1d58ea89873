import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IngestionsResponseSchema,
  LangSchema,
  PredictionsQuerySchema,
  PredictionsResponseSchema,
  ReportKindSchema,
  ReportListSchema,
  ReportParamsSchema,
  ReportSchema,
  ServingStateSchema,
} from '../../contract/api.ts';
import { queryNumber, queryRows } from '../../store/duckdb.ts';
import { SodaiError } from '../../errors.ts';
import type { ServeContext } from '../serve-context.ts';
import { resolveLang } from '../language.ts';
import { servedByBody } from '../served-by.ts';
import { dataFolders, withoutServerPaths } from '../server-paths.ts';
import { storedReports } from '../../store/stored-reports.ts';

/**
 * Read APIs for the UI: what serves now, stored predictions, the ingestion log and the validation
 * and drift reports (in the object store, whichever process wrote them; see `stored-reports.ts`). Runs, models and alias history
 * come from the tracking plugin mounted under /api/tracking.
 *
 * @example
 * await app.register(readApiRoutes, { ctx, prefix: '/api' });
 * await app.inject({ method: 'GET', url: '/api/predictions?customer_id=1&predicted_only=true' });
 */
export const readApiRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  // What serves now is public; stored predictions, the ingestion log and reports need a reader.
  app.addHook('onRequest', async (req) => {
    if (!req.url.split('?')[0]!.endsWith('/serving')) ctx.access.requireReader(req);
  });
  const serverFolders = () => dataFolders(ctx.paths);
  const reports = storedReports(ctx.store.shared.objects, ctx.paths.reportsDir);
  app.get(
    '/serving',
    {
      schema: {
        summary: 'The serving model and its data',
        tags: ['read'],
        querystring: z.object({ lang: LangSchema.optional() }),
        response: { 200: ServingStateSchema },
      },
    },
    async (req) => {
      const m = ctx.holder.current();
      return {
        served_by: m ? servedByBody(m, resolveLang(req.query.lang, req.headers['accept-language'])) : null,
        model_version: m?.version ?? null,
        threshold: m?.threshold ?? null,
        cutoff: m?.features.cutoff ?? null,
        candidate_pairs: m?.features.rows ?? 0,
        customers: m?.catalog.customers.size ?? 0,
        products: m?.catalog.products.size ?? 0,
        loaded_at: m?.loadedAt.toISOString() ?? null,
        registered_at: m?.registeredAt.toISOString() ?? null,
        loading: ctx.holder.loading,
      };
    },
  );

  app.get(
    '/predictions',
    {
      schema: {
        summary: 'Stored predictions of the latest predicted week (from `sodai predict`)',
        tags: ['read'],
        querystring: PredictionsQuerySchema,
        response: { 200: PredictionsResponseSchema },
      },
    },
    async (req) => {
      const q = req.query;
      return ctx.lane.run(async (c) => {
        const latest = await queryRows(c, 'SELECT max(cutoff)::VARCHAR AS cutoff FROM predictions');
        const cutoff = (latest[0]?.cutoff as string | null) ?? null;
        if (!cutoff) return { cutoff: null, total: 0, predictions: [] };
        const where = [
          `cutoff = DATE '${cutoff}'`,
          q.customer_id !== undefined ? `customer_id = ${q.customer_id}` : '',
          q.product_id !== undefined ? `product_id = ${q.product_id}` : '',
          q.predicted_only ? 'predicted' : '',
        ]
          .filter(Boolean)
          .join(' AND ');
        const total = await queryNumber(c, `SELECT count(*) FROM predictions WHERE ${where}`);
        const rows = await queryRows(
          c,
          `SELECT cutoff::VARCHAR AS cutoff, customer_id::DOUBLE AS customer_id, product_id::DOUBLE AS product_id,
                  score, rank_in_customer, predicted, model_version
           FROM predictions WHERE ${where}
           ORDER BY score DESC, customer_id, product_id LIMIT ${q.limit} OFFSET ${q.offset}`,
        );
        return {
          cutoff,
          total,
          predictions: rows.map((r) => ({
            cutoff: String(r.cutoff),
            customer_id: Number(r.customer_id),
            product_id: Number(r.product_id),
            score: Number(r.score),
            rank_in_customer: Number(r.rank_in_customer),
            predicted: Boolean(r.predicted),
            model_version: Number(r.model_version),
          })),
        };
      });
    },
  );

  app.get(
    '/ingestions',
    {
      schema: {
        summary: 'The ingestion log, newest first',
        tags: ['read'],
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: IngestionsResponseSchema },
      },
    },
    async (req) => {
      const records = await ctx.lane.run(() => ctx.store.ingestions(req.query.limit));
      // Each record's source folder too: files are ingested from anywhere on the server.
      return records.map((r) => withoutServerPaths({ ...r }, [...serverFolders(), path.dirname(r.file)]));
    },
  );

  app.get(
    '/reports/:kind',
    {
      schema: {
        summary: 'Validation (ingest) or drift reports, newest first',
        tags: ['read'],
        params: z.object({ kind: ReportKindSchema }),
        response: { 200: ReportListSchema },
      },
    },
    async (req) =>
      (await reports.list(req.params.kind)).map((r) => ({
        name: r.name,
        modified_at: r.modifiedAt.toISOString(),
        bytes: r.bytes,
      })),
  );

  app.get(
    '/reports/:kind/:name',
    {
      schema: {
        summary: 'One report (JSON)',
        tags: ['read'],
        params: ReportParamsSchema,
        response: { 200: ReportSchema },
      },
    },
    async (req) => {
      const name = req.params.name.replace(/\.json$/, '');
      const text = await reports.read(req.params.kind, name);
      if (text === undefined) throw new SodaiError('NOT_FOUND', `no ${req.params.kind} report named ${name}`);
      const report = JSON.parse(text) as { file?: unknown; reportPaths?: unknown };
      delete report.reportPaths;
      const source = typeof report.file === 'string' ? [path.dirname(report.file)] : [];
      return withoutServerPaths(report, [...serverFolders(), ...source]);
    },
  );
};
