import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import type { IngestionRecord } from '../src/store/raw-store.ts';
import { queryRows, sqlString } from '../src/store/duckdb.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { tempDir } from './helpers.ts';

// "¿Cuántos lotes se cargaron este mes?", "batches loaded last month" and "lotes cargados desde el
// 1 de noviembre" all got the last batch alone. They now count the weekly files of transactions
// that arrived in that time, by when they were loaded (today's calendar: files are loaded now,
// whatever days their rows are of), landed and refused, with each file in the table. Checked
// against the store's ingestion log.
const TODAY = new Date('2099-03-15T12:00:00Z');
const dir = tempDir('chat-batches-loaded-');
let fx: ServeFixture;
let app: FastifyInstance;
/** The data's last day before any file is added. */
let lastDay = '';

/** Loads one more week of the data, shifted `weeks` weeks past it, as if it arrived at `at`. */
async function loadWeekAfter(weeks: number, at: string): Promise<void> {
  const file = path.join(dir, `week-plus-${weeks}.parquet`);
  await queryRows(
    fx.store.connection,
    `COPY (SELECT customer_id, product_id, order_id + ${weeks * 10_000_000} AS order_id,
                  (purchase_date + INTERVAL ${7 * weeks} DAY)::DATE AS purchase_date, items
           FROM transactions
           WHERE purchase_date > DATE '${lastDay}' - INTERVAL 7 DAY AND purchase_date <= DATE '${lastDay}')
     TO ${sqlString(file)} (FORMAT parquet)`,
  );
  const r = await ingestFile(fx.store, file, {
    table: 'transactions',
    asOf: '2100-01-01',
    now: () => new Date(at),
  });
  expect(r.outcome).toBe('ingested');
}

beforeAll(async () => {
  fx = await serveFixture();
  const [last] = await queryRows(
    fx.store.connection,
    'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
  );
  lastDay = String(last!.d);
  // Last month: one file; this month: two that landed and one refused.
  await loadWeekAfter(1, '2099-02-10T09:00:00Z');
  await loadWeekAfter(2, '2099-03-02T09:00:00Z');
  await loadWeekAfter(3, '2099-03-09T09:00:00Z');
  const bad = path.join(dir, 'week-broken.csv');
  writeFileSync(bad, 'customer_id,product_id\n1,2\n');
  const refused = await ingestFile(fx.store, bad, {
    table: 'transactions',
    now: () => new Date('2099-03-10T09:00:00Z'),
  });
  expect(refused.outcome).toBe('rejected');
  app = await quietServer(fx, { clock: () => TODAY });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

const ask = async (message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

/** The transactions batches of the log loaded from `from` to `to` (days, UTC). */
async function loadedBetween(from: string, to: string): Promise<{ loaded: number; refused: number }> {
  const log: readonly IngestionRecord[] = await fx.store.ingestions(300);
  const within = log.filter(
    (b) => b.table === 'transactions' && b.finishedAt.slice(0, 10) >= from && b.finishedAt.slice(0, 10) <= to,
  );
  return {
    loaded: within.filter((b) => b.outcome === 'ingested').length,
    refused: within.filter((b) => b.outcome === 'rejected').length,
  };
}

interface BatchesData {
  readonly from?: string;
  readonly to?: string;
  readonly loaded?: number;
  readonly refused?: number;
}

describe('the batches loaded in a time, counted from today', () => {
  it.each([
    ['¿cuántos lotes se cargaron este mes?', 'es', '2099-03-01', '2099-03-15'],
    ['how many batches were loaded last month', 'en', '2099-02-01', '2099-02-28'],
    ['lotes cargados desde el 1 de febrero', 'es', '2099-02-01', '2099-03-15'],
    // Not tuned on.
    ['q archivos llegaron este mes', 'es', '2099-03-01', '2099-03-15'],
    ['cuantas cargas hubo el mes pasado', 'es', '2099-02-01', '2099-02-28'],
    ['which files came in since March 5', 'en', '2099-03-05', '2099-03-15'],
    ['list the batches uploaded this month', 'en', '2099-03-01', '2099-03-15'],
    ['cuantos lotes entraron la semana pasada', 'es', '2099-03-02', '2099-03-08'],
  ] as const)('"%s"', async (q, lang, from, to) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'last_batch', lang);
    const expected = await loadedBetween(from, to);
    const d = r.data as BatchesData;
    expect({ q, from: d.from, to: d.to, loaded: d.loaded, refused: d.refused }).toEqual({
      q,
      from,
      to,
      ...expected,
    });
    expect(r.table?.rows.length).toBe(expected.loaded + expected.refused);
  });

  it('this month’s answer names both counts in words', async () => {
    const { loaded, refused } = await loadedBetween('2099-03-01', '2099-03-15');
    expect((await ask('¿cuántos lotes se cargaron este mes?')).answer).toContain(
      `se cargaron ${loaded} lotes de transacciones`,
    );
    expect((await ask('how many batches were refused this month?')).answer).toMatch(
      new RegExp(`^This month .*, ${refused} batch of transactions was refused and ${loaded} were loaded\\.`),
    );
  });

  it('a follow-up names another time: "¿y el mes pasado?"', async () => {
    const session = 'batches-follow-up-1';
    const first = await app.inject({
      method: 'POST',
      url: '/chat',
      payload: { message: 'cuantos lotes se cargaron este mes', session_id: session },
    });
    expect(first.json<ChatResponse>().intent).toBe('last_batch');
    const next = (
      await app.inject({
        method: 'POST',
        url: '/chat',
        payload: { message: '¿y el mes pasado?', session_id: session },
      })
    ).json<ChatResponse>();
    expect({ intent: next.intent, from: (next.data as BatchesData).from }).toEqual({
      intent: 'last_batch',
      from: '2099-02-01',
    });
    expect((next.data as BatchesData).loaded).toBe((await loadedBetween('2099-02-01', '2099-02-28')).loaded);
  });
});

describe('guards: the last batch, its rows, the data’s span and the refused file keep their answers', () => {
  it.each([
    ['cuando llego el ultimo lote', 'ingested'],
    ['cuantas filas tenia el ultimo lote', 'ingested'],
    ['why was the batch refused?', 'rejected'],
  ] as const)('"%s"', async (q, outcome) => {
    const r = await ask(q);
    const d = r.data as BatchesData & { outcome?: string };
    expect({ q, intent: r.intent, outcome: d.outcome, loaded: d.loaded }).toEqual({
      q,
      intent: 'last_batch',
      outcome,
      loaded: undefined,
    });
  });

  it('"hasta que fecha hay datos" is the data’s span', async () => {
    const r = await ask('hasta que fecha hay datos');
    expect({ intent: r.intent, loaded: (r.data as BatchesData).loaded }).toEqual({
      intent: 'last_batch',
      loaded: undefined,
    });
  });
});
