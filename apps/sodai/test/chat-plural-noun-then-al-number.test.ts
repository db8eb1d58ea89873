import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';

// "le faltan productos al 176403?" said "I do not know product 176403": the number after
// "productos al" took "productos" as its role. A plural noun with "al" / "del" / "de" between names
// what is listed, and the number is whom it belongs to: the data's ids now say which kind it is.
// Asking whether a customer lacks products (no "which" said) now lists the usual ones he left out.
const vocab: Vocabulary = {
  brands: new Map([['brand 31', 'Brand 31']]),
  customerIds: new Set([176403, 188331]),
  productIds: new Set([1370, 11262]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const read = (q: string, lang: 'es' | 'en') => understand(q, vocab, lang, undefined);

describe('a number after "productos al" / "clientes del" is whose they are', () => {
  it.each([
    ['le faltan productos al 176403?', 'es', { customer_id: 176403 }, true],
    ['al 176403 le faltan cosas?', 'es', { customer_id: 176403 }, true],
    ['le faltan productos al 188331 esta semana', 'es', { customer_id: 188331 }, true],
    ['is customer 176403 missing products?', 'en', { customer_id: 176403 }, true],
    ['is 188331 missing any products this week', 'en', { customer_id: 188331 }, true],
    ['productos del 176403', 'es', { customer_id: 176403 }, false],
    ['clientes del 1370', 'es', { product_id: 1370 }, false],
  ] as const)('%s', (q, lang, ids, skipped) => {
    const u = read(q, lang);
    expect(u.entities).toMatchObject(ids);
    expect(u.entities.product_id === undefined || 'product_id' in ids).toBe(true);
    expect(u.entities.customer_id === undefined || 'customer_id' in ids).toBe(true);
    expect(u.skipped ?? false).toBe(skipped);
  });
});

describe('guards: a singular noun, a year, data still keep their meaning', () => {
  it.each([
    ['ventas del producto 176403', 'es', { product_id: 176403 }],
    ['ventas del cliente 1370', 'es', { customer_id: 1370 }],
    ['sales of product 11262', 'en', { product_id: 11262 }],
    ['top productos del 2024', 'es', { period: { from: '2024-01-01', to: '2024-12-31' } }],
    ['que productos le faltan al 176403', 'es', { customer_id: 176403 }],
  ] as const)('%s', (q, lang, entities) => {
    expect(read(q, lang).entities).toMatchObject(entities);
  });

  it('missing data is still no product left out', () => {
    expect(read('what data is missing for products', 'en').skipped).toBeUndefined();
  });
});
