import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// "¿Cuánto vendimos el año pasado?" and "how many customers bought last year" named no period (the
// last 12 weeks were answered instead), and "sales 2024 vs 2023" read 2024 as a customer and 2023 as
// a product. "Last year" is the calendar year before the one the data end in (2023 when they end on
// 31 Dec 2024); a bare year no id is is a year; a period with no day of data is said to be outside
// the data rather than answered with zeros.
const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([101252, 2019]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const ask = (q: string, lang: 'es' | 'en' = 'es') => understand(q, vocab, lang, undefined);
const Y2023 = { from: '2023-01-01', to: '2023-12-31' };
const Y2024 = { from: '2024-01-01', to: '2024-12-31' };

describe('last year and bare years as periods', () => {
  it.each([
    ['¿cuánto vendimos el año pasado?', 'es', Y2023],
    ['how many customers bought last year', 'en', Y2023],
    ['top productos del ano anterior', 'es', Y2023],
    ['what did customer 101252 buy last year?', 'en', Y2023],
    ['best sellers the previous year', 'en', Y2023],
    ['ventas de diciembre del año pasado', 'es', { from: '2023-12-01', to: '2023-12-31' }],
    ['sales in march last year', 'en', { from: '2023-03-01', to: '2023-03-31' }],
    ["last year's june sales", 'en', { from: '2023-06-01', to: '2023-06-30' }],
    ['ventas 2024', 'es', Y2024],
    ['top products 2024', 'en', Y2024],
  ] as const)('"%s" names the period', (q, lang, period) => {
    expect({ q, period: ask(q, lang).entities.period }).toMatchObject({ q, period });
  });

  it.each([
    ['sales 2024 vs 2023', 'en'],
    ['ventas 2024 contra 2023', 'es'],
  ] as const)('"%s" compares two years', (q, lang) => {
    const u = ask(q, lang);
    expect({
      q,
      intent: u.intent,
      period: u.entities.period,
      compare_to: u.entities.compare_to,
    }).toMatchObject({
      q,
      intent: 'compare_periods',
      period: Y2024,
      compare_to: Y2023,
    });
  });

  it.each([
    ['ventas de este año', 'es', { from: '2024-01-01', to: '2024-12-31' }],
    ['sales this year', 'en', { from: '2024-01-01', to: '2024-12-31' }],
    ['ventas en 2024', 'es', Y2024],
    ['ventas del mes pasado', 'es', { from: '2024-12-01', to: '2024-12-31' }],
    ['ventas de la semana pasada', 'es', { from: '2024-12-23', to: '2024-12-29' }],
  ] as const)('"%s" keeps its period', (q, lang, period) => {
    expect({ q, period: ask(q, lang).entities.period }).toMatchObject({ q, period });
  });

  it.each([
    ['que compro el cliente 2019', { customer_id: 2019 }],
    ['compras del cliente 2019', { customer_id: 2019 }],
    ['cuantos clientes compraron 5 veces', {}],
    ['que le ofrezco al 101252', { customer_id: 101252 }],
  ] as const)('"%s" keeps its numbers: an id is no year', (q, entities) => {
    const u = ask(q);
    expect({ q, entities: u.entities, period: u.entities.period }).toMatchObject({
      q,
      entities,
      period: undefined,
    });
  });
});

describe('a period the data do not cover', () => {
  const server = useChatServer();

  it.each([
    ['¿cuánto vendimos el año pasado?', 'es', 'sales_trend'],
    ['how many customers bought last year?', 'en', 'count_customers'],
    ['top 5 productos del año pasado', 'es', 'top_products'],
    ['which customers bought the most last year', 'en', 'top_customers'],
    ['ventas de este año vs el año pasado', 'es', 'compare_periods'],
  ] as const)('"%s" says there is no data for it', async (q, lang, intent) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, intent, lang);
    const year = Number(server().lastDay.slice(0, 4)) - 1;
    expect({ q, answer: r.answer }).toMatchObject({
      q,
      answer: expect.stringMatching(
        lang === 'es'
          ? new RegExp(`^Ese período no tiene datos: el año pasado \\(1 ene ${year} – 31 dic ${year}\\)`)
          : new RegExp(`^That period has no data: last year \\(Jan 1, ${year} – Dec 31, ${year}\\)`),
      ),
    });
  });

  it.each([
    ['¿cuántos clientes compraron este año?', 'es', 'count_customers'],
    ['sales this year', 'en', 'sales_trend'],
    ['top productos de la semana pasada', 'es', 'top_products'],
  ] as const)('"%s" is answered over the data', async (q, lang, intent) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, intent, lang);
    expect({ q, answer: r.answer }).not.toMatchObject({
      q,
      answer: expect.stringMatching(/no tiene datos|has no data/),
    });
  });
});

describe('a total whose period before is not in the data', () => {
  const server = useChatServer();

  it.each([
    ['ventas de este año', 'es', /, sin datos para el período anterior \(/],
    ['sales so far this year', 'en', /, with no data for the period before \(/],
    ['¿cuánto vendimos el mes pasado?', 'es', /(?:más|menos) que el mes anterior \(/],
    ['units sold last week', 'en', /(?:up|down) [\d.]+% on the week before \(/],
  ] as const)('"%s" says what the period before holds', async (q, lang, against) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    expect({ q, answer: r.answer }).toMatchObject({ q, answer: expect.stringMatching(against) });
  });
});
