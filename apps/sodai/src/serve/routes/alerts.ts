import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcknowledgeRequestSchema,
  AlertIdParamsSchema,
  AlertListQuerySchema,
  AlertListResponseSchema,
  AlertSchema,
  ErrorBodySchema,
} from '../../contract/index.ts';
import type { AlertStore } from '../../monitor/alerts/alert-store.ts';
import { alertJson } from '../../monitor/alerts/alert-json.ts';
import type { Access } from '../access.ts';

export interface AlertRoutesOptions {
  readonly store: AlertStore;
  /** Who may come in: operators, admins and the alerts-only token. */
  readonly access: Access;
  readonly now: () => Date;
}

/**
 * The alert inbox: list alerts and acknowledge one, for an operator or admin token or the
 * alerts-only token (`server.operatorToken`); 401 without a known token, 403 for a reader.
 *
 * @example
 * await app.register(alertRoutes, { store, access, now, prefix: '/api/alerts' });
 */
export const alertRoutes: FastifyPluginAsyncZod<AlertRoutesOptions> = async (app, options) => {
  app.addHook('onRequest', async (req) => {
    options.access.requireAlerts(req);
  });
  const security = [{ bearer: [] }];
  const errors = { 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

  app.get(
    '/',
    {
      schema: {
        summary: 'Alerts, newest first (open, resolved or all)',
        tags: ['monitoring'],
        security,
        querystring: AlertListQuerySchema,
        response: { 200: AlertListResponseSchema, ...errors },
      },
    },
    async (req) => {
      const { state, limit } = req.query;
      const alerts = await options.store.list({ ...(state === 'all' ? {} : { state }), limit });
      return { alerts: alerts.map(alertJson) };
    },
  );

  app.post(
    '/:id/acknowledge',
    {
      schema: {
        summary: 'Acknowledge an alert (someone is on it); the first acknowledgement is kept',
        tags: ['monitoring'],
        security,
        params: AlertIdParamsSchema,
        // A POST without a body (null here) acknowledges as the caller.
        body: AcknowledgeRequestSchema.nullish(),
        response: { 200: AlertSchema, ...errors },
      },
    },
    async (req) => {
      const by = req.body?.by ?? `${options.access.requireAlerts(req).name}@${req.ip}`;
      return alertJson(await options.store.acknowledge(req.params.id, by, options.now().getTime()));
    },
  );
};
