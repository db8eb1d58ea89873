import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServeDeps } from '../src/serve/build-server.ts';
import { buildServedStore, openServedStore, type ServedStore } from './served-store.ts';
import { tempDir } from './helpers.ts';

export const ADMIN_TOKEN = 'serve-test-admin-token-0123456789';

export type ServeFixture = ServedStore;

const FIXTURE_CONFIG = { server: { adminToken: ADMIN_TOKEN } };

let template: Promise<string> | undefined;

/**
 * The served store, built once per test process and closed: each fixture is a copy of its folder.
 * The chat's hundred test files share one process (`isolate: false`), and building the store (generate,
 * load, two datasets, two models) took far longer than copying its few hundred KB.
 */
function servedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sodai-serve-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await (await buildServedStore(dir, FIXTURE_CONFIG)).close();
    return dir;
  })();
  return template;
}

/**
 * The served store in a temporary folder removed after the test file, with the admin token set: a
 * copy of this process's template, so whatever a test writes stays in its own folder.
 */
export async function serveFixture(): Promise<ServeFixture> {
  const template = await servedTemplate();
  const dir = tempDir('sodai-serve-');
  cpSync(template, dir, { recursive: true });
  return openServedStore(dir, FIXTURE_CONFIG);
}

/**
 * A server over the fixture as tests want it: no request log, no alias polling, no process metrics
 * (their collectors would outlive the file), and its champion loaded before the first request.
 * `more` overrides any dependency; its `options` add to the quiet ones.
 */
export async function quietServer(fx: ServeFixture, more: Partial<ServeDeps> = {}): Promise<FastifyInstance> {
  const app = await buildServer({
    config: fx.config,
    store: fx.store,
    tracking: fx.tracking,
    ...more,
    options: { logger: false, pollIntervalMs: 0, defaultMetrics: false, ...more.options },
  });
  await app.serving.initialLoad;
  return app;
}
