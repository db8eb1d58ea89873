// `npm run bench:serve-run`: how long a weekly run (retrain never) takes when `sodai serve` starts it
// from its admin API, each task in a child process, beside the same run made inline by
// `sodai run weekly` on a copy of the same store, in one invocation. The difference is what the
// children cost (a Node start and the CLI's load per task). ROUNDS sets how many pairs (default 2).
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { freePort, waitForReady } from '@sodai/testing';
import { buildServedStore } from '../test/served-store.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const TOKEN = 'serve-run-bench-admin-token-0123456789';
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const run = promisify(execFile);

const root = mkdtempSync(path.join(tmpdir(), 'sodai-bench-serve-run-'));
const template = path.join(root, 'template');
const fixture = await buildServedStore(template, { server: { adminToken: TOKEN }, logLevel: 'warn' });
const config = { ...fixture.config };
await fixture.close();

/** A fresh copy of the served store with its config file: every run starts from the same state. */
function copyStore(name: string, port: number): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = path.join(root, name);
  cpSync(template, dir, { recursive: true });
  const file = path.join(dir, 'sodai.config.json');
  writeFileSync(file, JSON.stringify({ ...config, dataDir: dir, server: { ...config.server, port } }));
  const env = { ...process.env, SODAI_CONFIG: file, SODAI_DATA_DIR: '', DATABASE_URL: '', REDIS_URL: '' };
  return { dir, env: { ...env, SODAI_ADMIN_TOKEN: '' } };
}

async function throughServer(round: number): Promise<number> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { env } = copyStore(`served-${round}`, port);
  const server = spawn(process.execPath, [BIN, 'serve', '--poll-ms', '0', '--rate-limit', '0'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  try {
    await waitForReady({ base, server, output: () => stderr });
    const from = performance.now();
    const res = await fetch(`${base}/api/admin/pipeline/dags/weekly/runs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ retrain: 'never' }),
    });
    if (res.status !== 202) throw new Error(`run not started (${res.status}): ${await res.text()}`);
    const { run_id: runId } = (await res.json()) as { run_id: string };
    for (;;) {
      const detail = (await (
        await fetch(`${base}/api/pipeline/runs/${runId}`, { headers: auth })
      ).json()) as {
        state: string;
      };
      if (detail.state === 'success') return (performance.now() - from) / 1000;
      if (detail.state === 'failed')
        throw new Error(`the run through the server failed:\n${stderr.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function inline(round: number): Promise<number> {
  const { env } = copyStore(`inline-${round}`, await freePort());
  const from = performance.now();
  await run(process.execPath, [BIN, 'run', 'weekly', '--retrain', 'never'], { env, maxBuffer: 1 << 26 });
  return (performance.now() - from) / 1000;
}

console.log(
  `weekly run (retrain never) on the generated served store, ${ROUNDS} rounds, load ${loadavg()[0]!.toFixed(1)}`,
);
const served: number[] = [];
const inlined: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternated, so a change in the machine's load falls on both columns.
  served.push(await throughServer(round));
  inlined.push(await inline(round));
  console.log(
    `round ${round + 1}: through sodai serve (tasks in child processes) ${served.at(-1)!.toFixed(1)} s, ` +
      `sodai run weekly (inline, includes its own start) ${inlined.at(-1)!.toFixed(1)} s`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `median: through the server ${median(served).toFixed(1)} s, inline ${median(inlined).toFixed(1)} s ` +
    `(${(median(served) / median(inlined)).toFixed(2)}×); load at the end ${loadavg()[0]!.toFixed(1)}`,
);
rmSync(root, { recursive: true, force: true });
