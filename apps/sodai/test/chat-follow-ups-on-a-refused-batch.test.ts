import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { queryRows, sqlString } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { tempDir } from './helpers.ts';

// After the chat explained why a batch was refused, "what should I do about it?", "which rows?"
// and "¿cómo lo arreglo?" were not understood (and "¿y qué hago?" was spelled "ago"). A short
// follow-up on a refusal now stays on it: what to do opens with the columns to add (named from the
// refusal in the ingestion log), which rows says none was kept since the file was refused whole,
// which file or why gives the refusal again. A new question after it keeps its own answer.
const server = useChatServer();
const dir = tempDir('chat-refusal-follow-up-');

let refusedId = '';
/** The columns the ingestion log says the refused file lacks. */
let missing: string[] = [];

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
  const landed = await ingestFile(store, good, { table: 'transactions', asOf: '2099-01-01' });
  expect(landed.outcome).toBe('ingested');
  const bad = path.join(dir, 'week-broken.csv');
  writeFileSync(bad, 'customer_id,product_id,items\n1,2,3\n');
  const refused = await ingestFile(store, bad, { table: 'transactions' });
  expect(refused.outcome).toBe('rejected');
  refusedId = refused.batchId;
  const record = (await store.ingestions(10)).find((b) => b.batchId === refusedId)!;
  missing = [...(record.message ?? '').matchAll(/missing column "([^"]+)"/g)].map((m) => m[1]!);
  expect(missing.length).toBeGreaterThan(0);
});

interface BatchData {
  readonly batch_id?: string;
  readonly outcome?: string;
  readonly focus?: string;
}

let sessions = 0;
/** Asks `first`, then `next` in the same conversation; the second reply. */
async function afterRefusal(next: string, first = 'why was the batch refused?') {
  const session = `refusal-follow-up-${++sessions}`;
  const opening = await server().inSession(first, session);
  expect((opening.data as BatchData).batch_id).toBe(refusedId);
  return server().inSession(next, session);
}

describe('a follow-up on the refused batch stays on it', () => {
  it.each([
    ['¿y qué hago?', 'es', 'remedy'],
    ['what should I do about it?', 'en', 'remedy'],
    ['which rows?', 'en', 'rows'],
    // Not tuned on.
    ['como lo arreglo', 'es', 'remedy'],
    ['y ahora q hago', 'es', 'remedy'],
    ['how do we fix it', 'en', 'remedy'],
    ['what needs to be changed?', 'en', 'remedy'],
    ['cuales filas', 'es', 'rows'],
    ['que columnas?', 'es', 'rows'],
    ['which file was it?', 'en', 'refusal'],
    ['y por que', 'es', 'refusal'],
  ] as const)('"%s"', async (q, lang, focus) => {
    const r = await afterRefusal(q);
    const d = r.data as BatchData;
    expect({
      q,
      intent: r.intent,
      lang: r.lang,
      batch: d.batch_id,
      outcome: d.outcome,
      focus: d.focus,
    }).toEqual({
      q,
      intent: 'last_batch',
      lang,
      batch: refusedId,
      outcome: 'rejected',
      focus,
    });
    for (const column of missing) expect(r.answer).toContain(column);
    if (focus === 'remedy')
      expect(r.answer).toMatch(lang === 'es' ? /^Agregue al archivo la/ : /^Add columns? /);
    if (focus === 'rows')
      expect(r.answer).toMatch(lang === 'es' ? /^Ninguna fila en particular/ : /^No rows in particular/);
  });

  it('a second follow-up still does', async () => {
    const session = 'refusal-follow-up-twice';
    await server().inSession('¿por qué se rechazó el lote?', session);
    await server().inSession('cuales filas', session);
    const r = await server().inSession('¿y qué hago?', session);
    expect({ batch: (r.data as BatchData).batch_id, focus: (r.data as BatchData).focus }).toEqual({
      batch: refusedId,
      focus: 'remedy',
    });
  });
});

describe('guards: new questions after a refusal, and the same words with no refusal before', () => {
  it.each([
    ['top 5 productos', 'top_products'],
    ['how many customers are there?', 'count_customers'],
  ] as const)('"%s" after the refusal is its own question', async (q, intent) => {
    expect((await afterRefusal(q)).intent).toBe(intent);
  });

  it('the batch that landed, asked after the refusal, is that batch', async () => {
    const r = await afterRefusal('cuando llego el ultimo lote que se cargo');
    expect((r.data as BatchData).outcome).toBe('ingested');
  });

  it('"which rows?" after the batch that landed is no refusal', async () => {
    const session = 'landed-then-rows';
    await server().inSession('cuando llego el ultimo lote', session);
    const r = await server().inSession('which rows?', session);
    expect((r.data as BatchData).focus).toBeUndefined();
  });

  it('"¿y qué hago?" with nothing before is not the refusal', async () => {
    const r = await server().ask('¿y qué hago?');
    expect((r.data as BatchData).batch_id).toBeUndefined();
  });
});
