import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { queryRows, sqlString } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { tempDir } from './helpers.ts';

// "¿Cuándo llegó el último lote?" answered with the latest ingestion attempt, a rejected file,
// and said the last batch was rejected although data had landed minutes before. The answer is the
// last batch that landed (its days, rows, when), with the later rejected file said after it; a
// question about a rejected batch still gets the rejection.
const server = useChatServer();
const dir = tempDir('chat-last-batch-');

interface Landed {
  readonly batchId: string;
  readonly rows: number;
  readonly lastDay: string;
}
let landed: Landed;
let rejected: { readonly batchId: string; readonly file: string };

beforeAll(async () => {
  const { store } = server().fx;
  // A week after the data's last one lands first…
  const good = path.join(dir, 'next-week.parquet');
  await queryRows(
    store.connection,
    `COPY (SELECT customer_id, product_id, order_id + 10000000 AS order_id,
                  (purchase_date + INTERVAL 7 DAY)::DATE AS purchase_date, items
           FROM transactions WHERE purchase_date > DATE '${server().lastDay}' - INTERVAL 7 DAY)
     TO ${sqlString(good)} (FORMAT parquet)`,
  );
  const report = await ingestFile(store, good, {
    table: 'transactions',
    asOf: '2099-01-01',
    now: () => new Date('2099-01-05T10:00:00Z'),
  });
  expect(report.outcome).toBe('ingested');
  const [span] = await queryRows(
    store.connection,
    `SELECT count(*)::DOUBLE AS n, max(purchase_date)::DATE::VARCHAR AS last FROM read_parquet(${sqlString(good)})`,
  );
  landed = { batchId: report.batchId, rows: Number(span!.n), lastDay: String(span!.last) };
  // … then a file with no rows is rejected minutes later.
  const bad = path.join(dir, 'empty-upload.csv');
  writeFileSync(bad, 'customer_id,product_id,order_id,purchase_date,items\n');
  const refused = await ingestFile(store, bad, {
    table: 'transactions',
    now: () => new Date('2099-01-05T10:07:00Z'),
  });
  expect(refused.outcome).toBe('rejected');
  rejected = { batchId: refused.batchId, file: 'empty-upload.csv' };
});

interface BatchData {
  readonly batch_id?: string;
  readonly rows_read?: number;
  readonly rows_accepted?: number;
  readonly outcome?: string;
  readonly later?: { readonly batch_id: string; readonly outcome: string };
}

describe('the last batch is the last one that landed', () => {
  it.each([
    ['¿cuándo llegó el último lote?', 'es'],
    ['when did the last batch arrive?', 'en'],
    ['¿cuál fue el último archivo cargado?', 'es'],
    ['what was the last batch loaded?', 'en'],
    ['último lote', 'es'],
    ['show me the latest batch', 'en'],
  ] as const)('"%s" names the batch that landed and the rejection after it', async (q, lang) => {
    const r = await server().ask(q);
    const d = r.data as BatchData;
    expect({ q, intent: r.intent, lang: r.lang, batch: d.batch_id, outcome: d.outcome }).toEqual({
      q,
      intent: 'last_batch',
      lang,
      batch: landed.batchId,
      outcome: 'ingested',
    });
    expect({ read: d.rows_read, accepted: d.rows_accepted }).toEqual({
      read: landed.rows,
      accepted: landed.rows,
    });
    expect(d.later).toMatchObject({ batch_id: rejected.batchId, outcome: 'rejected' });
    expect(r.answer).toContain(landed.lastDay);
    expect(r.answer).toContain(rejected.file);
    expect(r.answer).toMatch(lang === 'es' ? /se cargó.*rechazado/s : /was loaded.*rejected/s);
  });

  it.each([
    ['¿por qué se rechazó el último lote?', 'es'],
    ['which batch was rejected?', 'en'],
    ['¿hubo algún lote rechazado?', 'es'],
    ['show me the last failed ingestion', 'en'],
  ] as const)('"%s" still answers about the rejected file', async (q, lang) => {
    const r = await server().ask(q);
    const d = r.data as BatchData;
    expect({ q, intent: r.intent, lang: r.lang, batch: d.batch_id, outcome: d.outcome }).toEqual({
      q,
      intent: 'last_batch',
      lang,
      batch: rejected.batchId,
      outcome: 'rejected',
    });
    expect(r.answer).toContain(rejected.file);
  });

  it.each([
    ['what data do we have?', 'en'],
    ['¿qué datos tenemos?', 'es'],
  ] as const)('"%s" names the batch that landed, and the rejection after it', async (q, lang) => {
    const r = await server().ask(q);
    const d = r.data as { last_batch?: { batch_id: string }; later_batch?: { batch_id: string } };
    expect({ q, lang: r.lang, last: d.last_batch?.batch_id, later: d.later_batch?.batch_id }).toEqual({
      q,
      lang,
      last: landed.batchId,
      later: rejected.batchId,
    });
    expect(r.answer).toContain(rejected.file);
  });

  it.each([
    ['¿cuántas filas se pusieron en cuarentena?', 'last_batch', false],
    ['what data do we have?', 'last_batch', true],
    ['¿por qué le recomiendas el 20036 al 100026?', 'explain_recommendation', false],
  ] as const)('"%s" keeps its own answer', async (q, intent, coverage) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, coverage: 'first_day' in r.data }).toEqual({ q, intent, coverage });
  });
});
