import path from 'node:path';
import { LocalObjectStore } from './local-object-store.ts';
import type { ObjectStore } from './object-store.ts';
import { parseObjectStoreUrl } from './object-store-url.ts';

export interface OpenObjectStoreOptions {
  /** Folder of the S3 download cache (unused for a folder store). */
  readonly cacheDir: string;
  /** Base for relative folder paths (default: the working directory). */
  readonly cwd?: string;
  /**
   * Where AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, AWS_REGION and AWS_ACCESS_KEY_ID /
   * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN are read from (default process.env). Without keys there,
   * the SDK's own chain (profiles, instance roles) applies.
   */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Opens the object store a URL names (see `parseObjectStoreUrl`). The S3 client is imported only
 * when an `s3://` URL asks for it, so embedded deployments never load the AWS SDK.
 *
 * @example
 * const store = await openObjectStore('s3://sodai/prod', { cacheDir: '.sodai/cache/objects' });
 */
export async function openObjectStore(url: string, options: OpenObjectStoreOptions): Promise<ObjectStore> {
  const location = parseObjectStoreUrl(url, options.cwd);
  if (location.kind === 'folder') return new LocalObjectStore(location.path);
  const env = options.env ?? process.env;
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  const { S3ObjectStore } = await import('./s3-object-store.ts');
  return new S3ObjectStore({
    bucket: location.bucket,
    prefix: location.prefix,
    cacheDir: path.resolve(options.cwd ?? process.cwd(), options.cacheDir),
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(credentials ? { credentials } : {}),
  });
}
