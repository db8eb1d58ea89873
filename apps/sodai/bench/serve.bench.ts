// `npm run bench:serve`: throughput and latency of the real server on the real data. Prepares a
// store once (load the 2024 files, train with 5 trials when there is no champion, predict), starts
// `sodai serve` in its own process on 127.0.0.1, and drives /predict and /recommend (k = 5) with
// autocannon at 50 connections over varied pairs, once at the default log level and once at `warn`
// (the default must cost at most 10% more server CPU per request). Targets on 2 cores: /predict ≥ 10 k req/s with
// p99 < 10 ms, /recommend ≥ 3 k req/s with p99 < 20 ms.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { queryRows } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';

const REAL = path.resolve(import.meta.dirname, '../../../../shared/data/sodai-2024');
const CLI = path.resolve(import.meta.dirname, '../bin/sodai.js');
const DIR = process.env.SODAI_BENCH_DIR ?? path.join(tmpdir(), 'sodai-bench-serve');
const PORT = Number(process.env.SODAI_BENCH_PORT ?? 18_731);
const SECONDS = Number(process.env.SODAI_BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

if (!existsSync(path.join(REAL, 'transacciones.parquet'))) {
  console.log(`bench:serve skipped: the real data is not at ${REAL}`);
  process.exit(0);
}

const env = { ...process.env, SODAI_DATA_DIR: DIR, SODAI_LOG_LEVEL: 'warn' };
const sodai = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { env, stdio: 'inherit' });

const marker = path.join(DIR, '.bench-prepared');
if (!existsSync(marker)) {
  console.log(`preparing ${DIR}: load the 2024 data, train (5 trials), predict the next week`);
  sodai(
    'data',
    'load',
    '--customers',
    path.join(REAL, 'clientes.parquet'),
    '--products',
    path.join(REAL, 'productos.parquet'),
    '--transactions',
    path.join(REAL, 'transacciones.parquet'),
  );
  sodai('train', '--trials', '5');
  sodai('predict');
  writeFileSync(marker, new Date().toISOString());
}

// Pairs to ask about: every candidate pair, and the customers that have them.
// Read through the catalog like any other process: the store is Parquet files, not one DuckDB file.
const store = await RawStore.openDir(DIR);
const pairs = (
  await queryRows(
    store.connection,
    `SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p FROM prediction_dataset
     WHERE cutoff = (SELECT max(cutoff) FROM prediction_dataset) ORDER BY hash(customer_id, product_id)`,
  )
).map((r) => JSON.stringify({ customer_id: Number(r.c), product_id: Number(r.p) }));
const customers = [...new Set(pairs.map((p) => (JSON.parse(p) as { customer_id: number }).customer_id))].map(
  (c) => JSON.stringify({ customer_id: c, k: 5 }),
);
await store.close();

/** One server per log level, in turn: the default level (info, as shipped) and `warn`. */
const LEVELS = ['info', 'warn'] as const;
let server = startServer('info');
let logBytes = 0;

function startServer(level: string) {
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--log-format',
      'json',
      'serve',
      '--port',
      String(PORT),
      '--host',
      '127.0.0.1',
      '--rate-limit',
      '100000000',
    ],
    { env: { ...env, SODAI_LOG_LEVEL: level }, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  // What the server logs is counted, not shown: the bytes a day of traffic would write to disk.
  child.stderr.on('data', (b: Buffer) => (logBytes += b.length));
  return child;
}

