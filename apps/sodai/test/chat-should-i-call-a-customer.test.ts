import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { daysAfter, useChatServer } from './chat-server.ts';

// "¿Debería llamar al cliente 176403?" and "should I call customer 176403 today?" got the customer's
// whole history. Now a yes or no by the call list's own rule (ordered by today's weekday in at least 4
// of the 8 whole weeks before, and not yet this week), with why: the weeks, an order already placed
// this week, the weekdays it usually orders on. Checked against SQL over the same store, and against
// the call list itself.
const vocab: Vocabulary = {
  brands: new Map(),
  customerIds: new Set([101252]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('should I call a customer: reading the question', () => {
  it.each([
    ['¿debería llamar al cliente 101252?', 'es'],
    ['should I call customer 101252 today?', 'en'],
    ['le llamo hoy al 101252?', 'es'],
    ['deveria yamar al 101252', 'es'],
    ['tengo que visitar al 101252 esta semana?', 'es'],
    ['do I need to ring 101252?', 'en'],
    ['is it worth calling 101252', 'en'],
    ['vale la pena llamar al 101252', 'es'],
  ] as const)('"%s" asks yes or no on calling that customer', (q, lang) => {
    const u = read(q, lang);
    expect({ q, intent: u.intent, callVerdict: u.callVerdict, customer: u.entities.customer_id }).toEqual({
      q,
      intent: 'customer_history',
      callVerdict: true,
      customer: 101252,
    });
  });

  it.each([
    ['¿cómo se llama el cliente 101252?', 'es', undefined],
    ['¿el 101252 llamó ayer?', 'es', undefined],
    ['¿qué le ofrezco al 101252 cuando lo llame?', 'es', 'recommend'],
    ['what should I offer 101252 when I call?', 'en', 'recommend'],
    ['¿a quién llamo hoy?', 'es', 'top_customers'],
    ['who should I call this week?', 'en', 'top_customers'],
    ['¿cuántas visitas tiene el 101252?', 'es', undefined],
    ['what did 101252 buy last week', 'en', 'customer_history'],
  ] as const)('"%s" keeps its own reading', (q, lang, intent) => {
    const u = read(q, lang);
    expect({ q, callVerdict: u.callVerdict }).toEqual({ q, callVerdict: undefined });
    if (intent) expect(u.intent).toBe(intent);
  });
});

describe('should I call a customer: the answer', () => {
  const server = useChatServer();
  let monday = '';
  let today = '';
  let weekday = 0;
  beforeAll(() => {
    today = server().lastDay;
    weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
    monday = daysAfter(today, -weekday);
  });

  /** Each customer's weeks with an order by today's weekday (of the 8 before) and orders this week. */
  async function habits() {
    const rows = await queryRows(
      server().fx.store.connection,
      `SELECT customer_id::DOUBLE AS id,
              count(DISTINCT date_trunc('week', purchase_date)) FILTER (
                WHERE purchase_date >= DATE '${monday}' - INTERVAL 56 DAY AND purchase_date < DATE '${monday}'
                  AND isodow(purchase_date) <= ${weekday + 1})::DOUBLE AS weeks,
              count(*) FILTER (WHERE purchase_date BETWEEN DATE '${monday}' AND DATE '${today}')::DOUBLE AS now
       FROM transactions GROUP BY 1 ORDER BY 1`,
    );
    return rows.map((r) => ({ id: Number(r.id), weeks: Number(r.weeks), now: Number(r.now) }));
  }

  it.each([
    [
      '¿debería llamar al cliente %d?',
      'es',
      /^Sí, el cliente \d+ está en la lista de llamadas de hoy: en \d de las 8 semanas/,
    ],
    [
      'should I call customer %d today?',
      'en',
      /^Yes, customer \d+ is on today's call list: in \d of the 8 weeks/,
    ],
  ] as const)('"%s" of a customer on the call list says yes', async (template, lang, yes) => {
    const list = await server().ask<{ customers?: unknown; data: { customers: { customer: number }[] } }>(
      lang === 'es' ? '¿a quién llamo hoy?' : 'who should I call today?',
      lang,
    );
    const first = list.data.customers[0]!.customer;
    const q = template.replace('%d', String(first));
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'customer_history', lang);
    expect({ q, answer: r.answer, on: (r.data as { on_call_list: boolean }).on_call_list }).toMatchObject({
      q,
      answer: expect.stringMatching(yes),
      on: true,
    });
  });

  it.each([
    ['¿le llamo al %d?', 'es', /^No hace falta: el cliente \d+ ya pidió esta semana/],
    ['do I need to call %d?', 'en', /^No need: customer \d+ already ordered this week/],
  ] as const)('"%s" of a customer who ordered this week says no', async (template, lang, no) => {
    const ordered = (await habits()).find((h) => h.now > 0)!;
    const q = template.replace('%d', String(ordered.id));
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'customer_history', lang);
    expect({ q, answer: r.answer }).toMatchObject({ q, answer: expect.stringMatching(no) });
  });

  it.each([
    [
      '¿tengo que llamar al %d?',
      'es',
      /^No por ahora: el cliente \d+ no está en la lista de llamadas de hoy, porque solo en (\d) de/,
    ],
    [
      'should we call customer %d?',
      'en',
      /^Not yet: customer \d+ is not on today's call list, since only in (\d) of/,
    ],
  ] as const)('"%s" of a customer without the habit says no, with its weeks', async (template, lang, no) => {
    const loose = (await habits()).find((h) => h.now === 0 && h.weeks > 0 && h.weeks < 4);
    if (!loose) return;
    const q = template.replace('%d', String(loose.id));
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'customer_history', lang);
    expect({ q, answer: r.answer }).toMatchObject({ q, answer: expect.stringMatching(no) });
    expect(no.exec(r.answer)![1]).toBe(String(loose.weeks));
  });

  it('agrees with the call list on every customer', async () => {
    for (const h of (await habits()).slice(0, 15)) {
      const r = await server().ask<{ data: { on_call_list: boolean; weeks: number } }>(
        `should I call customer ${h.id}?`,
        'en',
      );
      expect({ id: h.id, on: r.data.on_call_list, weeks: r.data.weeks }).toEqual({
        id: h.id,
        on: h.weeks >= 4 && h.now === 0,
        weeks: h.weeks,
      });
    }
  });

  it('says it does not know a customer not in the master', async () => {
    const r = await server().ask('¿debería llamar al cliente 999999999?', 'es');
    expect(r.answer).toMatch(/^No conozco al cliente 999999999/);
  });
});
