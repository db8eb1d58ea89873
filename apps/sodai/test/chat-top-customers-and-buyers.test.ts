import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// "Best customers" and "who bought product X" were answered with best-selling products and a
// product's trend: each now has its own answer, checked against SQL over the same store.
const server = useChatServer();
/** The product bought by the most customers in the last four weeks of data. */
let product: number;

interface Reply {
  intent: string;
  answered: boolean;
  answer: string;
  entities: { period?: { from: string; to: string }; customer_type?: string; product_id?: number };
  based_on: string[];
  table?: { columns: string[]; rows: string[][] };
  data: Record<string, unknown>;
}

const ask = (message: string) => server().ask<Reply>(message);

/** Customers by net units over [from, to], optionally of one type or for one product. */
const ranked = async (from: string, to: string, extra = 'TRUE') =>
  (
    await queryRows(
      server().fx.store.connection,
      `SELECT t.customer_id::DOUBLE AS customer, sum(t.items)::DOUBLE AS units,
              count(DISTINCT t.order_id)::DOUBLE AS orders, max(t.purchase_date)::DATE::VARCHAR AS last
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE t.purchase_date >= DATE '${from}' AND t.purchase_date < DATE '${to}' + 1 AND ${extra}
       GROUP BY t.customer_id HAVING sum(t.items) > 0 ORDER BY units DESC, customer`,
    )
  ).map((r) => ({
    customer: Number(r.customer),
    units: Number(r.units),
    orders: Number(r.orders),
    last: String(r.last),
  }));

const fourWeeksFrom = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 27);
  return d.toISOString().slice(0, 10);
};
const idsOf = (r: Reply) => (r.table?.rows ?? []).map((row) => Number(row[1]));
const unitsOf = (r: Reply) => (r.table?.rows ?? []).map((row) => Number(row[3]!.replace(/[.,\s]/g, '')));

