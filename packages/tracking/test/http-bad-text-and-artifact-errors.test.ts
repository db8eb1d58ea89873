import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceGate } from '@sodai/testing';
import { LocalArtifactStore } from '../src/artifacts/local-artifact-store.ts';
import { TrackingClient } from '../src/client.ts';
import { trackingPlugin } from '../src/http/index.ts';
import { openSqliteFixture, postgresFixture, type OpenFixture, type StoreFixture } from './helpers.ts';

const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const pg = await serviceGate('postgres');

// Found fuzzing a server on Postgres: a NUL character in an id, a query or a body string was a 500
// there (Postgres text cannot hold one) and a 404 or a stored row on SQLite.
function describeNulCharacters(backend: string, open: OpenFixture, available: boolean) {
  describe.skipIf(!available)(`tracking API on ${backend}: NUL characters in text`, () => {
    let fx: StoreFixture;
    let app: FastifyInstance;

    beforeAll(async () => {
      fx = await open();
      const client = await TrackingClient.open({
        store: fx.store,
        artifacts: new LocalArtifactStore(join(fx.dir, 'artifacts')),
      });
      app = Fastify();
      await app.register(trackingPlugin, { prefix: '/api/tracking', client, adminToken: TOKEN });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await fx.cleanup();
    });

    it.each([
      ['GET', '/api/tracking/runs/%00', undefined, 'params', 'runId'],
      ['GET', '/api/tracking/runs/a%00b/metrics/auc', undefined, 'params', 'runId'],
      ['GET', '/api/tracking/runs?experiment=%00', undefined, 'querystring', 'experiment'],
      ['GET', '/api/tracking/models/%00/aliases/champion', undefined, 'params', 'name'],
      ['POST', '/api/tracking/experiments', { name: 'weekly\u0000' }, 'body', 'name'],
      ['POST', '/api/tracking/runs/x%00/heartbeat', undefined, 'params', 'runId'],
    ] as const)('%s %s is a 422 naming the field', async (method, url, payload, location, path) => {
      const res = await app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBe(422);
      const body = res.json();
      expect(body.code).toBe('INVALID_ARGUMENT');
      expect(body.issues).toContainEqual(expect.objectContaining({ location, path, type: 'nul_character' }));
      expect(body.message).toContain(`${location}.${path}`);
    });

    it('still stores and finds the same names without the NUL', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/tracking/experiments',
        headers: auth,
        payload: { name: 'weekly' },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      const list = await app.inject({ url: '/api/tracking/runs?experiment=weekly' });
      expect(list.statusCode).toBe(200);
    });

    it('answers an artifact of an unknown run with a JSON error body, not "[object Object]"', async () => {
      const res = await app.inject({ url: '/api/tracking/runs/no-such-run/artifact?path=model.ubj' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'RUN_NOT_FOUND' });
    });
  });
}

describeNulCharacters('sqlite', openSqliteFixture, true);
describeNulCharacters('postgres', postgresFixture(pg.url), pg.available);
