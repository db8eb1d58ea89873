import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { correctSpelling } from '../src/chat/understanding/spelling.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs, expectFollowUpPastSmallTalk } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// "qe le bendo al 100001" was read as the customer's history (the speller missed b/v), "los diez
// mejores clientes" listed five and "gracias" got "I cannot answer that": sound-alike spellings,
// counts written as words and thanks are now understood.
const server = useChatServer();

const ask = (message: string) => server().ask(message);

const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([100001, 101252]),
  productIds: new Set([8, 20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};

describe('words spelt as they sound', () => {
  it.each([
    [
      ['qe', 'le', 'bendo'],
      ['que', 'le', 'vendo'],
    ],
    [
      ['kuantos', 'klientes', 'ay'],
      ['cuantos', 'clientes', 'hay'],
    ],
    [
      ['kual', 'bende'],
      ['cual', 'vende'],
    ],
    [
      ['komo', 'ase'],
      ['como', 'hace'],
    ],
    [
      ['sinco', 'semanas'],
      ['cinco', 'semanas'],
    ],
    [
      ['kompro', 'asta'],
      ['compro', 'hasta'],
    ],
  ])('%j reads as %j', (words, expected) => {
    expect(correctSpelling(words)).toEqual(expected);
  });

  it('leaves words it knows, and words that sound like none of its own, alone', () => {
    expect(correctSpelling(['vendo', 'bebidas', 'cerveza', 'hola', 'beer'])).toEqual([
      'vendo',
      'bebidas',
      'cerveza',
      'hola',
      'beer',
    ]);
  });

  it.each(['qe le bendo al 100001', 'qe más le bendo al klient 100001', 'ke bendo al 100001'])(
    '"%s" asks what to offer customer 100001',
    async (q) => {
      const r = await ask(q);
      expect({ q, intent: r.intent, customer: r.entities.customer_id, lang: r.lang }).toEqual({
        q,
        intent: 'recommend',
        customer: 100001,
        lang: 'es',
      });
    },
  );
});

describe('counts written as words', () => {
  it.each([
    ['los diez mejores clientes', 'top_customers', 10],
    ['dame los tres mejores clientes', 'top_customers', 3],
    ['top fifteen customers', 'top_customers', 15],
    ['the twelve best customers last month', 'top_customers', 12],
    ['los siete mejores clientes del mes pasado', 'top_customers', 7],
    ['los dieciséis clientes que más compran', 'top_customers', 16],
    ['give me the top six', 'top_products', 6],
    ['top sixteen products', 'top_products', 16],
  ])('"%s" lists %s, %i rows', async (q, intent, count) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, count: r.entities.count }).toEqual({ q, intent, count });
    const listed = r.table?.rows.length ?? 0;
    const [available] = await queryRows(
      server().fx.store.connection,
      `SELECT count(DISTINCT ${intent === 'top_customers' ? 'customer_id' : 'product_id'})::DOUBLE AS n FROM transactions`,
    );
    expect(listed).toBe(Math.min(count, Number(available!.n)));
  });

  it.each([
    ['los ocho mejores clientes', 8],
    ['top eleven customers', 11],
    ['dame los quince productos más vendidos', 15],
    ['los 8 mejores clientes', 8],
  ])('"%s" is a count even where the number is also a product id', (q, count) => {
    expect(understand(q, vocab, 'es', undefined)).toMatchObject({ entities: { count } });
    expect(understand(q, vocab, 'es', undefined).entities.product_id).toBeUndefined();
  });

  it.each([
    ['que le ofrezco al cliente cien mil uno', 100001],
    ['what should I offer customer one hundred thousand and one?', 100001],
    ['que le ofrezco al cliente ciento un mil doscientos cincuenta y dos', 101252],
  ])('"%s" names customer %i', (q, id) => {
    expect(understand(q, vocab, 'es', undefined)).toMatchObject({
      intent: 'recommend',
      entities: { customer_id: id },
    });
  });

  it('reads "las últimas quince semanas" as a period, not a count', () => {
    const u = understand('ventas de las ultimas quince semanas', vocab, 'es', undefined);
    expect(u.entities.period).toMatchObject({ from: '2024-09-18', to: '2024-12-31' });
    expect(u.entities.count).toBeUndefined();
  });
});

describe('thanks', () => {
  it.each([
    ['thanks!', 'en'],
    ['gracias', 'es'],
    ['ok, perfecto', 'es'],
    ['muchas gracias!', 'es'],
    ['great, thank you', 'en'],
    ['perfect, thanks', 'en'],
    ['vale, genial', 'es'],
  ])('"%s" gets a short polite reply (%s)', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'small_talk', lang);
    expect(r.answer.length).toBeLessThan(120);
    expect(r.answer).not.toMatch(/cannot|No sé|offer|ofrezco/i);
    expect(r.table).toBeUndefined();
  });

  it('a question after the thanks is still answered, and a follow-up still refers to the question before', async () => {
    await expectFollowUpPastSmallTalk(server(), 'gracias', 'thanks-follow-up-01');
    const both = await ask('gracias, ¿y qué le ofrezco al cliente 100001?');
    expect({ intent: both.intent, customer: both.entities.customer_id }).toEqual({
      intent: 'recommend',
      customer: 100001,
    });
  });
});
