import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { libraryInfo, VENDOR_DIR } from '@sodai/xgboost';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { DataPaths } from '../config/load-config.ts';
import { openDuckDb, queryRows } from '../store/duckdb.ts';
import { openObjectStore } from '../store/object-store/open-object-store.ts';
import { openBatchLanding } from '../data/sources/batch-landing.ts';
import { BATCH_FILE, configuredSource } from '../data/sources/batch-source.ts';
import { maskUrl } from '../data/sources/mask-url.ts';
import { probePostgresSource } from '../data/sources/postgres-source.ts';

/** One finding: `fail` means the named capability does not work; `warn` that something is degraded. */
export interface DoctorCheck {
  readonly name: string;
  readonly status: 'ok' | 'warn' | 'fail' | 'skipped';
  readonly detail: string;
  /** What to do about it (set unless ok). */
  readonly fix?: string;
  /** Without it nothing can train or predict: `sodai doctor --startup` fails only on these. */
  readonly critical?: boolean;
}

/** The script `npm install` runs to unpack libxgboost into the project (no root needed). */
export const FETCH_LIBXGBOOST_SCRIPT = path.resolve(VENDOR_DIR, '../../scripts/fetch-libxgboost.sh');

const SERVICE_TIMEOUT_MS = 3_000;
const DISK_WARN_BYTES = 2 * 1024 ** 3;
const DISK_FAIL_BYTES = 200 * 1024 ** 2;

export function checkLibxgboost(): DoctorCheck {
  try {
    const info = libraryInfo();
    return { name: 'libxgboost', status: 'ok', detail: `${info.version.join('.')} at ${info.path}` };
  } catch (error) {
    const canFetch =
      existsSync(FETCH_LIBXGBOOST_SCRIPT) && commandExists('apt-get') && commandExists('dpkg-deb');
    return {
      name: 'libxgboost',
      status: 'fail',
      critical: true,
      detail: `not loadable, so nothing can train or predict: ${firstLine(error)}`,
      fix: canFetch
        ? `sodai doctor --fetch-libxgboost (unpacks Debian's libxgboost0 into ${VENDOR_DIR}, no root), or sudo apt-get install libxgboost0`
        : 'install libxgboost (apt-get install libxgboost0 | brew install xgboost | conda install -c conda-forge libxgboost) or set XGBOOST_LIBRARY_PATH',
    };
  }
}

export async function checkDuckDb(): Promise<DoctorCheck> {
  try {
    const db = await openDuckDb(':memory:');
    try {
      const [row] = await queryRows(db.connection, 'SELECT version() AS v');
      return { name: 'duckdb', status: 'ok', detail: String(row?.v) };
    } finally {
      db.close();
    }
  } catch (error) {
    return {
      name: 'duckdb',
      status: 'fail',
      critical: true,
      detail: `@duckdb/node-api does not load: ${firstLine(error)}`,
      fix: 'npm rebuild @duckdb/node-api (or npm ci) under the Node version that runs SodAI',
    };
  }
}

export function checkChromium(env: NodeJS.ProcessEnv = process.env): DoctorCheck {
  const binary = env.SODAI_CHROMIUM ?? '/usr/bin/chromium';
  try {
    accessSync(binary, constants.X_OK);
    return { name: 'chromium', status: 'ok', detail: `${binary} (for the web end-to-end tests)` };
  } catch {
    return {
      name: 'chromium',
      status: 'warn',
      detail: `${binary} is not an executable: the web end-to-end tests cannot run (nothing else needs it)`,
      fix: 'sudo apt-get install chromium, or set SODAI_CHROMIUM to a Chromium binary',
    };
  }
}

/** Free space where the data lives (the folder, or its closest existing parent). */
export function checkDisk(dataDir: string): DoctorCheck {
  let dir = dataDir;
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  const gib = (free / 1024 ** 3).toFixed(1);
  if (free >= DISK_WARN_BYTES) return { name: 'disk', status: 'ok', detail: `${gib} GiB free at ${dir}` };
  return {
    name: 'disk',
    status: free < DISK_FAIL_BYTES ? 'fail' : 'warn',
    detail: `only ${gib} GiB free at ${dir}: datasets, DuckDB spill files and models may not fit`,
    fix: `free space there, or point dataDir (SODAI_DATA_DIR) at a larger disk; sodai store gc drops unreferenced files`,
  };
}

