// `npm run bench:health-under-bulk`: the worst /health latency while 8 clients at once send bulk
// /predict requests of 1,000 pairs that are not candidates (each scored on the spot), over real
// HTTP on 127.0.0.1. The server runs in a child process so the clients' own work (parsing the
// answers) does not count against it; it also reports its event-loop delay. Target (issue 18):
// /health never waits more than 50 ms. `--warm` first sends one untimed burst of the same bulk requests:
// it tells the steady state from a server's first burst after a start (code compiled on the way).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const CLIENTS = 8;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PAIRS = 1000;

interface Ready {
  readonly address: string;
  readonly pairs: { customer_id: number; product_id: number }[];
}

async function serve(): Promise<void> {
  const { buildServer } = await import('../src/serve/build-server.ts');
  const { queryRows } = await import('../src/store/duckdb.ts');
  const { buildServedStore } = await import('../test/served-store.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'sodai-bench-bulk-'));
  // A budget no bench client exhausts: this measures the event loop, not the limiter.
  const fixture = await buildServedStore(dir, {
    server: { bulkScoring: { capacity: 1e9, refillPerSecond: 1e9 } },
  });
  const app = await buildServer({
    config: fixture.config,
    store: fixture.store,
    tracking: fixture.tracking,
    options: { pollIntervalMs: 0, predictionLog: false, rateLimit: false, defaultMetrics: false },
  });
  await app.serving.initialLoad;
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const rows = await queryRows(
    fixture.store.connection,
    `SELECT c.customer_id::DOUBLE AS c, p.product_id::DOUBLE AS p FROM customers c CROSS JOIN products p
     ANTI JOIN prediction_dataset d ON d.customer_id = c.customer_id AND d.product_id = p.product_id
     ORDER BY hash(c.customer_id, p.product_id) LIMIT ${PAIRS}`,
  );
  const loop = monitorEventLoopDelay({ resolution: 5 });
  process.on('message', async (message) => {
    if (message === 'start') loop.enable();
    if (message === 'stop') {
      loop.disable();
      process.send!({ loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6 });
      await app.close();
      await fixture.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send!({
    address,
    pairs: rows.map((r) => ({ customer_id: Number(r.c), product_id: Number(r.p) })),
  } satisfies Ready);
}

async function probeHealth(address: string, ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const t = performance.now();
    await (await fetch(`${address}/health`)).arrayBuffer();
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
  return latencies;
}

async function drive(): Promise<void> {
  const child = fork(import.meta.filename, [], {
    env: { ...process.env, BENCH_ROLE: 'server' },
    execArgv: process.execArgv,
  });
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
  const { address, pairs } = (await next()) as Ready;
  const body = JSON.stringify({ pairs });
  console.log(`bulk body: ${pairs.length} non-candidate pairs, ${(body.length / 1024).toFixed(1)} KB`);
  // The client's first fetch sets up its connection pool and compiles its own code (~300 ms once):
  // that is not the server's latency.
  await probeHealth(address, 200);
  // The same probe with no load first: on a shared machine the baseline is not 0.
  const idle = await probeHealth(address, 3000);
  const postBulk = async () => {
    const res = await fetch(`${address}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return { ok: res.status === 200, text: await res.text() };
  };
  if (process.argv.includes('--warm')) await Promise.all(Array.from({ length: CLIENTS }, postBulk));
  child.send('start');

  let running = true;
  const health: number[] = [];
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      const res = await fetch(`${address}/health`);
      await res.arrayBuffer();
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const bulk: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const { ok, text } = await postBulk();
        if (!ok || !text.includes('"predictions"')) errors++;
        bulk.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  running = false;
  await probe;
  child.send('stop');
  const loop = (await next()) as { loopMaxMs: number; loopP99Ms: number };

  const pct = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  console.log(
    `bulk /predict: ${bulk.length} requests (${CLIENTS} clients × ${ROUNDS}), ${errors} errors, ` +
      `${((bulk.length * pairs.length) / elapsed).toFixed(0)} pairs/s, p50 ${pct(bulk, 0.5).toFixed(0)} ms, ` +
      `max ${Math.max(...bulk).toFixed(0)} ms`,
  );
  console.log(
    `/health during the load: ${health.length} probes, p50 ${pct(health, 0.5).toFixed(1)} ms, ` +
      `p99 ${pct(health, 0.99).toFixed(1)} ms, worst ${Math.max(...health).toFixed(1)} ms (target ≤ 50 ms)`,
  );
  console.log(
    `/health idle (before the load): ${idle.length} probes, p99 ${pct(idle, 0.99).toFixed(1)} ms, ` +
      `worst ${Math.max(...idle).toFixed(1)} ms`,
  );
  console.log(
    `server event-loop delay: p99 ${loop.loopP99Ms.toFixed(1)} ms, max ${loop.loopMaxMs.toFixed(1)} ms`,
  );
}

await (process.env.BENCH_ROLE === 'server' ? serve() : drive());
