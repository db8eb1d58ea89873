import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { s3Gate } from './s3-test-server.ts';

/** A port something else already listens on, so the S3 test server cannot start there. */
async function occupiedPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('s3Gate', () => {
  let blocker: { server: Server; port: number };
  const saved = process.env.SODAI_REQUIRE_SERVICES;
  beforeEach(async () => {
    blocker = await occupiedPort();
  });
  afterEach(() => {
    blocker.server.close();
    if (saved === undefined) delete process.env.SODAI_REQUIRE_SERVICES;
    else process.env.SODAI_REQUIRE_SERVICES = saved;
  });

  it('fails when services are required and the S3 server cannot start', async () => {
    process.env.SODAI_REQUIRE_SERVICES = '1';
    await expect(s3Gate({ port: blocker.port })).rejects.toThrow(/could not start.*SODAI_REQUIRE_SERVICES=1/);
  });

  it('otherwise reports it unavailable, so the S3 suites skip', async () => {
    delete process.env.SODAI_REQUIRE_SERVICES;
    const gate = await s3Gate({ port: blocker.port });
    expect(gate.server).toBeUndefined();
    expect(gate.reason).toContain('could not start');
  });
});
