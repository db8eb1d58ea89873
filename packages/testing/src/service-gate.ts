import { createConnection } from 'node:net';

export type ServiceName = 'postgres' | 'redis';

export interface ServiceGate {
  /** Whether tests that need the service should run. */
  readonly available: boolean;
  /** Connection URL for tests (from TEST_DATABASE_URL / TEST_REDIS_URL or the local default). */
  readonly url: string;
}

const DEFAULT_URLS: Record<ServiceName, string> = {
  postgres: 'postgres://postgres@127.0.0.1:5432/test',
  redis: 'redis://127.0.0.1:6379',
};

const ENV_KEYS: Record<ServiceName, string> = {
  postgres: 'TEST_DATABASE_URL',
  redis: 'TEST_REDIS_URL',
};

function portOpen(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Decides whether tests needing a real service run. When the service is unreachable the tests
 * skip, except under `SODAI_REQUIRE_SERVICES=1` (CI), where this throws so the test file fails.
 *
 * @example
 * const pg = await serviceGate('postgres');
 * describe.runIf(pg.available)('postgres store', () => { ... });
 */
export async function serviceGate(name: ServiceName, timeoutMs = 1000): Promise<ServiceGate> {
  const url = process.env[ENV_KEYS[name]] ?? DEFAULT_URLS[name];
  const parsed = new URL(url);
  const port = Number(parsed.port || (name === 'postgres' ? 5432 : 6379));
  const available = await portOpen(parsed.hostname, port, timeoutMs);
  if (!available && process.env.SODAI_REQUIRE_SERVICES === '1') {
    throw new Error(
      `${name} is required (SODAI_REQUIRE_SERVICES=1) but nothing answers at ${parsed.hostname}:${port}; ` +
        `start it or set ${ENV_KEYS[name]}`,
    );
  }
  return { available, url };
}
