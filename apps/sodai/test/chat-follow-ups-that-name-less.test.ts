import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data in one conversation: after a question about customer 181101, "¿qué marcas
// compra?" and "¿qué productos pide?" were refused and "¿y sus marcas favoritas?" gave his history;
// after "ventas de la marca 24 este mes", "¿y la 31?" listed 31 rows of brand 24; after a ranking,
// "solo restaurantes" was refused. A question about "him" is now asked of the customer before, a
// number alone after a brand is that brand, and "solo / only …" narrows the question before.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly entities: {
    readonly customer_id?: number;
    readonly brand?: string;
    readonly customer_type?: string;
    readonly group_by?: string;
    readonly count?: number;
    readonly period?: { readonly from: string; readonly to: string };
  };
}

const conversation = () => {
  const sid = `follow-${randomUUID()}`;
  return (q: string) => server().inSession<Reply>(q, sid);
};

/** Two customers with purchases, and two brands whose names end in a number. */
async function someOfEach() {
  const c = server().fx.store.connection;
  const customers = await queryRows(
    c,
    'SELECT customer_id FROM transactions GROUP BY 1 ORDER BY count(*) DESC LIMIT 2',
  );
  const brands = await queryRows(
    c,
    `SELECT p.brand FROM transactions t JOIN products p USING (product_id)
     WHERE regexp_matches(p.brand, ' [0-9]+$') GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`,
  );
  return {
    customers: customers.map((r) => Number(r.customer_id)),
    brands: brands.map((r) => String(r.brand)),
  };
}

describe('follow-ups that name less than they ask', () => {
  it.each([
    ['¿qué marcas compra?', 'top_products', 'brand'],
    ['¿y sus marcas favoritas?', 'top_products', 'brand'],
    ['¿qué marca prefiere?', 'top_products', 'brand'],
    ['what brands does he buy?', 'top_products', 'brand'],
  ])('after a customer, %s is asked of him', async (question, intent, groupBy) => {
    const { customers } = await someOfEach();
    const ask = conversation();
    await ask(`¿cuándo fue la última compra del cliente ${customers[0]}?`);
    const r = await ask(question);
    expect(r.intent).toBe(intent);
    expect(r.entities.customer_id).toBe(customers[0]);
    expect(r.entities.group_by).toBe(groupBy);
  });

  it('asks "what does he buy" of the customer before, and leaves a question about others alone', async () => {
    const { customers } = await someOfEach();
    const ask = conversation();
    await ask(`what did customer ${customers[1]} buy in march?`);
    const products = await ask('¿qué productos pide?');
    expect(products.entities.customer_id).toBe(customers[1]);
    const others = await ask('¿qué clientes compran más?');
    expect(others.intent).toBe('top_customers');
    expect(others.entities.customer_id).toBeUndefined();
  });

  it('reads a number alone after a brand as another brand', async () => {
    const { brands } = await someOfEach();
    const [first, second] = brands as [string, string];
    const number = second.split(' ').at(-1)!;
    const ask = conversation();
    const before = await ask(`ventas de la marca ${first.split(' ').at(-1)} en abril`);
    expect(before.entities.brand).toBe(first);
    const r = await ask(`¿y la ${number}?`);
    expect(r.intent).toBe(before.intent);
    expect(r.entities.brand).toBe(second);
    expect(r.entities.count).toBeUndefined();
    expect(r.entities.period).toEqual(before.entities.period);
    const en = await ask(`and ${first.split(' ').at(-1)}?`);
    expect(en.entities.brand).toBe(first);
  });

  it.each([
    ['solo restaurantes', 'RESTAURANT'],
    ['only wholesalers', 'MAYORISTA'],
    ['pero solo los mayoristas', 'MAYORISTA'],
  ])('narrows the question before with "%s"', async (narrowing, type) => {
    const ask = conversation();
    const before = await ask('top 5 productos de abril');
    const r = await ask(narrowing);
    expect(r.intent).toBe(before.intent);
    expect(r.entities.customer_type).toBe(type);
    expect(r.entities.period).toEqual(before.entities.period);
    expect(r.entities.count).toBe(5);
  });
});