beforeAll(async () => {
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT product_id::DOUBLE AS p FROM transactions
     WHERE purchase_date >= DATE '${fourWeeksFrom(server().lastDay)}'
     GROUP BY product_id ORDER BY count(DISTINCT customer_id) DESC, product_id LIMIT 1`,
  );
  product = Number(top!.p);
});

describe('top customers', () => {
  it.each([
    'dame los 3 mejores clientes',
    'best customers this year',
    '¿quiénes son los clientes que más compran?',
    'top 10 customers last month',
    'mejores clientes de tipo restaurante',
    'who are our biggest customers?',
    '¿qué clientes compraron más el mes pasado?',
    'which customers buy the most cans?',
    'ranking de clientes',
  ])('"%s" ranks customers', async (q) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, answered: r.answered }).toEqual({
      q,
      intent: 'top_customers',
      answered: true,
    });
  });

  it('"dame los 3 mejores clientes" lists the 3 customers with the most units in the last 4 weeks', async () => {
    const r = await ask('dame los 3 mejores clientes');
    const expected = (await ranked(fourWeeksFrom(server().lastDay), server().lastDay)).slice(0, 3);
    expect(idsOf(r)).toEqual(expected.map((x) => x.customer));
    expect(unitsOf(r)).toEqual(expected.map((x) => Math.round(x.units)));
    expect(r.table!.rows.map((row) => Number(row[4]))).toEqual(expected.map((x) => x.orders));
    expect(r.table!.columns).toEqual(['#', 'Cliente', 'Tipo', 'Unidades', 'Pedidos']);
    expect(r.based_on[0]).toMatch(/^las últimas 4 semanas \(/);
    expect(r.based_on).toContain('unidades compradas (devoluciones descontadas)');
  });

  it('"top 10 customers last month" ranks over the period understood, in English', async () => {
    const r = await ask('top 10 customers last month');
    const { from, to } = r.entities.period!;
    const expected = (await ranked(from, to)).slice(0, 10);
    expect(expected.length).toBe(10);
    expect(idsOf(r)).toEqual(expected.map((x) => x.customer));
    expect(unitsOf(r)).toEqual(expected.map((x) => Math.round(x.units)));
    expect(r.table!.columns).toEqual(['#', 'Customer', 'Type', 'Units', 'Orders']);
    expect(r.based_on).toContain('units bought (returns deducted)');
    expect(r.answer).toMatch(/^Best customers /);
  });

  it('"mejores clientes de tipo restaurante" keeps to restaurants', async () => {
    const r = await ask('mejores clientes de tipo restaurante');
    expect(r.entities.customer_type).toBe('RESTAURANT');
    const expected = (
      await ranked(fourWeeksFrom(server().lastDay), server().lastDay, "c.customer_type = 'RESTAURANT'")
    ).slice(0, 5);
    expect(idsOf(r)).toEqual(expected.map((x) => x.customer));
    expect(r.table!.rows.every((row) => row[2] === 'restaurante')).toBe(true);
    expect(r.based_on).toContain('restaurantes');
  });
});

describe('who bought a product', () => {
  it.each([
    'who bought product P recently?',
    '¿quién compró el P la semana pasada?',
    '¿qué clientes compraron el producto P en diciembre?',
    'which customers ordered P last month',
    'quienes pidieron el producto P',
    'clientes que compraron el P',
    'who buys the most of product P?',
  ])('"%s" lists its buyers (P: the product most customers bought lately)', async (phrasing) => {
    const q = phrasing.replace('P', String(product));
    const r = await ask(q);
    expect({ q, intent: r.intent, product: r.entities.product_id }).toEqual({
      q,
      intent: 'product_buyers',
      product,
    });
    expect(r.answered).toBe(true);
  });

  it('lists the buyers of the last 4 weeks, largest first, with units and last purchase', async () => {
    const r = await ask(`who bought product ${product} recently?`);
    const expected = await ranked(
      fourWeeksFrom(server().lastDay),
      server().lastDay,
      `t.product_id = ${product}`,
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(idsOf(r)).toEqual(expected.slice(0, 5).map((x) => x.customer));
    expect(unitsOf(r)).toEqual(expected.slice(0, 5).map((x) => Math.round(x.units)));
    expect(r.table!.columns).toEqual(['#', 'Customer', 'Type', 'Units', 'Last purchase']);
    expect(r.data).toMatchObject({ product, buyers: expected.length });
    expect(r.answer).toContain(String(expected.length));
    expect(r.based_on[0]).toMatch(/^the last 4 weeks \(/);
  });

  it('"¿quién compró el … la semana pasada?" keeps to the week understood', async () => {
    const r = await ask(`¿quién compró el ${product} la semana pasada?`);
    const { from, to } = r.entities.period!;
    const expected = await ranked(from, to, `t.product_id = ${product}`);
    expect(r.data).toMatchObject({ buyers: expected.length });
    expect(idsOf(r)).toEqual(expected.slice(0, 5).map((x) => x.customer));
    expect(r.table!.columns).toEqual(['#', 'Cliente', 'Tipo', 'Unidades', 'Última compra']);
  });
});

describe('neighbouring questions keep their answers', () => {
  it.each([
    ['top productos', 'top_products'],
    ['¿qué le ofrezco al 100001?', 'recommend'],
    ['what do restaurant customers buy the most?', 'top_products'],
    ['¿qué productos compran más los restaurantes?', 'top_products'],
    ['¿qué marcas se venden más?', 'top_products'],
    ['¿qué compró el cliente 100001 el último mes?', 'customer_history'],
    ['¿cuántos clientes tipo restaurante hay?', 'count_customers'],
  ])('"%s" stays %s', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it('asking who will buy a product next week stays a prediction', async () => {
    expect((await ask(`¿qué clientes comprarán el producto ${product} la próxima semana?`)).intent).toBe(
      'likely_buyers',
    );
    expect((await ask(`¿a quién le vendo el ${product}?`)).intent).toBe('likely_buyers');
  });
});
