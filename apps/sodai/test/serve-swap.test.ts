import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// Against a real listening server: promote another version while clients hammer it. No request may
// fail, and answers must move from the old version to the new one (never back).

let fx: ServeFixture;
let app: FastifyInstance;
let base: string;
let pairs: { customer_id: number; product_id: number }[];

beforeAll(async () => {
  fx = await serveFixture();
  // The pipeline promotes through the registry; the server notices by polling the alias.
  app = await quietServer(fx, { options: { pollIntervalMs: 50, rateLimit: false } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  pairs = (
    await queryRows(
      fx.store.connection,
      'SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p FROM prediction_dataset ORDER BY ALL LIMIT 200',
    )
  ).map((r) => ({ customer_id: Number(r.c), product_id: Number(r.p) }));
});

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

interface Client {
  ok: number;
  failed: string[];
  versions: number[];
}

/** Resolves when `count` answers from `version` have come back, across all clients. */
class AnswerWatch {
  readonly #counts = new Map<number, number>();
  readonly #waiting: { version: number; count: number; resolve: () => void }[] = [];
  seen(version: number): void {
    const n = (this.#counts.get(version) ?? 0) + 1;
    this.#counts.set(version, n);
    for (const w of this.#waiting.filter((x) => x.version === version && n >= x.count)) w.resolve();
  }
  answers(version: number, count: number): Promise<void> {
    if ((this.#counts.get(version) ?? 0) >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push({ version, count, resolve }));
  }
}

async function client(id: number, until: () => boolean, watch?: AnswerWatch): Promise<Client> {
  const out: Client = { ok: 0, failed: [], versions: [] };
  for (let i = id; !until(); i += 7) {
    const pair = pairs[i % pairs.length]!;
    const recommend = i % 3 === 0;
    try {
      const res = await fetch(`${base}/${recommend ? 'recommend' : 'predict'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(recommend ? { customer_id: pair.customer_id } : pair),
      });
      const body = (await res.json()) as { model_version?: number };
      if (res.status !== 200) out.failed.push(`${res.status} ${JSON.stringify(body)}`);
      else {
        out.ok++;
        out.versions.push(body.model_version!);
        watch?.seen(body.model_version!);
      }
    } catch (error) {
      out.failed.push(String(error));
    }
  }
  return out;
}

describe('hot swap under load', () => {
  it('promoting v2 while 16 clients send requests: zero failures, answers switch to v2', async () => {
    const [v1, v2] = fx.versions;
    const first = app.serving.holder.current()!;
    expect(first.version).toBe(v1);
    let stop = false;
    const watch = new AnswerWatch();
    const clients = Array.from({ length: 16 }, (_, id) => client(id, () => stop, watch));
    // Swap once the clients are answered by v1, stop once they have been answered by v2 for a while.
    await watch.answers(v1!, 50);
    await fx.tracking.registry.setAlias(MODEL_NAME, CHAMPION, v2, {
      actor: 'test',
      reason: 'swap under load',
    });
    await watch.answers(v2!, 100);
    stop = true;
    const results = await Promise.all(clients);

    const failed = results.flatMap((r) => r.failed);
    expect(failed).toEqual([]);
    const all = results.flatMap((r) => r.versions);
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContain(v1);
    expect(all).toContain(v2);
    // Each client sends one request at a time: once it saw v2 it must never see v1 again.
    for (const r of results) {
      const firstV2 = r.versions.indexOf(v2);
      if (firstV2 >= 0) expect(r.versions.slice(firstV2).every((v) => v === v2)).toBe(true);
    }
    // The old snapshot's native memory was freed once no request held it.
    expect(first.disposed).toBe(true);
    const ready = await (await fetch(`${base}/ready`)).json();
    expect(ready).toMatchObject({ ready: true, model_version: v2 });
  });

  it('a snapshot held by a request survives the swap and is freed at release', async () => {
    const held = app.serving.holder.current()!.acquire();
    await app.serving.reload();
    expect(app.serving.holder.current()).not.toBe(held);
    expect(held.disposed).toBe(false);
    // Still usable by the request that holds it.
    expect(held.predict(pairs[0]!.customer_id, pairs[0]!.product_id, 'es').model_version).toBe(held.version);
    held.release();
    expect(held.disposed).toBe(true);
  });
});
