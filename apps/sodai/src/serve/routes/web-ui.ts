import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UiCatalogSchema } from '../../contract/api.ts';
import type { ServeContext } from '../serve-context.ts';

/** Where `npm run build -w @sodai/web` writes the UI. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

export interface WebUiOptions {
  readonly ctx: ServeContext;
  /** The built UI (default: apps/web/dist); without an index.html, `/` says how to build it. */
  readonly distDir?: string;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>SodAI</title>
<p>The web UI is not built. Run <code>npm run build -w @sodai/web</code> and restart the server.
The API is at <a href="/docs">/docs</a>.</p>`;

/**
 * The web UI at `/`: the Vite build's files (hashed assets cached for a year, index.html never),
 * `/index.html` for any other GET a browser navigates to (so deep links reload), and
 * `GET /api/ui/catalog` for the customer and product pickers. Requests that do not ask for HTML
 * keep the API's JSON 404.
 *
 * @example
 * await app.register(webUiRoutes, { ctx });
 * const res = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
 */
export const webUiRoutes: FastifyPluginAsyncZod<WebUiOptions> = async (app, options) => {
  const { ctx } = options;
  const dist = options.distDir ?? DEFAULT_WEB_DIST;

  app.get(
    '/api/ui/catalog',
    {
      schema: {
        summary: 'Customers and products of the serving snapshot (for the UI pickers)',
        tags: ['read'],
        response: { 200: UiCatalogSchema },
      },
    },
    async () => {
      const catalog = ctx.holder.current()?.catalog;
      if (!catalog) return { customers: [], products: [] };
      return {
        customers: [...catalog.customers.values()].map((c) => ({ id: c.id, customer_type: c.customerType })),
        products: [...catalog.products.values()].map((p) => ({ id: p.id, attributes: p.attributes })),
      };
    },
  );

  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send(NOT_BUILT));
    return;
  }
  const index = await readFile(indexFile, 'utf8');
  const sendIndex = (reply: {
    header(k: string, v: string): unknown;
    type(t: string): { send(b: string): unknown };
  }) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').send(index);
  };

  // The files present at start-up get a route each (wildcard off), so unknown paths fall through.
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    // Our own header below: hashed assets never change, everything else is revalidated.
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    if (!(req.headers.accept ?? '').includes('text/html') || req.url.startsWith('/api/')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` });
    }
    return sendIndex(reply);
  });
};
