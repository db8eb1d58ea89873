// `npm run bench:soak`: `sodai serve` (a child process, the real CLI) under a few minutes of mixed
// load — single /predict, /recommend, /chat, and one client sending bulk /predict of 1,000
// non-candidate pairs — with a weekly run (retrain never) and two reloads in the middle. Prints
// req/s, p50/p99 and errors per route, the server's RSS over time, /health latency overall and while
// a bulk request is in flight, and whether the weekly run's export equals the same run made without
// load on a copy of the store. Targets (issue 18): 0 errors, RSS growth < 10 % from minute 1 to the
// end, /health p99 ≤ 50 ms during bulk scoring, identical exports. SOAK_S sets the length (default 300).
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { seededRandom } from '@sodai/random';
import { freePort, waitForReady } from '@sodai/testing';
import { queryRows } from '../src/store/duckdb.ts';
import { buildServedStore } from '../test/served-store.ts';

const SOAK_MS = Number(process.env.SOAK_S ?? 300) * 1000;
/**
 * `SOAK_ONLY=predict|recommend|chat|bulk` drives that route alone, without the weekly run and the
 * reloads: it tells which route a memory or latency figure comes from.
 */
const ONLY = process.env.SOAK_ONLY as 'predict' | 'recommend' | 'chat' | 'bulk' | undefined;
/** The roll that picks the route in a mixed client (see `client`); none for the bulk client's route. */
const ONLY_ROLL = { predict: 0.1, recommend: 0.7, chat: 0.9, bulk: undefined } as const;
if (ONLY && !(ONLY in ONLY_ROLL))
  throw new Error(`SOAK_ONLY must be one of ${Object.keys(ONLY_ROLL).join(', ')}`);
/**
 * `SOAK_OPERATIONS=run` (or `reload`, or `none`) keeps only those of the middle's operations: it tells
 * the weekly run's share of a memory figure from the reloads'. Default: `run,reload`.
 */
const OPERATIONS = new Set((process.env.SOAK_OPERATIONS ?? 'run,reload').split(','));
/** Whether this soak makes the weekly run, and so compares its export with the run without load. */
const WEEKLY = !ONLY && OPERATIONS.has('run');
/** When the middle's operations start, as shares of the soak: the weekly run, then the two reloads. */
const RUN_AT = 0.3;
const RELOADS_AT = [0.45, 0.55] as const;
const CLIENTS = 4;
const TOKEN = 'soak-bench-admin-token-0123456789';
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const run = promisify(execFile);

type Pair = { customer_id: number; product_id: number };

const root = mkdtempSync(path.join(tmpdir(), 'sodai-bench-soak-'));
const dir = path.join(root, 'served');
const fixture = await buildServedStore(dir, {
  // A budget no bench client exhausts: this measures the server, not the limiter.
  server: { adminToken: TOKEN, bulkScoring: { capacity: 1e9, refillPerSecond: 1e9 } },
  logLevel: 'warn',
});
const candidates = (
  await queryRows(
    fixture.store.connection,
    `SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p FROM prediction_dataset ORDER BY ALL`,
  )
).map((r): Pair => ({ customer_id: Number(r.c), product_id: Number(r.p) }));
const bulkPairs = (
  await queryRows(
    fixture.store.connection,
    `SELECT c.customer_id::DOUBLE AS c, p.product_id::DOUBLE AS p FROM customers c CROSS JOIN products p
     ANTI JOIN prediction_dataset d ON d.customer_id = c.customer_id AND d.product_id = p.product_id
     ORDER BY hash(c.customer_id, p.product_id) LIMIT 1000`,
  )
).map((r): Pair => ({ customer_id: Number(r.c), product_id: Number(r.p) }));
const customers = [...new Set(candidates.map((p) => p.customer_id))];
const config = { ...fixture.config, dataDir: dir };
await fixture.close();
// The reference: the same store, for the same weekly run made without load once the soak is over.
const reference = path.join(root, 'reference');
cpSync(dir, reference, { recursive: true });

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const configFile = (d: string) => {
  const file = path.join(d, 'sodai.config.json');
  writeFileSync(file, JSON.stringify({ ...config, dataDir: d, server: { ...config.server, port } }));
  return file;
};
const cleanEnv = (file: string) => ({
  ...process.env,
  SODAI_CONFIG: file,
  SODAI_DATA_DIR: '',
  DATABASE_URL: '',
  REDIS_URL: '',
  SODAI_ADMIN_TOKEN: '',
  // As the serving guide says to run it (src/serve/README.md, "Memory"): glibc's default of up to
  // 8 malloc arenas a core grew the server ~0.4 MB/s under this load, the JS heap and DuckDB flat.
  // `MALLOC_ARENA_MAX= npm run bench:soak` measures glibc's default.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
});
/**
 * `SOAK_HEAPTRACK=FILE` runs the server under heaptrack (writes FILE.zst; read it with
 * `heaptrack_print -f FILE.zst`): it names the native allocations behind a memory figure, at
 * several times the CPU, so its req/s and latencies are not comparable with a plain soak.
 */
