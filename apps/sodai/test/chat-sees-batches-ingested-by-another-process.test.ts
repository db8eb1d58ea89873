import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { chatDay } from './chat-server.ts';
import { commitRepeatedWeek } from './helpers.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// The server's views of the store moved only when a model loaded. A week the data team ingested with
// the CLI while the server ran stayed out of the chat until the next model: "last week" was the week
// before, and "no data after …" named a day that was no longer the last one.
let fx: ServeFixture;
let app: FastifyInstance;
let lastDay: string;

const ask = async (message: string) => {
  const res = await app.inject({ method: 'POST', url: '/chat', payload: { message, lang: 'en' } });
  expect(res.statusCode).toBe(200);
  return res.json<{ answer: string }>().answer;
};

beforeAll(async () => {
  fx = await serveFixture();
  app = await quietServer(fx);
  const [row] = await queryRows(
    fx.store.connection,
    'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
  );
  lastDay = String(row!.d);
});

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('the chat and batches another process ingests', () => {
  it('counts a week committed by another process as last week, without a new model', async () => {
    const before = await ask('How many customers bought last week?');
    expect(before).toContain(chatDay(lastDay, 'en'));

    // Another process (the CLI) commits the week after: the same customers buying again 7 days later.
    const cli = await RawStore.openDir(fx.dir);
    let newLastDay: string;
    try {
      newLastDay = await commitRepeatedWeek(cli);
    } finally {
      await cli.close();
    }
    const [served] = await queryRows(
      fx.store.connection,
      'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
    );
    expect(String(served!.d)).toBe(lastDay); // the server's views have not moved by themselves

    const after = await ask('How many customers bought last week?');
    expect(after).toContain(chatDay(newLastDay, 'en'));
    expect(after).not.toContain(chatDay(lastDay, 'en'));
  });
});
