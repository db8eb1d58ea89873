import { beforeAll, describe, expect, it } from 'vitest';
import { kindNotInCatalogue } from '../src/chat/understanding/product-kind-words.ts';
import { EMPTY_VOCABULARY } from '../src/chat/vocabulary.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// "¿qué cliente compra más cerveza?" ranked the best customers of everything, as if beer had not
// been said: the catalogue holds no beer. A kind of product the catalogue does not hold is now said
// plainly to be missing, with the categories that exist (read here with SQL); words that match the
// data keep their answers.
const server = useChatServer();
let categories: string[];

beforeAll(async () => {
  categories = (
    await queryRows(server().fx.store.connection, 'SELECT DISTINCT category FROM products ORDER BY 1')
  ).map((r) => String(r.category));
  expect(categories.length).toBeGreaterThan(0);
});

describe('a kind of product the catalogue does not hold', () => {
  it.each([
    ['¿qué cliente compra más cerveza?', 'es', 'beer', 'cerveza'],
    ['who buys the most beer?', 'en', 'beer', 'beer'],
    ['ventas de vino el mes pasado', 'es', 'wine', 'vino'],
    ['top energy drinks', 'en', 'energy drinks', 'energy drinks'],
    // Not tuned on.
    ['¿cuánto café vendimos?', 'es', 'coffee', 'café'],
    ['which customers buy whisky?', 'en', 'spirits', 'spirits'],
    ['¿quién va a comprar cerveza la próxima semana?', 'es', 'beer', 'cerveza'],
    ['best selling snacks last month', 'en', 'snacks and sweets', 'snacks and sweets'],
  ] as const)(
    '"%s" says it is not in the catalogue and lists the categories',
    async (q, lang, kind, name) => {
      const r = await server().ask(q);
      expect({
        q,
        intent: r.intent,
        answered: r.answered,
        lang: r.lang,
        kind: r.data.not_in_catalogue,
      }).toEqual({
        q,
        intent: 'unknown',
        answered: false,
        lang,
        kind,
      });
      expect(r.answer).toContain(
        lang === 'es' ? `El catálogo no tiene ${name}` : `The catalogue holds no ${name}`,
      );
      for (const c of categories) expect(r.answer).toContain(c);
      expect(r.table).toBeUndefined();
    },
  );

  it.each([
    ['¿qué clientes compran más gaseosas?', 'top_customers'],
    ['who buys the most juice?', 'top_customers'],
    ['ventas de latas', 'sales_trend'],
    ['¿qué cliente compra más?', 'top_customers'],
  ] as const)('"%s", whose words match the data, keeps its answer', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered, kind: r.data.not_in_catalogue }).toEqual({
      q,
      intent,
      answered: true,
      kind: undefined,
    });
  });

  it('a catalogue that holds the kind is asked about it as usual', () => {
    const withBeer = { ...EMPTY_VOCABULARY, catalogueWords: new Set(['bebida', 'cerveza', 'lata', 'cafe']) };
    expect(kindNotInCatalogue('que cliente compra mas cervezas', withBeer)).toBeUndefined();
    expect(kindNotInCatalogue('ventas de cafes', withBeer)).toBeUndefined();
    expect(kindNotInCatalogue('que cliente compra mas vino', withBeer)).toEqual({ es: 'vino', en: 'wine' });
  });
});
