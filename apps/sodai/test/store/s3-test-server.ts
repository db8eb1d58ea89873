import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';

/** An S3-compatible server on 127.0.0.1, a random port and its own temporary folder. */
export interface S3TestServer {
  readonly endpoint: string;
  readonly bucket: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The environment a process needs to reach it through the standard AWS variables. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

export interface S3Gate {
  /** Undefined when the server could not start (tests then skip, unless services are required). */
  readonly server: S3TestServer | undefined;
  readonly reason: string | undefined;
}

/** s3rver's built-in key pair; it checks signatures with it. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export async function startS3TestServer(bucket = 'sodai-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(tmpdir(), 'sodai-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    // s3rver signs bucket-level requests (ListObjectsV2) over "/bucket" while SDK v3 signs "/bucket/",
    // so those signatures never match; object requests are unaffected. Credentials are still required.
    allowMismatchedSignatures: true,
    configureBuckets: [{ name: bucket }],
  });
  let port: number;
  try {
    ({ port } = await server.run());
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    credentials: CREDENTIALS,
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    async stop() {
      await server.close().catch(() => undefined);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the test server, or reports why it could not. Under SODAI_REQUIRE_SERVICES=1 a server that
 * cannot start throws, so the S3 suites fail instead of skipping.
 */
export async function s3Gate(bucket?: string): Promise<S3Gate> {
  try {
    return { server: await startS3TestServer(bucket), reason: undefined };
  } catch (error) {
    const reason = `the S3 test server (s3rver) could not start on 127.0.0.1: ${(error as Error).message}`;
    if (process.env.SODAI_REQUIRE_SERVICES === '1') throw new Error(`${reason} (SODAI_REQUIRE_SERVICES=1)`);
    return { server: undefined, reason };
  }
}
