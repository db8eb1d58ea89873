import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcknowledgeRequestSchema,
  AlertIdParamsSchema,
  AlertListQuerySchema,
  AlertListResponseSchema,
  AlertSchema,
  ErrorBodySchema,
} from '../../contract/index.ts';
import { SodaiError } from '../../errors.ts';
import type { AlertStore } from '../../monitor/alerts/alert-store.ts';
import { alertJson } from '../../monitor/alerts/alert-json.ts';

export interface AlertRoutesOptions {
  readonly store: AlertStore;
  /** Bearer tokens allowed in, by the role they stand for. */
  readonly tokens: Readonly<Record<'admin' | 'operator', string | undefined>>;
  readonly now: () => Date;
}

function matches(given: string, token: string | undefined): boolean {
  if (!token) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(`Bearer ${token}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The alert inbox: list alerts and acknowledge one, behind the admin or the operator bearer token.
 *
 * @example
 * await app.register(alertRoutes, { store, tokens: { admin, operator: undefined }, now, prefix: '/api/alerts' });
 */
export const alertRoutes: FastifyPluginAsyncZod<AlertRoutesOptions> = async (app, options) => {
  app.decorateRequest('alertRole', '');
  app.addHook('onRequest', async (req) => {
    const given = req.headers.authorization ?? '';
    const role = (['admin', 'operator'] as const).find((r) => matches(given, options.tokens[r]));
    if (!role) throw new SodaiError('UNAUTHORIZED', 'alerts need the admin or the operator bearer token');
    (req as unknown as { alertRole: string }).alertRole = role;
  });
  const security = [{ bearer: [] }];
  const errors = { 401: ErrorBodySchema, 404: ErrorBodySchema };

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
      const role = (req as unknown as { alertRole: string }).alertRole;
      const by = req.body?.by ?? `${role}@${req.ip}`;
      return alertJson(await options.store.acknowledge(req.params.id, by, options.now().getTime()));
    },
  );
};