const HEAPTRACK = process.env.SOAK_HEAPTRACK;
const serverArgs = [BIN, 'serve', '--rate-limit', '0', '--poll-ms', '5000'];
const server = spawn(
  HEAPTRACK ? 'heaptrack' : process.execPath,
  HEAPTRACK ? ['-o', HEAPTRACK, process.execPath, ...serverArgs] : serverArgs,
  { env: cleanEnv(configFile(dir)), stdio: ['ignore', 'ignore', 'pipe'] },
);
let serverErr = '';
server.stderr.on('data', (b: Buffer) => (serverErr += b.toString()));
let stopping = false;
server.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`sodai serve exited (${code ?? signal}) during the soak:\n${serverErr.slice(-4000)}`);
  process.exit(1);
});

/** The node process serving: the spawned one, or under heaptrack the node its script started. */
function servingPid(pid: number): number {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  if (argv[0] === process.execPath && argv[1] === BIN) return pid;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  for (const child of children) {
    const found = servingPid(Number(child));
    if (found) return found;
  }
  return 0;
}

/** User + system CPU time of a process so far (Linux /proc; clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * Resident memory by mapping (Linux /proc/PID/smaps, MB): anonymous memory (the allocator's heap and
 * arenas, V8's heap) apart from each file mapped (shared libraries whose code pages become resident
 * as new code paths run, which is not a leak).
 */
function residentByMapping(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  let name = '[anon]';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) name = header[1] ? path.basename(header[1]) : '[anon]';
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) byName.set(name, (byName.get(name) ?? 0) + Number(rss[1]) / 1024);
  }
  return byName;
}

interface RouteStats {
  latencies: number[];
  errors: string[];
}
const stats = new Map<string, RouteStats>();
const record = (route: string, ms: number, error?: string) => {
  const s = stats.get(route) ?? { latencies: [], errors: [] };
  stats.set(route, s);
  s.latencies.push(ms);
  if (error !== undefined && s.errors.length < 5) s.errors.push(error);
  else if (error !== undefined) s.errors.push('');
};

async function call(route: string, init: RequestInit & { url: string }, okStatus = 200): Promise<string> {
  const t = performance.now();
  try {
    const res = await fetch(`${base}${init.url}`, init);
    const text = await res.text();
    record(
      route,
      performance.now() - t,
      res.status === okStatus ? undefined : `${res.status} ${text.slice(0, 200)}`,
    );
    return text;
  } catch (error) {
    record(route, performance.now() - t, String(error));
    return '';
  }
}
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

await waitForReady({ base, server, output: () => serverErr });
const pid = servingPid(server.pid!);
const started = performance.now();
const elapsed = () => performance.now() - started;
const running = () => elapsed() < SOAK_MS;
const rss: { atS: number; mb: number }[] = [{ atS: 0, mb: rssMb(pid) }];
let mappingsAtMinute1: Map<string, number> | undefined;
/** One scrape of the server's /metrics: a reader of its values by name and labels (NaN when absent). */
async function scrapeMetrics(): Promise<(series: string) => number> {
  const text = await fetch(`${base}/metrics`).then(
    (r) => r.text(),
    () => '',
  );
  const values = new Map(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]),
  );
  return (series) => values.get(series) ?? NaN;
}
/** The JS heap, the memory V8 knows outside it (Buffers, typed arrays) and DuckDB's, from the server's
 * /metrics: RSS growth none of them accounts for is other native memory (XGBoost, the allocator). */
