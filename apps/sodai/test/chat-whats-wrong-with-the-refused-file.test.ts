import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { useChatServer } from './chat-server.ts';
import { tempDir } from './helpers.ts';

// "What's wrong with the refused file?" got the open alerts ("what's wrong" is an alert question):
// the file it names was left for the alerts to mention. It now gets the refused file and why
// validation refused it, as "why was the batch refused?" does; "what's wrong?" alone, and a question
// that names the alerts, still get the alerts.
const server = useChatServer();
const dir = tempDir('chat-whats-wrong-refused-');

let refusedId: string;

beforeAll(async () => {
  // A file with two of the five columns, as a broken export sends it.
  const bad = path.join(dir, 'week-2099-02-02.csv');
  writeFileSync(bad, 'customer_id,product_id\n1,2\n3,4\n');
  const refused = await ingestFile(server().fx.store, bad, {
    table: 'transactions',
    now: () => new Date('2099-01-29T10:07:00Z'),
  });
  expect(refused.outcome).toBe('rejected');
  refusedId = refused.batchId;
});

interface BatchData {
  readonly batch_id?: string;
  readonly outcome?: string;
}

describe("what's wrong with the refused file", () => {
  it.each([
    ['whats wrong with the refused file', 'en'],
    ['que anda mal con el archivo rechazado', 'es'],
    // Not tuned on.
    ["what's wrong with the rejected batch?", 'en'],
    ['something wrong with the upload that bounced?', 'en'],
    ['que tiene de malo el lote que reboto', 'es'],
    ['algo salio mal con la carga rechazada?', 'es'],
  ] as const)('"%s" gives the refused file and why it was refused', async (q, lang) => {
    const r = await server().ask(q);
    const d = r.data as BatchData;
    expect({ q, intent: r.intent, lang: r.lang, batch: d.batch_id, outcome: d.outcome }).toEqual({
      q,
      intent: 'last_batch',
      lang,
      batch: refusedId,
      outcome: 'rejected',
    });
    expect(r.answer).toContain('week-2099-02-02.csv');
    expect(r.answer).toMatch(
      lang === 'es'
        ? /faltan las columnas order_id, purchase_date e items/
        : /columns order_id, purchase_date and items are missing/,
    );
  });
});

describe('guards: the alerts stay the answer when nothing else is named, or when they are', () => {
  it.each([
    ["what's wrong?", 'en'],
    ['algo anda mal?', 'es'],
    ['any alerts about the refused file?', 'en'],
    ['hay alertas de lotes rechazados?', 'es'],
  ] as const)('"%s" gives the open alerts', async (q, lang) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, lang: r.lang, batch: (r.data as BatchData).batch_id }).toEqual({
      q,
      intent: 'drift_status',
      lang,
      batch: undefined,
    });
  });
});
