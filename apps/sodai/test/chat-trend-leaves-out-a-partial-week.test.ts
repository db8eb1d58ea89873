import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { chatDay, daysAfter } from './chat-server.ts';
import { commitRows } from './helpers.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// When the data end on a Wednesday, the weekly trend counted that week's three days as a whole week:
// it read as the weakest week and pulled the direction down. The partial week is now left out of
// the direction and of the best and weakest week, and said to be partial; checked against SQL.
let fx: ServeFixture;
let app: FastifyInstance;
let monday = '';
let wednesday = '';

beforeAll(async () => {
  fx = await serveFixture();
  app = await quietServer(fx);
  const [row] = await queryRows(
    fx.store.connection,
    'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
  );
  const sunday = String(row!.d);
  monday = daysAfter(sunday, 1);
  wednesday = daysAfter(sunday, 3);
  // Another process commits Monday to Wednesday of the next week: the last week's first three days again.
  const cli = await RawStore.openDir(fx.dir);
  try {
    await commitRows(
      cli,
      'transactions',
      `SELECT * REPLACE (order_id + 10000000 AS order_id, purchase_date + INTERVAL 7 DAY AS purchase_date)
       FROM transactions WHERE purchase_date >= DATE '${sunday}' - INTERVAL 6 DAY
         AND purchase_date < DATE '${sunday}' - INTERVAL 3 DAY`,
    );
  } finally {
    await cli.close();
  }
});

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

const ask = async (message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

/** The last 12 weeks' units by Monday-Sunday week, the partial one last, computed here. */
async function weeks() {
  // The served store's views move only when the server reads; a store of our own sees the new rows.
  const store = await RawStore.openDir(fx.dir);
  const rows = await queryRows(
    store.connection,
    `SELECT date_trunc('week', purchase_date)::DATE::VARCHAR AS week, sum(items)::DOUBLE AS units FROM transactions
     WHERE purchase_date >= DATE '${monday}' - INTERVAL 77 DAY GROUP BY 1 ORDER BY 1`,
  );
  await store.close();
  return rows.map((r) => ({ week: String(r.week), units: Number(r.units) }));
}

describe('a trend whose last week is partial', () => {
  it.each([
    ['tendencia de ventas', 'es'],
    ['how are sales trending?', 'en'],
  ] as const)('"%s" leaves the partial week out of the direction and the weakest week', async (q, lang) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, lang: r.lang }).toEqual({ q, intent: 'sales_trend', lang });
    const all = await weeks();
    expect(all.at(-1)!.week).toBe(monday);
    const whole = all.slice(0, -1).map((w) => w.units);
    const half = Math.floor(whole.length / 2);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const d = r.data as { change: number; partial_week: string };
    expect(d.partial_week).toBe(monday);
    expect(d.change).toBeCloseTo(avg(whole.slice(half)) / avg(whole.slice(0, half)) - 1, 9);
    expect(r.answer).toContain(chatDay(wednesday, lang));
    // The weakest week named is a whole one.
    const weakest = all.slice(0, -1).reduce((a, b) => (b.units < a.units ? b : a));
    expect(r.answer).toContain(chatDay(weakest.week, lang));
  });

  it.each([
    ['which week sold the least?', 'en'],
    ['¿cuál fue la semana más floja?', 'es'],
  ] as const)('"%s" names the weakest whole week, not the partial one', async (q, lang) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, lang: r.lang }).toEqual({ q, intent: 'sales_trend', lang });
    // The last 52 weeks hold all the data of the fixture: every week but the partial one is whole.
    const store = await RawStore.openDir(fx.dir);
    const [weakest] = await queryRows(
      store.connection,
      `SELECT date_trunc('week', purchase_date)::DATE::VARCHAR AS week, sum(items)::DOUBLE AS units
       FROM transactions WHERE purchase_date < DATE '${monday}' GROUP BY 1 ORDER BY units, week LIMIT 1`,
    );
    await store.close();
    const d = r.data as { left_out: string[]; peak: { start: string } };
    expect({ q, left_out: d.left_out, start: d.peak.start }).toEqual({
      q,
      left_out: [monday],
      start: String(weakest!.week),
    });
  });
});
