import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "cuanto margen deja el 20012" answered with the product's card and "what is the profit on …" or
// "ganancia del mes" with the general help: margins, profit, revenue and promotions were not known
// as data the platform lacks. The answer names the missing data, says what there is instead, offers
// questions it can answer, and gives no figure.
const server = useChatServer();

/** Any number of three or more digits other than the ids the question itself named. */
const figures = (answer: string, named: readonly string[]) =>
  (answer.match(/\d[\d.,]*/g) ?? []).filter((n) => !named.includes(n) && !/^\d{1,2}$/.test(n));

describe('questions about data the platform does not have', () => {
  it.each([
    ['cuanto margen deja el 20012?', 'es', /márgenes/, ['20012']],
    ['what is the profit on product 20012?', 'en', /margins or profit/, ['20012']],
    ['precio del 20012', 'es', /precios/, ['20012']],
    ['how much stock do we have of cans?', 'en', /stock or inventory/, []],
    ['ganancia del mes', 'es', /ganancias/, []],
    ['top products by revenue last month', 'en', /revenue/, []],
    ['¿cuánto facturamos la semana pasada?', 'es', /facturación/, []],
    ['¿qué productos están en promoción?', 'es', /promociones/, []],
    ['rentabilidad del cliente 100026', 'es', /márgenes/, ['100026']],
  ] as const)(
    '"%s" says which data is missing and what it can answer instead',
    async (q, lang, missing, ids) => {
      const r = await server().ask(q);
      expect({ q, intent: r.intent, answered: r.answered, lang: r.lang }).toEqual({
        q,
        intent: 'unknown',
        answered: false,
        lang,
      });
      expect(r.answer).toMatch(missing);
      expect(r.answer).toMatch(
        lang === 'es'
          ? /solo guarda clientes, productos y unidades/
          : /only holds customers, products and units/,
      );
      // What to ask instead, in the answer and as suggestions, naming the product or customer asked about.
      expect(r.suggestions.length).toBeGreaterThan(0);
      for (const s of r.suggestions) expect(r.answer).toContain(s);
      for (const id of ids) expect(r.suggestions.join(' ')).toContain(id);
      expect(figures(r.answer, ids)).toEqual([]);
      expect(r.table).toBeUndefined();
    },
  );

  it('"¿y el precio?" after a ranking asks for prices, not the ranking again', async () => {
    const sid = 'missing-data-follow-up';
    await server().inSession('top 5 productos', sid);
    const r = await server().inSession('¿y el precio?', sid);
    expect({ intent: r.intent, answered: r.answered }).toEqual({ intent: 'unknown', answered: false });
    expect(r.answer).toMatch(/precios/);
  });

  it('"dead stock" is still the slow movers, not missing stock data', async () => {
    const r = await server().ask('dead stock');
    expect({ intent: r.intent, answered: r.answered }).toEqual({ intent: 'slow_movers', answered: true });
  });
});
