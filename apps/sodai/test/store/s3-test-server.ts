import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from '@20minutes/s3rver';
import { S3Client } from '@aws-sdk/client-s3';

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

export interface S3TestServerOptions {
  readonly bucket?: string;
  /** Default 0: a free port. */
  readonly port?: number;
}

export async function startS3TestServer(options: S3TestServerOptions = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'sodai-test';
  const directory = mkdtempSync(path.join(tmpdir(), 'sodai-s3rver-'));
  const server = new S3rver({
    silent: true,
    directory,
    vhostBuckets: false,
    // s3rver signs bucket-level requests (ListObjectsV2) over "/bucket" while SDK v3 signs "/bucket/",
    // so those signatures never match; object requests are unaffected. Credentials are still required.
    allowMismatchedSignatures: true,
    configureBuckets: [{ name: bucket }],
  });
  // Our own HTTP server around s3rver's handler: s3rver's run() never rejects when listen fails (the
  // error surfaces as an uncaught 'error' event), and a gate must see that failure.
  const http = createServer(server.callback());
  let port: number;
  try {
    await server.configureBuckets();
    port = await new Promise<number>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, '127.0.0.1', () => {
        http.off('error', reject);
        resolve((http.address() as AddressInfo).port);
      });
    });
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
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the test server, or reports why it could not. Under SODAI_REQUIRE_SERVICES=1 a server that
 * cannot start throws, so the S3 suites fail instead of skipping.
 */
export async function s3Gate(options: S3TestServerOptions = {}): Promise<S3Gate> {
  try {
    return { server: await startS3TestServer(options), reason: undefined };
  } catch (error) {
    const reason = `the S3 test server (s3rver) could not start on 127.0.0.1: ${(error as Error).message}`;
    if (process.env.SODAI_REQUIRE_SERVICES === '1') throw new Error(`${reason} (SODAI_REQUIRE_SERVICES=1)`);
    return { server: undefined, reason };
  }
}

/**
 * A plain SDK client of the test server, as another tool (an ERP export) uses the bucket: what it
 * puts carries no metadata of ours.
 */
export function foreignS3Client(server: S3TestServer): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: server.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}
