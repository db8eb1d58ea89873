import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// A customer's history said "hizo 1 pedidos: 1 líneas … de 1 productos distintos" and the catalogue
// "There are 1 products": counts of one now take the singular, verbs included, in both languages.
const server = useChatServer();

const ask = (message: string, lang: 'es' | 'en') => server().ask(message, lang);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/** "1" followed by a plural noun: what no answer may say. */
const ONE_PLURAL =
  /(?<![\d.,])1 (?:productos|clientes|pedidos|líneas|unidades|semanas|días|marcas|filas|veces|minimarkets|supermercados|products|customers|orders|lines|units|weeks|days|brands|rows|times|minimarkets|supermarkets)\b/;

/** A customer, a brand, and one product of that brand the customer bought once, in one line. */
const oneOfABrand = async () => {
  const [r] = await sql(
    `SELECT t.customer_id::VARCHAR AS customer, p.brand AS brand, any_value(t.product_id)::VARCHAR AS product
     FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1, 2 HAVING count(DISTINCT t.product_id) = 1 AND count(DISTINCT t.order_id) = 1 AND count(*) = 1
     ORDER BY 1, 2 LIMIT 1`,
  );
  return { customer: String(r!.customer), brand: String(r!.brand), product: String(r!.product) };
};

describe('counts of one are singular', () => {
  it.each(['es', 'en'] as const)("a customer's history of one order of one product (%s)", async (lang) => {
    const { customer, brand } = await oneOfABrand();
    const r = await ask(
      lang === 'es'
        ? `¿qué compró el cliente ${customer} de la marca ${brand}?`
        : `what did customer ${customer} buy of brand ${brand}?`,
      lang,
    );
    expect(r.intent).toBe('customer_history');
    expect(r.answer).not.toMatch(ONE_PLURAL);
    expect(r.answer).toMatch(
      lang === 'es'
        ? /hizo 1 pedido \(.*\): 1 línea, .* de 1 producto distinto,/
        : /placed 1 order \(.*\): 1 line, .* of 1 different product,/,
    );
  });

  it.each(['es', 'en'] as const)(
    'how often a customer bought a product bought on one day (%s)',
    async (lang) => {
      const { customer, product } = await oneOfABrand();
      const r = await ask(
        lang === 'es'
          ? `¿cada cuánto compra el cliente ${customer} el producto ${product}?`
          : `how often does customer ${customer} buy product ${product}?`,
        lang,
      );
      expect(r.intent).toBe('customer_frequency');
      expect(r.answer).not.toMatch(ONE_PLURAL);
      expect(r.answer).toContain(
        lang === 'es' ? 'en 1 día distinto (1 semana)' : 'on 1 different day (1 week)',
      );
    },
  );

  it.each(['es', 'en'] as const)('a customer type with one customer (%s)', async (lang) => {
    const words: Record<string, { es: [string, string]; en: [string, string] }> = {
      SUPERMERCADO: { es: ['supermercados', 'supermercado'], en: ['supermarkets', 'a supermarket'] },
      MINIMARKET: { es: ['minimarkets', 'minimarket'], en: ['minimarkets', 'a minimarket'] },
      'TIENDA DE CONVENIENCIA': {
        es: ['tiendas de conveniencia', 'tienda de conveniencia'],
        en: ['convenience stores', 'a convenience store'],
      },
      RESTAURANT: { es: ['restaurantes', 'restaurante'], en: ['restaurants', 'a restaurant'] },
    };
    const ones = await sql(
      `SELECT customer_type AS type FROM customers GROUP BY 1 HAVING count(*) = 1 ORDER BY 1`,
    );
    const type = ones.map((r) => String(r.type)).find((t) => t in words);
    expect(type).toBeDefined();
    const [plural, singular] = words[type!]![lang];
    const r = await ask(
      lang === 'es'
        ? `¿qué porcentaje de clientes son ${plural}?`
        : `what percentage of customers are ${plural}?`,
      lang,
    );
    expect(r.intent).toBe('customer_mix');
    expect(r.answer).toMatch(
      lang === 'es'
        ? new RegExp(`^1 de los [\\d.]+ clientes registrados es ${singular} \\(`)
        : new RegExp(`^1 of the [\\d,]+ registered customers is ${singular} \\(`),
    );
    const count = await ask(
      lang === 'es' ? `¿cuántos ${plural} hay?` : `how many ${plural} are there?`,
      lang,
    );
    expect(count.intent).toBe('count_customers');
    expect(count.answer).not.toMatch(ONE_PLURAL);
    expect(count.answer).toMatch(lang === 'es' ? /^Hay 1 \S/ : /^There is 1 /);
  });

  it.each(['es', 'en'] as const)('a package with one product in the catalogue (%s)', async (lang) => {
    const words: Record<string, { es: string; en: string }> = {
      TETRA: { es: 'tetra', en: 'carton' },
      KEG: { es: 'barril', en: 'keg' },
      LATA: { es: 'lata', en: 'can' },
      BOTELLA: { es: 'botella', en: 'bottle' },
    };
    const ones = await sql(`SELECT package FROM products GROUP BY 1 HAVING count(*) = 1 ORDER BY 1`);
    const pack = ones.map((r) => String(r.package)).find((p) => p in words);
    expect(pack).toBeDefined();
    const r = await ask(
      lang === 'es'
        ? `¿cuántos productos ${words[pack!]!.es} hay?`
        : `how many ${words[pack!]!.en} products are there?`,
      lang,
    );
    expect(r.intent).toBe('count_products');
    expect(r.answer).not.toMatch(ONE_PLURAL);
    expect(r.answer).toMatch(
      lang === 'es' ? /^Hay 1 producto en el catálogo/ : /^There is 1 product in the catalogue/,
    );
  });

  it.each(['es', 'en'] as const)("a customer's basket of one week (%s)", async (lang) => {
    const [r0] = await sql(
      `WITH last AS (SELECT max(purchase_date)::DATE AS d FROM transactions),
            week AS (SELECT d - CAST(isodow(d) - 1 AS INTEGER) - 7 AS monday FROM last)
       SELECT customer_id::VARCHAR AS customer FROM transactions, week
       WHERE purchase_date >= monday AND purchase_date < monday + 7
       GROUP BY 1 HAVING sum(items) > 0 ORDER BY 1 LIMIT 1`,
    );
    const customer = String(r0!.customer);
    const r = await ask(
      lang === 'es'
        ? `¿cuál es la canasta habitual del cliente ${customer} la semana pasada?`
        : `what is customer ${customer}'s usual basket last week?`,
      lang,
    );
    expect(r.intent).toBe('customer_basket');
    expect(r.answer).not.toMatch(ONE_PLURAL);
    expect(r.answer).toContain(lang === 'es' ? '(compró en 1 semana)' : '(bought in 1 week)');
  });

  it.each([
    ['mejores clientes minimarket', 'es'],
    ['best minimarket customers', 'en'],
    ['¿qué productos no se vendieron ayer?', 'es'],
    ['which products did not sell yesterday?', 'en'],
    ['productos nuevos del último mes', 'es'],
    ['new products last month', 'en'],
    ['¿qué marcas se vendieron ayer?', 'es'],
    ['which brands sold yesterday?', 'en'],
    ['¿cuántos clientes compraron ayer?', 'es'],
    ['how many customers bought yesterday?', 'en'],
    ['¿qué productos están creciendo?', 'es'],
    ['which products are growing?', 'en'],
  ])('"%s" says no "1" with a plural (%s)', async (q, lang) => {
    const r = await ask(q, lang as 'es' | 'en');
    expect(r.answered).toBe(true);
    expect(r.answer).not.toMatch(ONE_PLURAL);
  });

  it.each([
    ['ventas de hace un día', 'es', 'hace un día'],
    ['ventas de los últimos 1 días', 'es', 'el último día'],
    ['sales 1 day ago', 'en', 'a day ago'],
    ['sales of the last 1 days', 'en', 'the last day'],
  ])('names a period of one day in the singular: "%s"', (q, lang, label) => {
    const vocab: Vocabulary = {
      brands: new Map(),
      customerIds: new Set([100001]),
      productIds: new Set([20230]),
      lastDay: '2024-12-31',
      firstDay: '2024-01-01',
    };
    expect(understand(q, vocab, lang as 'es' | 'en', undefined).entities.period?.label).toBe(label);
  });
});
