import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "¿Cuántos productos distintos vendemos?" right after a question about a brand kept the brand (and
// read "vendemos" as the brand's units): a count that says something of its own about the whole
// business is a new question; one that points back ("esa marca", "those", "¿y cuántos son?") still
// counts within the previous answer.
const server = useChatServer();
let session = 0;
const newSession = () => `whole-count-${String(session++).padStart(4, '0')}`;

let brand = '';
beforeAll(async () => {
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  brand = String(b!.brand);
});

async function count(sql: string): Promise<number> {
  const [r] = await queryRows(server().fx.store.connection, `SELECT (${sql})::DOUBLE AS n`);
  return Number(r!.n);
}

const BEFORE = [
  '¿cuánto vendió la marca {b} el mes pasado?',
  'top products of brand {b}',
  'best customers of brand {b} last week',
  '¿qué le ofrezco al cliente 100026?',
];

describe('a count of the whole business after a question about a brand or customer', () => {
  it.each([
    ['¿cuántos productos distintos vendemos?', 'count_products', 'es'],
    ['how many products do we have?', 'count_products', 'en'],
    ['how many different products do we sell?', 'count_products', 'en'],
    ['¿cuántos productos hay en el catálogo?', 'count_products', 'es'],
    ['¿cuántos clientes tenemos?', 'count_customers', 'es'],
    ['how many customers are there in total?', 'count_customers', 'en'],
    ['cuantos articulos diferentes manejamos', 'count_products', 'es'],
  ] as const)('"%s" counts them all, without the earlier filter', async (q, intent, lang) => {
    const total =
      intent === 'count_products'
        ? await count('SELECT count(*) FROM products')
        : await count('SELECT count(*) FROM customers');
    for (const before of BEFORE) {
      const sid = newSession();
      await server().inSession(before.replace('{b}', brand), sid);
      const r = await server().inSession(q, sid);
      expect({
        q,
        before,
        intent: r.intent,
        brand: r.entities.brand,
        customer: r.entities.customer_id,
      }).toEqual({
        q,
        before,
        intent,
        brand: undefined,
        customer: undefined,
      });
      expect(r.answer).toContain(chatNumber(total, lang));
    }
  });

  it.each([
    ['¿cuántos productos tiene esa marca?', 'count_products'],
    ['how many products does that brand have?', 'count_products'],
    ['¿y cuántos productos son?', 'count_products'],
    ['how many customers is that?', 'count_customers'],
    ['¿cuántos clientes son?', 'count_customers'],
    ['¿cuántos son?', 'count_products'],
  ] as const)('"%s" still counts within the brand asked before', async (q, intent) => {
    const sid = newSession();
    await server().inSession(`lo más vendido de la marca ${brand}`, sid);
    const r = await server().inSession(q, sid);
    expect({ q, intent: r.intent, brand: r.entities.brand }).toEqual({ q, intent, brand });
  });
});
