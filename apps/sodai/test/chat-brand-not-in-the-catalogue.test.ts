import { beforeAll, describe, expect, it } from 'vitest';
import { kindNotInCatalogue } from '../src/chat/understanding/product-kind-words.ts';
import { EMPTY_VOCABULARY } from '../src/chat/vocabulary.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// "¿Qué clientes compran Coca-Cola?" got "I cannot answer that" and the general help: the catalogue
// holds no such brand (its brands are named otherwise). A well-known drinks brand the catalogue does
// not hold is now said plainly to be missing, with how many brands there are and the best seller
// among them (read here with SQL); a brand the catalogue holds keeps its answer.
const server = useChatServer();
let brands = 0;
let top = '';

beforeAll(async () => {
  const [n] = await queryRows(
    server().fx.store.connection,
    'SELECT count(DISTINCT brand)::DOUBLE AS n FROM products WHERE brand IS NOT NULL',
  );
  brands = Number(n!.n);
  const [t] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  top = String(t!.brand);
});

describe('a drinks brand the catalogue does not hold', () => {
  it.each([
    ['¿qué clientes compran coca cola?', 'es', 'Coca-Cola'],
    ['who buys the most pepsi?', 'en', 'Pepsi'],
    // Not tuned on.
    ['ventas de sprite el mes pasado', 'es', 'Sprite'],
    ['how much coke did we sell', 'en', 'Coca-Cola'],
  ] as const)('"%s" says the brand is not in the catalogue', async (q, lang, name) => {
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
      kind: name,
    });
    expect(r.answer).toContain(
      lang === 'es' ? `El catálogo no tiene la marca ${name}` : `The catalogue holds no brand ${name}`,
    );
    expect(r.answer).toContain(String(brands));
    expect(r.answer).toContain(top);
  });

  it('a catalogue that holds the brand is asked about it as usual', () => {
    const withCoke = { ...EMPTY_VOCABULARY, catalogueWords: new Set(['coca', 'cola', 'lata']) };
    expect(kindNotInCatalogue('que clientes compran coca cola', withCoke)).toBeUndefined();
  });
});

describe('guards: a brand the catalogue holds and a kind not held keep their answers', () => {
  it('"ventas de la <top brand>" is that brand’s sales', async () => {
    const r = await server().ask(`ventas de la ${top.toLowerCase()}`);
    expect({ intent: r.intent, kind: r.data.not_in_catalogue }).toEqual({
      intent: 'sales_trend',
      kind: undefined,
    });
  });

  it('"who buys the most beer?" is still the beer answer', async () => {
    expect((await server().ask('who buys the most beer?')).data.not_in_catalogue).toBe('beer');
  });
});
