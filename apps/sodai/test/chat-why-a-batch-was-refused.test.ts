import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { queryRows, sqlString } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { tempDir } from './helpers.ts';

// "¿Por qué se rechazó el lote?" named the refused file with "0 rows read, 0 accepted, 0
// quarantined" and no reason, and "why was the batch refused?" got the last batch that landed
// ("refused" was not a rejection word, though the ingest and its alert say it). Both now give the
// last refused file, why validation refused it (the missing columns, in the question's language)
// and what to do; questions about the batch that landed keep getting it.
const server = useChatServer();
const dir = tempDir('chat-refused-batch-');

let landedId: string;
let refusedId: string;

beforeAll(async () => {
  const { store } = server().fx;
  const good = path.join(dir, 'next-week.parquet');
  await queryRows(
    store.connection,
    `COPY (SELECT customer_id, product_id, order_id + 20000000 AS order_id,
                  (purchase_date + INTERVAL 7 DAY)::DATE AS purchase_date, items
           FROM transactions WHERE purchase_date > DATE '${server().lastDay}' - INTERVAL 7 DAY)
     TO ${sqlString(good)} (FORMAT parquet)`,
  );
  const landed = await ingestFile(store, good, {
    table: 'transactions',
    asOf: '2099-01-01',
    now: () => new Date('2099-01-05T10:00:00Z'),
  });
  expect(landed.outcome).toBe('ingested');
  landedId = landed.batchId;
  // A file with two of the five columns, as a broken export sends it.
  const bad = path.join(dir, 'week-2099-01-12.csv');
  writeFileSync(bad, 'customer_id,product_id\n1,2\n3,4\n');
  const refused = await ingestFile(store, bad, {
    table: 'transactions',
    now: () => new Date('2099-01-05T10:07:00Z'),
  });
  expect(refused.outcome).toBe('rejected');
  refusedId = refused.batchId;
});

interface BatchData {
  readonly batch_id?: string;
  readonly outcome?: string;
  readonly reasons?: readonly string[];
}

describe('why the last batch was refused', () => {
  it.each([
    ['¿por qué se rechazó el lote?', 'es'],
    ['why was the batch refused?', 'en'],
    // Not tuned on.
    ['porq rechazaron el archivo', 'es'],
    ['why did the upload get refused', 'en'],
    ['que archivo reboto y por que', 'es'],
    ['which file got refused and why', 'en'],
    ['el lote rechazado q tenia mal', 'es'],
    ['refused batch reason', 'en'],
  ] as const)('"%s" gives the refused file, its reasons and what to do', async (q, lang) => {
    const r = await server().ask(q);
    const d = r.data as BatchData;
    expect({ q, intent: r.intent, lang: r.lang, batch: d.batch_id, outcome: d.outcome }).toEqual({
      q,
      intent: 'last_batch',
      lang,
      batch: refusedId,
      outcome: 'rejected',
    });
    expect(r.answer).toContain('week-2099-01-12.csv');
    expect(r.answer).toMatch(
      lang === 'es'
        ? /faltan las columnas order_id, purchase_date e items.*Suba el archivo corregido/s
        : /columns order_id, purchase_date and items are missing.*Upload the corrected file/s,
    );
    // Where both ways out are, now that the web UI can remove a file from the landing.
    expect(r.answer).toContain(lang === 'es' ? 'en la página Subir lote' : 'on the Upload batch page');
    // Nothing of a refused file is stored: its zero rows are not said as if they meant something.
    expect(r.answer).not.toMatch(/0 (?:filas|rows)/);
    expect(r.answer).not.toContain(dir);
  });
});

describe('guards: the batch that landed stays the answer to questions about it', () => {
  it.each([
    ['¿cuándo llegó el último lote?', 'es'],
    ['how many rows got quarantined last batch', 'en'],
    ['cuantas filas se rechazaron en el ultimo lote', 'es'],
    ['did this weeks batch land', 'en'],
  ] as const)('"%s" names the batch that landed', async (q, lang) => {
    const r = await server().ask(q);
    const d = r.data as BatchData;
    expect({ q, intent: r.intent, lang: r.lang, batch: d.batch_id, outcome: d.outcome }).toEqual({
      q,
      intent: 'last_batch',
      lang,
      batch: landedId,
      outcome: 'ingested',
    });
  });
});