const heap: {
  atS: number;
  usedMb: number;
  committedMb: number;
  newSpaceMb: number;
  externalMb: number;
  duckDbMb: number;
  /** The server's event-loop delay since the sample before (prom-client resets it at every scrape). */
  loopP99Ms: number;
  loopMaxMs: number;
}[] = [];
const sampleHeap = async (atS: number) => {
  const metric = await scrapeMetrics();
  const mb = (name: string) => metric(name) / 2 ** 20;
  heap.push({
    atS,
    usedMb: mb('nodejs_heap_size_used_bytes'),
    committedMb: mb('nodejs_heap_size_total_bytes'),
    newSpaceMb: mb('nodejs_heap_space_size_total_bytes{space="new"}'),
    externalMb: mb('nodejs_external_memory_bytes'),
    duckDbMb: mb('sodai_duckdb_memory_bytes'),
    loopP99Ms: metric('nodejs_eventloop_lag_p99_seconds') * 1000,
    loopMaxMs: metric('nodejs_eventloop_lag_max_seconds') * 1000,
  });
};
const sampler = setInterval(() => {
  const atS = Math.round(elapsed() / 1000);
  rss.push({ atS, mb: rssMb(pid) });
  if (atS >= 60) mappingsAtMinute1 ??= residentByMapping(pid);
  void sampleHeap(atS);
}, 10_000);

const chatQuestions = (c: number) => [
  '¿Cuántos clientes hay?',
  'How many products are there?',
  `¿Cuántas transacciones hizo el cliente ${c}?`,
  `What should I recommend to customer ${c}?`,
];

async function client(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  while (running()) {
    const roll = ONLY ? ONLY_ROLL[ONLY] : random();
    if (roll === undefined) return;
    if (roll < 0.6) await call('POST /predict', post('/predict', pick(candidates)));
    else if (roll < 0.85)
      await call('POST /recommend', post('/recommend', { customer_id: pick(customers), k: 5 }));
    else await call('POST /chat', post('/chat', { message: pick(chatQuestions(pick(customers))) }));
    await new Promise((r) => setTimeout(r, 5));
  }
}