export async function checkPostgres(url: string | undefined): Promise<DoctorCheck> {
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    return { name: 'postgres', status: 'skipped', detail: 'not configured (metadata in SQLite)' };
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: SERVICE_TIMEOUT_MS });
  try {
    await client.connect();
    const result = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return { name: 'postgres', status: 'ok', detail: `server ${result.rows[0]?.v} at ${hostOf(url)}` };
  } catch (error) {
    return {
      name: 'postgres',
      status: 'fail',
      detail: `${hostOf(url)} unreachable: ${firstLine(error)}`,
      fix: 'start Postgres or correct DATABASE_URL (sodai config shows the effective one)',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(url: string | undefined): Promise<DoctorCheck> {
  if (!url) return { name: 'redis', status: 'skipped', detail: 'not configured (tasks run in process)' };
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: SERVICE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED…) says more than the "connection is closed" connect() rejects with.
  let socketError: unknown;
  redis.on('error', (error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return { name: 'redis', status: 'ok', detail: `PING answered at ${hostOf(url)}` };
  } catch (error) {
    return {
      name: 'redis',
      status: 'fail',
      detail: `${hostOf(url)} unreachable: ${firstLine(socketError ?? error)}`,
      fix: 'start Redis or correct REDIS_URL',
    };
  } finally {
    redis.disconnect();
  }
}

/**
 * The AWS SDK's notice for this Node version, or undefined: its releases after January 2027 need
 * Node 22 (the CLI mutes the SDK's own notice, which it printed in every process).
 */
export function awsSdkNodeNote(nodeVersion: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(nodeVersion)?.[1]);
  if (!(major < 22)) return undefined;
  return `Node ${nodeVersion}: the AWS SDK in use works, but its releases after January 2027 need Node 22 or later`;
}

export async function checkObjectStore(config: SodaiConfig, paths: DataPaths): Promise<DoctorCheck> {
  const url = config.objectStore;
  if (!url?.startsWith('s3://'))
    return { name: 's3', status: 'skipped', detail: 'not configured (local folder)' };
  try {
    const store = await openObjectStore(url, { cacheDir: path.join(paths.dataDir, 'cache', 'objects') });
    await withTimeout(store.head('doctor/probe'), SERVICE_TIMEOUT_MS * 3);
    const note = awsSdkNodeNote(process.version);
    return note
      ? {
          name: 's3',
          status: 'warn',
          detail: `${url} answers; ${note}`,
          fix: 'run SodAI on Node 22 or later',
        }
      : { name: 's3', status: 'ok', detail: `${url} answers` };
  } catch (error) {
    return {
      name: 's3',
      status: 'fail',
      detail: `${url}: ${firstLine(error)}`,
      fix: 'check AWS_ENDPOINT_URL_S3, AWS_REGION and the credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)',
    };
  }
}

/**
 * The batch source the weekly run reads (the landing folder, an S3 prefix or a Postgres table):
 * that it answers, and what waits there. A wrong bucket, table or column otherwise shows only as a
 * failed poll in the server's log or a failed weekly run.
 */
export async function checkBatchSource(config: SodaiConfig, paths: DataPaths): Promise<DoctorCheck> {
  const source = configuredSource(config, paths.landingDir);
  const where = source.kind === 'folder' ? path.resolve(source.path ?? '.') : maskUrl(source.url);
  try {
    if (source.kind === 'postgres') {
      const detail = await withTimeout(probePostgresSource(source), SERVICE_TIMEOUT_MS * 3);
      return { name: 'source', status: 'ok', detail };
    }
    // Opening a folder landing makes it; a check must leave the disk as it found it.
    if (source.kind === 'folder' && !existsSync(where)) {
      return {
        name: 'source',
        status: 'ok',
        detail: `${where}: not made yet (made on the first upload, serve or ingest)`,
      };
    }
    const landing = await openBatchLanding(source, path.join(paths.dataDir, 'cache'));
    try {
      const files = landing?.list
        ? await withTimeout(landing.list(), SERVICE_TIMEOUT_MS * 3)
        : (await readdir(where)).filter((name) => BATCH_FILE.test(name));
      return { name: 'source', status: 'ok', detail: `${where}: ${files.length} batch file(s)` };
    } finally {
      await landing?.close();
    }
  } catch (error) {
    return {
      name: 'source',
      status: 'fail',
      detail: `${where}: ${firstLine(error)}`,
      fix:
        source.kind === 'postgres'
          ? 'check the source url (and PGPASSWORD), its table or query and its watermarkColumn in the config'
          : source.kind === 's3'
            ? 'check the source url (bucket and prefix) and the AWS variables'
            : 'make the landing folder readable and writable by this user',
    };
  }
}

/** Every check, local ones first; services only when the configuration names them. */
export async function runDoctor(config: SodaiConfig, paths: DataPaths): Promise<DoctorCheck[]> {
  return [
    checkLibxgboost(),
    await checkDuckDb(),
    checkChromium(),
    checkDisk(paths.dataDir),
    ...(await Promise.all([
      checkPostgres(config.databaseUrl),
      checkRedis(config.redisUrl),
      checkObjectStore(config, paths),
      checkBatchSource(config, paths),
    ])),
  ];
}

/** Runs the project-local libxgboost fetch; returns its exit status. */
export function fetchLibxgboost(): number {
  const result = spawnSync('sh', [FETCH_LIBXGBOOST_SCRIPT], { stdio: 'inherit' });
  return result.status ?? 1;
}

function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** host:port of a service URL, never its credentials. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured URL';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
