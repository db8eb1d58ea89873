import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUiRoutes } from '../src/serve/routes/web-ui.ts';
import type { ServeContext } from '../src/serve/serve-context.ts';

// A built UI in miniature: an index and one hashed asset big enough to be worth compressing.
const ASSET = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(',')}];\n`;
let dist: string;
let app: FastifyInstance;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'sodai-web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'index.html'),
    `<!doctype html><title>SodAI</title>${'<!-- pad -->'.repeat(200)}`,
  );
  writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), ASSET);
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The UI routes read only the serving snapshot's catalog; no snapshot yet is a valid state.
  const ctx = { holder: { current: () => undefined } } as unknown as ServeContext;
  await app.register(webUiRoutes, { ctx, distDir: dist });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('static UI assets: compression and cache headers', () => {
  it('sends hashed assets brotli- or gzip-compressed as the browser accepts, cached as immutable', async () => {
    const br = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(ASSET);
    expect(br.rawPayload.length).toBeLessThan(ASSET.length / 3);

    const gz = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(ASSET);

    const plain = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET);
  });

  it('revalidates index.html by ETag: a second visit with the tag gets 304 and no body', async () => {
    const first = await app.inject({ url: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-encoding']).toBe('gzip');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({
      url: '/',
      headers: { accept: 'text/html', 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('revalidates the catalog by ETag instead of sending it again', async () => {
    const first = await app.inject({ url: '/api/ui/catalog' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.json()).toEqual({ customers: [], products: [] });
    const again = await app.inject({
      url: '/api/ui/catalog',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('names every model input in Spanish and English for the drift page', async () => {
    const res = await app.inject({ url: '/api/ui/features' });
    const features = res.json() as { name: string; label: { es: string; en: string } }[];
    expect(features.length).toBeGreaterThan(30);
    const streak = features.find((f) => f.name === 'streak');
    expect(streak?.label.es).not.toBe(streak?.label.en);
    expect(features.every((f) => f.label.es.length > 0 && f.label.en.length > 0)).toBe(true);
  });
});

describe('a build while the server runs', () => {
  it('serves the new index.html and the assets it names, not a page whose scripts are gone', async () => {
    // `npm run build` replaces index.html and writes assets under new hashes; the old ones go.
    const NEW_ASSET = 'export const rebuilt = true;\n';
    writeFileSync(path.join(dist, 'assets', 'index-Ef56Gh78.js'), NEW_ASSET);
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><title>SodAI</title><script type="module" src="/assets/index-Ef56Gh78.js"></script>',
    );
    const page = await app.inject({
      url: '/',
      headers: { accept: 'text/html', 'accept-encoding': 'identity' },
    });
    expect(page.body).toContain('/assets/index-Ef56Gh78.js');
    const deepLink = await app.inject({ url: '/models', headers: { accept: 'text/html' } });
    expect(deepLink.body).toContain('/assets/index-Ef56Gh78.js');

    const asset = await app.inject({
      url: '/assets/index-Ef56Gh78.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe(NEW_ASSET);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const missing = await app.inject({ url: '/assets/index-Zz00Zz00.js' });
    expect(missing.statusCode).toBe(404);
    const outside = await app.inject({ url: '/assets/..%2Findex.html' });
    expect(outside.statusCode).toBe(404);
  });
});