const bulkWindows: [number, number][] = [];
async function bulkClient(): Promise<void> {
  const body = post('/predict', { pairs: bulkPairs });
  if (ONLY && ONLY !== 'bulk') return;
  while (running()) {
    const from = performance.now();
    await call('POST /predict (1,000 pairs)', body);
    bulkWindows.push([from, performance.now()]);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const health: { at: number; ms: number }[] = [];
async function healthProbe(): Promise<void> {
  while (running()) {
    const at = performance.now();
    await call('GET /health', { url: '/health' });
    health.push({ at, ms: performance.now() - at });
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The middle of the soak: a weekly run (its tasks in child processes, `server.pipelineTasks`) and two reloads. */
async function operations(): Promise<{ runId: string; state: string }> {
  const auth = { authorization: `Bearer ${TOKEN}` };
  if (ONLY) return { runId: '', state: 'skipped (SOAK_ONLY)' };
  await new Promise((r) => setTimeout(r, SOAK_MS * RUN_AT));
  const text = WEEKLY
    ? await call(
        'POST admin run',
        post('/api/admin/pipeline/dags/weekly/runs', { retrain: 'never' }, auth),
        202,
      )
    : '';
  const runId = (JSON.parse(text || '{}') as { run_id?: string }).run_id ?? '';
  const reload = async () => {
    if (OPERATIONS.has('reload')) await call('POST admin reload', post('/api/admin/reload', {}, auth));
  };
  await new Promise((r) => setTimeout(r, SOAK_MS * (RELOADS_AT[0] - RUN_AT)));
  await reload();
  await new Promise((r) => setTimeout(r, SOAK_MS * (RELOADS_AT[1] - RELOADS_AT[0])));
  await reload();
  let state = 'unknown';
  // Waits past the end of the soak if it must: the run is part of what is measured.
  while (runId) {
    const res = await fetch(`${base}/api/pipeline/runs/${runId}`, { headers: auth });
    state = ((await res.json()) as { state: string }).state;
    if (state === 'success' || state === 'failed') break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { runId, state };
}

const loadBefore = loadavg()[0]!;
// The probe shares this process's event loop with the load clients, whose parsing of 1,000-pair
// answers holds it: that share of a /health figure is the bench's, not the server's.
const benchLoop = monitorEventLoopDelay({ resolution: 1 });
benchLoop.enable();
console.log(
  `soak: MALLOC_ARENA_MAX=${cleanEnv('').MALLOC_ARENA_MAX || '(glibc default)'}, ${SOAK_MS / 1000} s, ${CLIENTS} clients (60 % /predict, 25 % /recommend, 15 % /chat), one bulk client, /health every 20 ms`,
);
const [weekly] = await Promise.all([
  operations(),
  bulkClient(),
  healthProbe(),
  ...Array.from({ length: CLIENTS }, (_, i) => client(i + 1)),
]);
clearInterval(sampler);
benchLoop.disable();
rss.push({ atS: Math.round(elapsed() / 1000), mb: rssMb(pid) });
const mappingsAtEnd = residentByMapping(pid);
const totalS = elapsed() / 1000;
const serverCpuS = cpuSeconds(pid);
// The server's own event-loop delay: what the server blocks for itself, as opposed to waiting for a
// CPU on a machine shared with other work. prom-client resets it at every scrape, so each sample
// covers the 10 s before it; this last one covers the end.
await sampleHeap(Math.round(elapsed() / 1000));
const metric = await scrapeMetrics();
stopping = true;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const pct = (xs: readonly number[], q: number) =>
  xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
let requests = 0;
let errors = 0;
console.log('\nroute                          requests   req/s    p50 ms   p99 ms  errors');
for (const [route, s] of stats) {
  const n = s.latencies.length;
  const e = s.errors.length;
  requests += n;
  errors += e;
  console.log(
    `${route.padEnd(30)} ${String(n).padStart(8)} ${(n / totalS).toFixed(1).padStart(7)} ` +
      `${pct(s.latencies, 0.5).toFixed(1).padStart(8)} ${pct(s.latencies, 0.99).toFixed(1).padStart(8)} ${String(e).padStart(7)}`,
  );
  for (const m of s.errors.filter(Boolean)) console.log(`    e.g. ${m}`);
}
console.log(`all routes: ${requests} requests, ${(requests / totalS).toFixed(1)} req/s, ${errors} errors`);
console.log(
  `server CPU: ${serverCpuS.toFixed(0)} s in ${totalS.toFixed(0)} s; machine load average (1 min) ${loadBefore.toFixed(1)} at the start, ` +
    `${loadavg()[0]!.toFixed(1)} at the end on ${cpus().length} cores (shared: figures are only comparable at similar load)`,
);

const inBulk = health.filter((h) => bulkWindows.some(([a, b]) => h.at >= a && h.at <= b)).map((h) => h.ms);
console.log(
  `/health: p50 ${pct(
    health.map((h) => h.ms),
    0.5,
  ).toFixed(1)} ms, p99 ${pct(
    health.map((h) => h.ms),
    0.99,
  ).toFixed(1)} ms over ${health.length} probes; ` +
    `while a bulk /predict was in flight: ${inBulk.length} probes, p99 ${pct(inBulk, 0.99).toFixed(1)} ms, worst ${Math.max(...inBulk).toFixed(1)} ms (target p99 ≤ 50 ms)`,
);

const loopWindows = heap.filter((h) => Number.isFinite(h.loopMaxMs));
const slowWindows = loopWindows.filter((h) => h.loopMaxMs > 50);
console.log(
  `server event-loop delay (10 ms sampling, so 10 ms is none) over ${loopWindows.length} windows of ~10 s: ` +
    `worst window p99 ${Math.max(...loopWindows.map((h) => h.loopP99Ms)).toFixed(1)} ms, ` +
    `max ${Math.max(...loopWindows.map((h) => h.loopMaxMs)).toFixed(1)} ms; windows with a delay over 50 ms ended at ` +
    `${slowWindows.map((h) => `${h.atS}s (${h.loopMaxMs.toFixed(0)} ms)`).join(', ') || 'none'}` +
    (ONLY
      ? ''
      : ` (operations at ${[RUN_AT, ...RELOADS_AT].map((share) => `${Math.round((SOAK_MS * share) / 1000)} s`).join(', ')})`),
);
console.log(
  `bench process event-loop delay (the probe's own waits): p99 ${(benchLoop.percentile(99) / 1e6).toFixed(1)} ms, ` +
    `max ${(benchLoop.max / 1e6).toFixed(1)} ms`,
);
console.log(
  `native-memory governor: ${metric('sodai_memory_collections_total')} full collections, ` +
    `${(metric('sodai_memory_collection_pause_seconds_total') * 1000).toFixed(0)} ms of pauses in all`,
);
console.log(`RSS (MB) over time: ${rss.map((r) => `${r.atS}s ${r.mb.toFixed(0)}`).join(', ')}`);
console.log(
  `JS heap used / committed (of which new space) / external / DuckDB (MB): ${heap.map((h) => `${h.atS}s ${h.usedMb.toFixed(0)}/${h.committedMb.toFixed(0)} (${h.newSpaceMb.toFixed(0)})/${h.externalMb.toFixed(0)}/${h.duckDbMb.toFixed(0)}`).join(', ')}`,
);
if (mappingsAtMinute1) {
  const growth = [...mappingsAtEnd]
    .map(([name, mb]) => ({ name, mb, grew: mb - (mappingsAtMinute1!.get(name) ?? 0) }))
    .sort((a, b) => Math.abs(b.grew) - Math.abs(a.grew))
    .slice(0, 6);
  console.log(
    `resident memory by mapping, change from minute 1 to the end (MB): ${growth.map((g) => `${g.name} ${g.grew >= 0 ? '+' : ''}${g.grew.toFixed(1)} (now ${g.mb.toFixed(0)})`).join(', ')}`,
  );
}
const minute1 = rss.find((r) => r.atS >= 60) ?? rss[0]!;
const last = rss.at(-1)!;
console.log(
  `RSS growth from ${minute1.atS} s to ${last.atS} s: ${(((last.mb - minute1.mb) / minute1.mb) * 100).toFixed(1)} % (target < 10 %)`,
);
// One sample swings ±15 MB with the collector's saw-tooth; the means of the three samples around
// minute 1 and of the last three tell a trend from a swing.
const meanOf = (xs: readonly { mb: number }[]) => xs.reduce((a, r) => a + r.mb, 0) / xs.length;
const aroundMinute1 = meanOf(rss.filter((r) => r.atS >= 50 && r.atS <= 70));
const atEnd = meanOf(rss.slice(-4, -1));
console.log(
  `RSS growth, mean of the samples at 50–70 s (${aroundMinute1.toFixed(0)} MB) to the mean of the last three (${atEnd.toFixed(0)} MB): ${(((atEnd - aroundMinute1) / aroundMinute1) * 100).toFixed(1)} %`,
);

// The same weekly run without load, on the copy made before the soak (a SOAK_ONLY soak made none).
console.log(`weekly run during the soak: ${weekly.runId} ${weekly.state}`);
let same = true;
if (WEEKLY) {
  await run(process.execPath, [BIN, 'run', 'weekly', '--retrain', 'never'], {
    env: cleanEnv(configFile(reference)),
    maxBuffer: 1 << 26,
  });
  const exports = (d: string) => {
    const files = readdirSync(path.join(d, 'exports')).filter((f) => f.endsWith('.csv'));
    if (files.length === 0) throw new Error(`no export in ${d}`);
    return files
      .sort()
      .map((f) => `${f}\n${readFileSync(path.join(d, 'exports', f), 'utf8')}`)
      .join('\n');
  };
  same = exports(dir) === exports(reference);
  console.log(`export under load identical to the export without load: ${same ? 'yes' : 'NO'}`);
}
rmSync(root, { recursive: true, force: true });
if (errors > 0 || !same || (WEEKLY && weekly.state !== 'success')) process.exitCode = 1;
