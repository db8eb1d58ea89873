import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { detectLang } from '../src/chat/understanding/detect-lang.ts';
import { correctSpelling } from '../src/chat/understanding/spelling.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// A vocabulary without a store: the understanding layer only needs ids, brands and the last day.
const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([101252, 100001]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const ask = (q: string, lang: 'es' | 'en' = 'es') => understand(q, vocab, lang, undefined);

describe('understanding the sales floor', () => {
  it.each([
    ['que le coloco al 101252', 'recommend'],
    ['hay que empujarle algo al cliente 101252', 'recommend'],
    ['que le metemos al 101252 el lunes', 'recommend'],
    ['ideas para venderle al 101252', 'recommend'],
    ['que le falta al 101252', 'recommend'],
  ])('reads the verbs of pushing product into a shop: %s', (q, intent) => {
    expect(ask(q)).toMatchObject({ intent, entities: { customer_id: 101252 } });
  });

  it.each([
    ['any recs for customer 101252', 'en'],
    ['recos para el 101252', 'es'],
    ['got any recommendations for 101252?', 'en'],
  ] as const)('reads the short forms of recommendations ("recs", "recos"): %s', (q, lang) => {
    expect(ask(q, lang)).toMatchObject({ intent: 'recommend', entities: { customer_id: 101252 } });
  });

  it.each([
    ['que almacenes se nos perdieron', 'all'],
    ['locales que hace meses no piden nada', 'all'],
    ['clientes que no compran la marca Brand 7 desde hace tiempo', 'product'],
  ])('reads colloquial lapsed customers: %s', (q, scope) => {
    expect(ask(q)).toMatchObject({ intent: 'lapsed_customers', entities: { scope } });
  });

  it('reads "cómo viene" as a summary for a customer and as a trend for a brand', () => {
    expect(ask('como viene el 101252').intent).toBe('customer_history');
    expect(ask('como anda la marca Brand 7')).toMatchObject({
      intent: 'sales_trend',
      entities: { brand: 'Brand 7' },
    });
    // A greeting is not a sales question: it gets a greeting back, and a question the data cannot
    // answer still gets the honest refusal.
    expect(ask('hola como estas')).toMatchObject({ intent: 'small_talk', courtesy: 'how_are_you' });
    expect(ask('como esta el clima').intent).toBe('unknown');
  });

  it('reads operations questions said as data freshness', () => {
    expect(ask('los datos estan al dia?').intent).toBe('last_batch');
    expect(ask('corrio todo bien anoche?').intent).toBe('pipeline_last_run');
    // "actualizó" about the model is the model, not a batch.
    expect(ask('cuando se actualizo el modelo').intent).toBe('model_info');
  });

  it('reads model questions that do not say "model"', () => {
    expect(ask('which features weigh most?', 'en').intent).toBe('prediction_drivers');
    expect(ask('que version tenemos en produccion').intent).toBe('model_info');
    // ...unless they are about customers: "registered customers" is not the model registry.
    expect(ask('cuantos clientes registrados hay').intent).toBe('count_customers');
  });

  it('takes a short number that is no id as how many to show, not as a product', () => {
    const u = ask('give me 4 picks for customer 101252', 'en');
    expect(u.intent).toBe('recommend');
    expect(u.entities.count).toBe(4);
    expect(u.entities.product_id).toBeUndefined();
    // A second short number is not an id either.
    expect(ask('cuanto es 2 mas 2').entities.customer_id).toBeUndefined();
    // A known id stays an id, however short it is written.
    expect(ask('que es el 20230').entities.product_id).toBe(20230);
  });

  it('reads customer types and packages as they are said', () => {
    expect(ask('cuantos restoranes hay').entities.customer_type).toBe('RESTAURANT');
    expect(ask('top de los distribuidores').entities.customer_type).toBe('MAYORISTA');
    expect(ask('ranking de latitas').entities.package).toBe('LATA');
  });
});

describe('periods said without dates', () => {
  // The data ends on Tuesday 2024-12-31: the last complete week is 23–29 December.
  it.each([
    ['que compro el 101252 la semana antepasada', '2024-12-16', '2024-12-22'],
    ['que compro el 101252 hace 3 semanas', '2024-12-09', '2024-12-15'],
    ['top productos del trimestre pasado', '2024-10-01', '2024-12-31'],
    ['top productos del primer semestre', '2024-01-01', '2024-06-30'],
    ['ventas de latas desde noviembre', '2024-11-01', '2024-12-31'],
    ['lo mas vendido el mes antepasado', '2024-11-01', '2024-11-30'],
  ])('%s', (q, from, to) => {
    expect(ask(q).entities.period).toMatchObject({ from, to });
  });

  it('reads "the week before last" as two weeks back, not as last week', () => {
    expect(ask('best sellers the week before last', 'en').entities.period).toMatchObject({
      from: '2024-12-16',
      label: 'the week before last',
    });
  });
});

describe('who buys a kind of product, and what a kind of customer bought', () => {
  it.each([
    ['¿qué clientes compran barriles?', 'es', { package: 'KEG' }],
    ['which customers buy kegs?', 'en', { package: 'KEG' }],
    ['who bought Brand 7 last month?', 'en', { brand: 'Brand 7' }],
    ['qué tiendas compraron latas en diciembre', 'es', { package: 'LATA' }],
  ] as const)('%s ranks the customers who buy it', (q, lang, filter) => {
    const { intent, entities } = ask(q, lang);
    expect(intent).toBe('top_customers');
    expect(entities).toMatchObject(filter);
  });

  it.each([
    ['what did restaurants buy last month?', 'en'],
    ['¿qué compraron los restaurantes el mes pasado?', 'es'],
    ['what did customers buy in december?', 'en'],
  ] as const)('%s lists what was bought', (q, lang) => {
    expect(ask(q, lang).intent).toBe('top_products');
  });

  it('leaves a named customer’s purchases and the advice for one alone', () => {
    expect(ask('¿qué compró el 100001 en diciembre?').intent).toBe('customer_history');
    expect(ask('¿qué le ofrezco al 100001?').intent).toBe('recommend');
  });
});

describe('counting a product’s buyers, and the year in words', () => {
  it.each([
    ['¿cuántos clientes compraron el 20230 en diciembre?', 'es'],
    ['how many customers bought 20230 last week?', 'en'],
  ] as const)('%s counts the buyers of that product', (q, lang) => {
    expect(ask(q, lang)).toMatchObject({ intent: 'product_buyers', entities: { product_id: 20230 } });
  });

  it('still counts every customer when no product is named', () => {
    expect(ask('¿cuántos clientes compraron en diciembre?').intent).toBe('count_customers');
  });

  it.each([
    ['what was the best week of 2024?', 'en'],
    ['top productos del año 2024', 'es'],
  ] as const)('%s reads the year as a period, not as a customer number', (q, lang) => {
    const { entities } = ask(q, lang);
    expect(entities.period).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(entities.customer_id).toBeUndefined();
  });

  it('reads "del año" as this year, and leaves "del año pasado" to its own rule', () => {
    expect(ask('¿cuál fue la peor semana del año?').entities.period).toMatchObject({ from: '2024-01-01' });
    expect(ask('ventas del año pasado').entities.period?.label).not.toBe('este año');
  });
});

describe('units sold, counts, and a comparison asked as "how did it do"', () => {
  it.each([
    ['¿cuántas latas vendimos en diciembre?', 'es'],
    ['how many cans did we sell in december?', 'en'],
  ] as const)('%s asks for units sold, not the cans in the catalogue', (q, lang) => {
    expect(ask(q, lang)).toMatchObject({ intent: 'sales_trend', entities: { package: 'LATA' } });
  });

  it('still counts the catalogue, and distinct products sold', () => {
    expect(ask('¿cuántas latas hay en el catálogo?').intent).toBe('count_products');
    expect(ask('¿cuántos productos se vendieron en marzo?').intent).toBe('count_products');
  });

  it('counts the customers sold to rather than giving advice', () => {
    expect(ask('how many customers did we sell to in december?', 'en').intent).toBe('count_customers');
    expect(ask('how many products should I offer to 100001?', 'en').intent).toBe('recommend');
  });

  it('compares the two periods of "¿cómo le fue … en diciembre comparado con noviembre?"', () => {
    const { intent, entities } = ask('¿cómo le fue a la marca Brand 7 en diciembre comparado con noviembre?');
    expect(intent).toBe('compare_periods');
    expect(entities).toMatchObject({ brand: 'Brand 7', compare_to: { from: '2024-11-01' } });
    expect(ask('¿cómo le fue a la marca Brand 7 en diciembre?').intent).toBe('sales_trend');
  });
});

describe('questions about quarantined rows', () => {
  it.each([
    ['how many transactions were quarantined?', 'en'],
    ['which sales went to quarantine last week', 'en'],
    ['¿cuántas transacciones quedaron en cuarentena?', 'es'],
    ['ventas en cuarentena', 'es'],
  ] as const)('%s asks about the last batch, even naming sales words', (q, lang) => {
    expect(ask(q, lang).intent).toBe('last_batch');
  });
});

describe('this week against last week, when the data end on a Sunday', () => {
  // The week holding the last day is then complete, and is also the last complete week.
  const sunday = (q: string, lang: 'es' | 'en') =>
    understand(q, { ...vocab, lastDay: '2025-01-05' }, lang, undefined);

  it.each([
    ['compare this week with last week', 'en'],
    ['compara esta semana con la semana pasada', 'es'],
    ['ventas de esta semana vs la semana anterior', 'es'],
  ] as const)('%s: two consecutive weeks, not the same one twice', (q, lang) => {
    const { intent, entities } = sunday(q, lang);
    expect(intent).toBe('compare_periods');
    expect(entities.period).toMatchObject({ from: '2024-12-30', to: '2025-01-05' });
    expect(entities.compare_to).toMatchObject({ from: '2024-12-23', to: '2024-12-29' });
  });

  it('still reads "last week" alone as the last complete week', () => {
    expect(sunday('top products last week', 'en').entities.period).toMatchObject({
      from: '2024-12-30',
      to: '2025-01-05',
    });
  });

  it('does the same for this month against last month on the last day of a month', () => {
    const { entities } = ask('compare this month with last month', 'en');
    expect(entities.period).toMatchObject({ from: '2024-12-01', to: '2024-12-31' });
    expect(entities.compare_to).toMatchObject({ from: '2024-11-01', to: '2024-11-30' });
  });
});

describe('spelling', () => {
  it('leaves inflected keywords and ordinary words alone', () => {
    expect(correctSpelling(['drifting', 'went', 'quiet'])).toEqual(['drifting', 'went', 'quiet']);
  });

  it('does not turn a short word into a month', () => {
    expect(ask('quien es el mayor comprador del 20230').entities.period).toBeUndefined();
    expect(correctSpelling(['junto', 'entre'])).toEqual(['junto', 'entre']);
  });

  it('corrects typos of the sales-floor words too', () => {
    expect(correctSpelling(['meterlle', 'candidatoss'])).toEqual(['meterle', 'candidatos']);
  });
});

describe('phrasings nobody tuned for (held-out-6 round)', () => {
  it.each([
    ['cuantos prods hay', 'count_products', {}],
    ['a q clientes les muevo el prod 20230', 'likely_buyers', { product_id: 20230 }],
    ['how many custs r there', 'count_customers', {}],
    ['whos gonna buy 20230 nxt week', 'likely_buyers', { product_id: 20230 }],
    ['who quit buying 20230', 'lapsed_customers', { product_id: 20230 }],
  ])('spells out phone shorthand and slang: %s', (q, intent, entities) => {
    expect(ask(q)).toMatchObject({ intent, entities });
  });

  it('tells the language of a question written in shorthand', () => {
    expect(detectLang('q le llevo al 101252')).toBe('es');
    // "Top" and "prods" are written so in both languages (chat-short-questions-answer-in-their-language).
    expect(detectLang('top prods')).toBeUndefined();
  });

  it('reads "qué le <verbo> al cliente" as what to sell him, whatever the verb, but not in the past', () => {
    expect(ask('que le enchufo al 101252')).toMatchObject({
      intent: 'recommend',
      entities: { customer_id: 101252 },
    });
    expect(ask('que le chanto al 101252').intent).toBe('recommend');
    expect(ask('que le vendimos al 101252').intent).toBe('customer_history');
  });

  it('reads how a product sells as its trend', () => {
    expect(ask('el 20230 se vende bien?')).toMatchObject({
      intent: 'sales_trend',
      entities: { product_id: 20230 },
    });
    expect(ask('is 20230 selling well?', 'en').intent).toBe('sales_trend');
  });

  it('ranks brands when the question asks for brands, not when it names one', () => {
    expect(ask('que marcas se mueven mas')).toMatchObject({
      intent: 'top_products',
      entities: { group_by: 'brand' },
    });
    const one = ask('lo mas vendido de la marca Brand 7');
    expect(one.entities).toMatchObject({ brand: 'Brand 7' });
    expect(one.entities.group_by).toBeUndefined();
  });

  it('gives lapsed customers the window the question names, up to the last day', () => {
    expect(ask('que clientes no me compran hace 2 semanas').entities.period).toEqual({
      from: '2024-12-18',
      to: '2024-12-31',
      label: 'las últimas 2 semanas',
    });
    expect(ask('customers who have not ordered in 5 weeks', 'en').entities.period?.label).toBe(
      'the last 5 weeks',
    );
  });

  it('reads the first part of a compound question and keeps the second to answer after it', () => {
    expect(ask('cuantos clientes hay y que productos se venden mas')).toMatchObject({
      intent: 'count_customers',
      secondPart: 'que productos se venden mas',
    });
    const one = ask('que compro el 101252 y cuando');
    expect({ second: one.secondPart, left: one.unanswered }).toEqual({ second: undefined, left: undefined });
  });

  it('reads a question about one customer and one product as that pair, and "did X stop buying" as X', () => {
    expect(ask('le conviene al 101252 el 20230?')).toMatchObject({
      intent: 'explain_recommendation',
      entities: { customer_id: 101252, product_id: 20230 },
    });
    expect(ask('el 101252 dejo de comprar?')).toMatchObject({
      intent: 'customer_history',
      entities: { customer_id: 101252 },
    });
    expect(ask('quienes dejaron de comprar').intent).toBe('lapsed_customers');
  });

  it('reads "qué llevó el X en <un período pasado>" as what X bought: advice is for next week', () => {
    expect(ask('q llevo el 101252 en noviembre')).toMatchObject({
      intent: 'customer_history',
      entities: { customer_id: 101252, period: { label: 'en noviembre de 2024' } },
    });
    expect(ask('que le llevo al 101252 esta semana').intent).toBe('recommend');
  });

  it('takes the number after "top" as how many, not as a day ("top 10 de diciembre")', () => {
    expect(ask('dame el top 10 de diciembre').entities).toMatchObject({
      count: 10,
      period: { from: '2024-12-01', to: '2024-12-31' },
    });
  });

  it('reads "what should X get / order" as advice, and "what did X order" as history', () => {
    expect(ask('what should 101252 get next', 'en')).toMatchObject({
      intent: 'recommend',
      entities: { customer_id: 101252 },
    });
    expect(ask('what did 101252 order', 'en').intent).toBe('customer_history');
    expect(ask('did new data come in', 'en').intent).toBe('last_batch');
  });

  it('does not pretend to know prices or stock', () => {
    expect(ask('cuanto cuesta el 20230').intent).toBe('unknown');
    expect(ask('cuanto vale el 20230').intent).toBe('unknown');
    expect(ask('how much is 20230', 'en').intent).toBe('unknown');
    expect(ask('how much stock of 20230 is left', 'en').intent).toBe('unknown');
  });
});

describe('questions about the whole volume of a period', () => {
  it.each([
    ['¿Cuántas compras hubo en noviembre de 2024?', 'es'],
    ['cuantos pedidos tuvimos en marzo', 'es'],
    ['¿cuántas unidades se vendieron la semana pasada?', 'es'],
    ['total de ventas en octubre', 'es'],
    ['how many orders were there in November 2024?', 'en'],
    ['how many units did we sell last month?', 'en'],
  ] as const)('regression: a count of purchases is a volume, not a best-seller list: %s', (q, lang) => {
    const { intent, entities } = ask(q, lang);
    expect(intent).toBe('sales_trend');
    expect(entities.period).toBeDefined();
  });

  it.each([
    ['¿cómo evolucionaron las ventas en noviembre de 2024?', 'es'],
    ['evolución de las ventas este año', 'es'],
    ['how have sales evolved since march?', 'en'],
  ] as const)('reads every form of "evolve" as a trend: %s', (q, lang) => {
    expect(ask(q, lang).intent).toBe('sales_trend');
  });

  it.each([
    ['¿cuántos clientes compraron en noviembre de 2024?', 'count_customers'],
    ['¿cuántos productos se vendieron en marzo?', 'count_products'],
    ['¿qué fue lo más vendido en noviembre?', 'top_products'],
  ] as const)('still counts customers and products and lists best sellers: %s', (q, intent) => {
    expect(ask(q).intent).toBe(intent);
  });
});
