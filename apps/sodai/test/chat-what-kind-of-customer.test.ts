import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// "¿Qué tipo de cliente es el 100010?", "¿el 100010 es mayorista?" got the customer's purchase
// history, which never says what the customer is: they now get its type first (yes or no when a type
// is named), then its profile.
const server = useChatServer();
const ask = (message: string) => server().ask(message);

/** How each stored type may be written in an answer, either language. */
const TYPE_WORDS: Readonly<Record<string, RegExp>> = {
  ABARROTES: /abarrotes|grocery/i,
  MAYORISTA: /mayorista|wholesaler/i,
  'CANAL FRIO': /canal frío|cold-channel/i,
  RESTAURANT: /restaurante?/i,
  SUPERMERCADO: /supermercado|supermarket/i,
  MINIMARKET: /minimarket/i,
  'TIENDA DE CONVENIENCIA': /tienda de conveniencia|convenience store/i,
};

let wholesaler: number;
let other: { id: number; type: string };

beforeAll(async () => {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id, customer_type AS type FROM customers c
     WHERE customer_id IN (SELECT customer_id FROM transactions) ORDER BY customer_id`,
  );
  wholesaler = Number(rows.find((r) => r.type === 'MAYORISTA')!.id);
  const r = rows.find((x) => x.type !== 'MAYORISTA' && x.type !== 'RESTAURANT')!;
  other = { id: Number(r.id), type: String(r.type) };
});

describe('what kind of customer one is', () => {
  it.each([
    ['¿qué tipo de cliente es el {id}?', 'es'],
    ['what kind of customer is {id}?', 'en'],
    ['tipo de negocio del cliente {id}', 'es'],
    ['quien es el {id}', 'es'],
    ['info sobre el {id}', 'es'],
  ] as const)('"%s" says the type first', async (q, lang) => {
    const reply = await ask(q.replace('{id}', String(other.id)));
    expect({ intent: reply.intent, lang: reply.lang, customer: reply.entities.customer_id }).toEqual({
      intent: 'customer_info',
      lang,
      customer: other.id,
    });
    expect(reply.data).toMatchObject({ customer_type: other.type });
    const firstSentence = reply.answer.split('. ')[0]!;
    expect(firstSentence).toMatch(TYPE_WORDS[other.type]!);
  });

  it('"¿el X es mayorista?" says yes for a wholesaler and no, with its type, for another', async () => {
    const yes = await ask(`¿el ${wholesaler} es mayorista?`);
    expect(yes.intent).toBe('customer_info');
    expect(yes.answer).toMatch(/^Sí[.,]/);
    expect(yes.data).toMatchObject({ customer_type: 'MAYORISTA', is_type_asked: true });

    const no = await ask(`¿el ${other.id} es mayorista?`);
    expect(no.answer).toMatch(/^No\b/);
    expect(no.answer.split('. ').slice(0, 2).join('. ')).toMatch(TYPE_WORDS[other.type]!);
    expect(no.data).toMatchObject({ customer_type: other.type, is_type_asked: false });
  });

  it('"is X a restaurant?" answers no in English, with what it is', async () => {
    const reply = await ask(`is ${other.id} a restaurant?`);
    expect(reply.intent).toBe('customer_info');
    expect(reply.answer).toMatch(/^No\b/);
    expect(reply.answer).toMatch(TYPE_WORDS[other.type]!);
  });

  it('gives the profile: orders as the data has them', async () => {
    const [r] = await queryRows(
      server().fx.store.connection,
      `SELECT count(DISTINCT order_id)::DOUBLE AS n FROM transactions WHERE customer_id = ${other.id}`,
    );
    const reply = await ask(`¿qué tipo de cliente es el ${other.id}?`);
    expect(reply.data).toMatchObject({ orders: Number(r!.n) });
  });

  it('"¿qué tipo de productos compra el X?" still asks what it buys', async () => {
    expect((await ask(`¿qué tipo de productos compra el ${other.id}?`)).intent).toBe('customer_history');
  });
});
