import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyEtag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UiCatalogSchema, UiFeaturesSchema } from '../../contract/api.ts';
import { FEATURES } from '../../contract/feature-vector.ts';
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

/** Brotli at a middle quality: close to the best size at a fraction of quality 11's time per request. */
const BROTLI_QUALITY = 5;

/**
 * The web UI at `/`: the Vite build's files, compressed (brotli or gzip, as the browser accepts) and
 * cached (hashed assets for a year as immutable; index.html and the catalog revalidated by ETag),
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
  // Both plugins apply to this plugin's routes only (it is its own encapsulated scope): the API's
  // hot JSON routes stay uncompressed and un-hashed.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });
  await app.register(fastifyEtag);

  app.get(
    '/api/ui/catalog',
    {
      schema: {
        summary: 'Customers and products of the serving snapshot (for the UI pickers)',
        tags: ['read'],
        response: { 200: UiCatalogSchema },
      },
    },
    async (_req, reply) => {
      // Changes only when the serving snapshot does: the browser revalidates and mostly gets a 304.
      reply.header('cache-control', 'no-cache');
      const catalog = ctx.holder.current()?.catalog;
      if (!catalog) return { customers: [], products: [] };
      return {
        customers: [...catalog.customers.values()].map((c) => ({ id: c.id, customer_type: c.customerType })),
        products: [...catalog.products.values()].map((p) => ({ id: p.id, attributes: p.attributes })),
      };
    },
  );

  app.get(
    '/api/ui/features',
    {
      schema: {
        summary: 'The model inputs with their meaning in Spanish and English (for the UI)',
        tags: ['read'],
        response: { 200: UiFeaturesSchema },
      },
    },
    async () => FEATURES.map((f) => ({ name: f.name, label: f.label })),
  );

  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send(NOT_BUILT));
    return;
  }
  // Read for each page load: a build while the server runs replaces index.html and its hashed
  // assets, and an index kept from start-up would name assets no longer on disk (a blank page).
  const sendIndex = async (reply: {
    header(k: string, v: string): unknown;
    type(t: string): { send(b: string): unknown };
  }) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').send(await readFile(indexFile, 'utf8'));
  };

  // The files present at start-up get a route each (wildcard off), so unknown paths fall through;
  // assets a later build added are sent by the catch-all below.
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
    const built = builtAfterStartUp(dist, req.url);
    if (built) return reply.sendFile(built);
    if (!(req.headers.accept ?? '').includes('text/html') || req.url.startsWith('/api/')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` });
    }
    return sendIndex(reply);
  });
};

/** A hashed asset file name: what Vite writes under assets/, and nothing that can leave the folder. */
const ASSET_PATH = /^\/assets\/[\w.-]+\.\w+$/;

/** The asset under `dist` that `url` names, when it is on disk now (a build since start-up). */
function builtAfterStartUp(dist: string, url: string): string | undefined {
  const file = url.split('?')[0]!;
  if (!ASSET_PATH.test(file)) return undefined;
  return existsSync(path.join(dist, file)) ? file.slice(1) : undefined;
}
