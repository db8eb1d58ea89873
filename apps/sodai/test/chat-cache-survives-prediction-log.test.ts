import { DuckDBConnection } from '@duckdb/node-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { commitRows } from './helpers.ts';

// Under load the prediction log commits a new snapshot of `prediction_log` every second. The chat's
// cache was keyed by every view's snapshot, so each commit emptied it: every question ran its
// DuckDB queries again, and each left hash-table block handles DuckDB keeps for minutes (the soak's
// main-heap growth, issue 18).
let fx: ServeFixture;
let app: FastifyInstance;
let pair: { customer_id: number; product_id: number };

const ask = async (message: string) => {
  const res = await app.inject({ method: 'POST', url: '/chat', payload: { message, lang: 'en' } });
  expect(res.statusCode).toBe(200);
  return res.json<{ answer: string }>().answer;
};

/** The statements DuckDB ran while `work` ran. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(DuckDBConnection.prototype, 'runAndReadAll');
  try {
    await work();
    return spy.mock.calls.map(([sql]) => sql);
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  fx = await serveFixture();
  const [row] = await queryRows(
    fx.store.connection,
    `SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p FROM prediction_dataset ORDER BY ALL LIMIT 1`,
  );
  pair = { customer_id: Number(row!.c), product_id: Number(row!.p) };
  app = await quietServer(fx);
});

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('the chat cache and the prediction log', () => {
  it('answers a repeated question from the cache after the prediction log has committed', async () => {
    const question = `How many transactions did customer ${pair.customer_id} make?`;
    const first = await ask(question);
    const logged = fx.store.snapshotKey(['prediction_log']);
    const predicted = await app.inject({ method: 'POST', url: '/predict', payload: pair });
    expect(predicted.statusCode).toBe(200);
    await app.serving.log!.flush();
    expect(fx.store.snapshotKey(['prediction_log'])).not.toBe(logged);

    let again = '';
    const statements = await statementsDuring(async () => (again = await ask(question)));
    expect(again).toBe(first);
    expect(statements.filter((sql) => /\bFROM\s+transactions\b/i.test(sql))).toEqual([]);
  });

  it('still answers from new data once a table the chat reads moves', async () => {
    const question = 'How many customers are there?';
    const before = await ask(question);
    await commitRows(
      fx.store,
      'customers',
      `SELECT * FROM customers UNION ALL
       SELECT 909090, region_id, zone_id, customer_type, "Y", "X", num_deliver_per_week, num_visit_per_week
       FROM customers LIMIT 1`,
      'replace',
    );
    const after = await ask(question);
    expect(after).not.toBe(before);
  });
});