const base = `http://127.0.0.1:${PORT}`;
async function waitReady(): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const ready = (await (await fetch(`${base}/ready`)).json()) as {
        ready: boolean;
        model_version: number;
      };
      if (ready.ready) {
        console.log(
          `server ready in ${((Date.now() - started) / 1000).toFixed(1)} s, model v${ready.model_version}`,
        );
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error('the server did not become ready in 2 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** CPU seconds the server process has used (Linux /proc; NaN elsewhere). */
function serverCpuSeconds(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Figures {
  route: string;
  /** Server CPU time per answered request: capacity per core, whatever else the machine runs. */
  cpuMicros: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** Prebuilt requests cycled by every connection (autocannon encodes each once, so the client stays cheap). */
const SAMPLE = 512;
const sample = (bodies: readonly string[]) =>
  Array.from(
    { length: Math.min(SAMPLE, bodies.length) },
    (_, i) => bodies[Math.floor((i * bodies.length) / Math.min(SAMPLE, bodies.length))]!,
  );

async function run(route: string, bodies: readonly string[], seconds: number): Promise<Figures> {
  const cpuBefore = serverCpuSeconds();
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: sample(bodies).map((body) => ({
      method: 'POST' as const,
      path: route,
      headers: { 'content-type': 'application/json' },
      body,
    })),
  });
  const cpu = serverCpuSeconds() - cpuBefore;
  return {
    route,
    cpuMicros: (cpu * 1e6) / Math.max(1, result.requests.total),
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

interface LevelFigures {
  readonly level: string;
  readonly figures: readonly Figures[];
  readonly logBytesPerRequest: number;
}

const byLevel: LevelFigures[] = [];
try {
  for (const level of LEVELS) {
    if (level !== LEVELS[0]) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      server = startServer(level);
    }
    await waitReady();
    // Warm-up: JIT, caches of reasons, connection pools.
    await run('/predict', pairs, 2);
    await run('/recommend', customers, 2);
    logBytes = 0;
    const figures = [await run('/predict', pairs, SECONDS), await run('/recommend', customers, SECONDS)];
    const total = figures.reduce((n, f) => n + f.total, 0);
    byLevel.push({ level, figures, logBytesPerRequest: logBytes / Math.max(1, total) });
  }
  const targets: Record<string, { rps: number; p99: number }> = {
    '/predict': { rps: 10_000, p99: 10 },
    '/recommend': { rps: 3_000, p99: 20 },
  };
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s each, requests cycling over ${Math.min(SAMPLE, pairs.length)} of ${pairs.length} pairs / ${Math.min(SAMPLE, customers.length)} of ${customers.length} customers`,
  );
  console.log(
    'log level  route        req/s     p50 ms  p99 ms  non-2xx  errors  server CPU/request  target',
  );
  for (const { level, figures } of byLevel) {
    for (const f of figures) {
      const t = targets[f.route]!;
      const met = f.reqPerSec >= t.rps && f.p99 < t.p99 && f.non2xx === 0 && f.errors === 0;
      console.log(
        `${level.padEnd(10)} ${f.route.padEnd(12)} ${f.reqPerSec.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(7)} ${String(f.non2xx).padStart(8)} ${String(f.errors).padStart(7)}  ${f.cpuMicros.toFixed(0).padStart(6)} µs (${(1e6 / f.cpuMicros).toFixed(0)} req/s a core)  ≥${t.rps} req/s, p99 < ${t.p99} ms: ${met ? 'met' : 'NOT met'}`,
      );
    }
  }
  // The default level must cost at most 10% over `warn`: compared on server CPU per request, which
  // other work on the machine disturbs far less than req/s.
  const [deflt, warn] = byLevel;
  for (const route of ['/predict', '/recommend']) {
    const d = deflt!.figures.find((f) => f.route === route)!;
    const w = warn!.figures.find((f) => f.route === route)!;
    const extra = d.cpuMicros / w.cpuMicros - 1;
    console.log(
      `${route}: default (info) vs warn — CPU/request ${(extra * 100).toFixed(1)}% more, req/s ${((d.reqPerSec / w.reqPerSec - 1) * 100).toFixed(1)}%: ${extra <= 0.1 ? 'within 10%' : 'NOT within 10%'}`,
    );
  }
  for (const { level, logBytesPerRequest } of byLevel)
    console.log(`log output at ${level}: ${logBytesPerRequest.toFixed(2)} bytes per request`);
  const load = loadavg()[0]!;
  console.log(
    `load average ${load.toFixed(1)} on ${availableParallelism()} cores during the run${load > availableParallelism() ? ': the machine was busy with other work, so req/s and latency are understated (CPU per request less so)' : ''}`,
  );
} finally {
  server.kill('SIGTERM');
}
