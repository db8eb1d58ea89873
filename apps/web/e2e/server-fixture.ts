import { freePort } from '@sodai/testing';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SODAI = path.join(ROOT, 'apps/sodai/bin/sodai.js');
const WEB = path.join(ROOT, 'apps/web');

export const E2E_ADMIN_TOKEN = 'web-e2e-admin-token-0123456789';

/** A running `sodai serve` over data the product generated, and how to stop it. */
export interface ServerFixture {
  readonly baseUrl: string;
  readonly dir: string;
  stop(): Promise<void>;
}

/** The newest modification time under a folder (ms). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds the UI when apps/web/dist is missing or older than a source file: the server serves
 * whatever dist holds, and a stale build would test yesterday's UI.
 */
export async function ensureWebBuild(): Promise<void> {
  const index = path.join(WEB, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(WEB, 'src')),
    statSync(path.join(WEB, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB });
}

/**
 * A small world made by the `sodai` CLI itself: 300 customers, 120 products, 24 weeks (the last 2
 * held back), loaded, trained twice (v1 champion, v2 registered) and predicted; then the held-back
 * weeks land and the weekly DAG runs once (no retraining); then `sodai serve` on a free port with an
 * admin token. About 35 s on two cores.
 */
export async function startServerFixture(): Promise<ServerFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sodai-web-e2e-'));
  const config = path.join(dir, 'sodai.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      model: { trainWeeks: 5, validationWeeks: 2 },
      logLevel: 'warn',
      // The UI has no sign-in yet (branch ux-web): its data pages read without a token.
      server: { publicRead: 'all' },
    }),
  );
  const env = {
    ...process.env,
    SODAI_DATA_DIR: path.join(dir, '.sodai'),
    SODAI_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
  };
  const sodai = (...args: string[]) =>
    run('node', [SODAI, '--config', config, ...args], { cwd: dir, env, maxBuffer: 64 << 20 });
  await sodai('data', 'generate', '--customers', '300', '--products', '120', '--weeks', '24', '--out', 'gen');
  await sodai('data', 'split-weeks', '--in', 'gen', '--out', 'batches', '--last', '2', '--history', 'hist');
  await sodai(
    'data',
    'load',
    '--customers',
    'gen/clientes.parquet',
    '--products',
    'gen/productos.parquet',
    '--transactions',
    'hist/transacciones.parquet',
  );
  await sodai('train', '--trials', '1');
  await sodai('train', '--trials', '1');
  await sodai('predict');
  // The held-back weeks land and the weekly DAG runs once: ingest reports, a drift report, new predictions.
  cpSync(path.join(dir, 'batches'), path.join(dir, '.sodai', 'landing'), { recursive: true });
  await sodai('run', 'weekly', '--retrain', 'never');

  // A port chosen here: the server's own startup line is a log line, silent at `warn`.
  const port = await freePort();
  const child = spawn(
    'node',
    [SODAI, '--config', config, 'serve', '--host', '127.0.0.1', '--port', String(port), '--poll-ms', '0'],
    { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, child);
  return {
    baseUrl,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitReady(baseUrl: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`sodai serve exited (${child.exitCode}): ${stderr}`);
    const res = await fetch(`${baseUrl}/ready`).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server never became ready');
}
