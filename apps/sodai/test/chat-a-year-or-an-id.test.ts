import { describe, expect, it } from 'vitest';
import { understand } from '../src/chat/understanding/understand.ts';
import type { Vocabulary } from '../src/chat/vocabulary.ts';

// A number that is both a recent year and an id: "top productos 2024" read product 2024 when 2024 was
// a product, and "historial del 2019" read the year 2019 (with no day of data) when 2019 was a
// customer. After a plural noun of a list ("productos", "customers") a year is the year: the plural
// names no one product. After "del"/"de"/"of", an id the data know wins when its year has no data
// (the year could only be answered "no data"); a year with data keeps its reading, as "en 2019" and
// "del año 2019" always do. Guards: "producto 2024", "cliente 2019" and plain years.
const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([2019, 2024, 101252]),
  productIds: new Set([2023, 20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en' = 'es') => understand(q, vocab, lang, undefined);
const Y2023 = { from: '2023-01-01', to: '2023-12-31' };
const Y2024 = { from: '2024-01-01', to: '2024-12-31' };

describe('a year or an id', () => {
  it.each([
    ['top productos 2023', 'es', Y2023],
    ['top products 2023', 'en', Y2023],
    ['mejores clientes 2024', 'es', Y2024],
    ['best customers 2024', 'en', Y2024],
    ['los 10 productos mas vendidos 2023', 'es', Y2023],
  ] as const)('"%s": a year after a plural noun is the year', (q, lang, period) => {
    const u = read(q, lang);
    expect({
      q,
      period: u.entities.period,
      product: u.entities.product_id,
      customer: u.entities.customer_id,
    }).toMatchObject({
      q,
      period,
      product: undefined,
      customer: undefined,
    });
  });

  it.each([
    ['historial del 2019', 'es'],
    ['que compro el 2019', 'es'],
    ['compras del 2019', 'es'],
    ['history of 2019', 'en'],
  ] as const)('"%s": a known customer whose year has no data is the customer', (q, lang) => {
    const u = read(q, lang);
    expect({ q, customer: u.entities.customer_id, period: u.entities.period }).toEqual({
      q,
      customer: 2019,
      period: undefined,
    });
  });

  it.each([
    ['ventas del 2024', 'es', Y2024],
    ['historial del ano 2019', 'es', { from: '2019-01-01', to: '2019-12-31' }],
    ['ventas en 2019', 'es', { from: '2019-01-01', to: '2019-12-31' }],
    ['ventas de 2022', 'es', { from: '2022-01-01', to: '2022-12-31' }],
  ] as const)('"%s" keeps its year (guard)', (q, lang, period) => {
    expect({ q, period: read(q, lang).entities.period }).toMatchObject({ q, period });
  });

  it.each([
    ['producto 2023', { product_id: 2023 }],
    ['cliente 2019', { customer_id: 2019 }],
    ['que compro el cliente 2024', { customer_id: 2024 }],
  ] as const)('"%s" keeps its id (guard)', (q, entities) => {
    const u = read(q);
    expect({ q, entities: u.entities }).toMatchObject({ q, entities });
    expect(u.entities.period).toBeUndefined();
  });
});
