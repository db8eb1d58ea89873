import { describe, expect, it } from 'vitest';
import { helpText } from '../src/chat/examples.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';
import { chatNumber, chatPercent, daysAfter, useChatServer } from './chat-server.ts';

// "Slow movers", "average order size", "what % of customers are restaurants?" and "customer X's top
// brand" got the best sellers, "I cannot answer that" or the customer's basket: each now has its
// answer, checked against SQL over the same store.
const server = useChatServer();

const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/** The last Monday–Sunday week that ends on or before `day`. */
const lastFullWeek = (day: string) => {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const sunday = weekday === 6 ? day : daysAfter(day, -weekday - 1);
  return { from: daysAfter(sunday, -6), to: sunday };
};

/**
 * Products sold in [from, to] or in the 12 weeks before it, by their net units in [from, to] (none
 * counts as 0), then buyers, then the oldest last sale: the slowest first.
 */
const slowest = async (from: string, to: string) =>
  (
    await sql(
      `SELECT product_id::DOUBLE AS product,
              coalesce(sum(items) FILTER (WHERE purchase_date >= DATE '${from}'), 0)::DOUBLE AS units,
              count(DISTINCT customer_id) FILTER (WHERE purchase_date >= DATE '${from}' AND items > 0)::DOUBLE AS buyers,
              max(purchase_date) FILTER (WHERE items > 0) AS last
       FROM transactions WHERE purchase_date >= DATE '${from}' - 84 AND purchase_date < DATE '${to}' + 1
       GROUP BY 1 HAVING max(items) > 0 ORDER BY round(units, 6), buyers, last, product`,
    )
  ).map((r) => ({ product: String(r.product), units: Number(r.units), buyers: Number(r.buyers) }));

describe('slow movers', () => {
  it.each([
    ['slow movers', 'en'],
    ['which products are not selling?', 'en'],
    ['¿qué productos no se venden?', 'es'],
    ['productos que se mueven poco', 'es'],
    ['what sells the least?', 'en'],
    ['least popular products last month', 'en'],
    ['¿cuáles son los productos menos vendidos?', 'es'],
    ['productos con baja rotación', 'es'],
    ['lo que menos se vende', 'es'],
    ['¿qué productos se vendieron menos el mes pasado?', 'es'],
    ['dead stock', 'en'],
  ])('"%s" lists the slowest products (%s)', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'slow_movers', lang);
  });

  it('"slow movers" lists the products with the fewest units in the last 4 weeks, lowest first', async () => {
    const r = await ask('slow movers');
    const expected = (await slowest(daysAfter(server().lastDay, -27), server().lastDay)).slice(0, 5);
    expect(tableColumn(r, 1)).toEqual(expected.map((x) => x.product));
    expect(tableColumn(r, 3)).toEqual(expected.map((x) => chatNumber(x.units, 'en', 1)));
    expect(r.table!.columns).toEqual(['#', 'Product', 'Description', 'Units', 'Customers', 'Last sale']);
    expect(r.answer).toMatch(/^The slowest products the last 4 weeks \(/);
  });

  it('"¿qué productos no se vendieron ayer?" puts first the products that sold before but not that day', async () => {
    const day = server().lastDay;
    const expected = await slowest(day, day);
    const unsold = expected.filter((x) => x.buyers === 0);
    expect(unsold.length).toBeGreaterThan(0);
    const r = await ask('¿qué productos no se vendieron ayer?');
    expect(r.intent).toBe('slow_movers');
    expect(tableColumn(r, 1).slice(0, 5)).toEqual(expected.slice(0, 5).map((x) => x.product));
    expect(r.data.unsold).toBe(unsold.length);
    expect(r.answer).toMatch(
      new RegExp(
        `\\b${unsold.length} productos? que ya se hab[ií]an? vendido antes no (?:tuvo|tuvieron) ventas`,
      ),
    );
    expect(r.answer).toContain('sin ventas');
  });

  it('"which brands are not selling?" ranks brands the same way', async () => {
    const r = await ask('which brands are not selling?');
    expect(r.entities.group_by).toBe('brand');
    const from = daysAfter(server().lastDay, -27);
    const brands = await sql(
      `SELECT p.brand AS brand, coalesce(sum(t.items) FILTER (WHERE t.purchase_date >= DATE '${from}'), 0)::DOUBLE AS units,
              count(DISTINCT t.customer_id) FILTER (WHERE t.purchase_date >= DATE '${from}' AND t.items > 0)::DOUBLE AS buyers,
              max(t.purchase_date) FILTER (WHERE t.items > 0) AS last
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date >= DATE '${from}' - 84 AND t.purchase_date < DATE '${server().lastDay}' + 1
             AND p.brand IS NOT NULL
       GROUP BY 1 HAVING max(t.items) > 0 ORDER BY round(units, 6), buyers, last, brand LIMIT 5`,
    );
    expect(tableColumn(r, 1)).toEqual(brands.map((b) => String(b.brand)));
  });
});

describe('average order size', () => {
  /** Orders, lines and net units of the transactions in [from, to]. */
  const orders = async (from: string, to: string, extra = 'TRUE') => {
    const [r] = await sql(
      `SELECT count(DISTINCT order_id)::DOUBLE AS orders, count(*)::DOUBLE AS lines, sum(items)::DOUBLE AS units
       FROM transactions WHERE purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1 AND ${extra}`,
    );
    return { orders: Number(r!.orders), lines: Number(r!.lines), units: Number(r!.units) };
  };

  it.each([
    ['average order size', 'en'],
    ['¿cuál es el tamaño promedio de pedido?', 'es'],
    ['ticket promedio', 'es'],
    ['how many units per order?', 'en'],
    ['¿cuántas unidades trae un pedido en promedio?', 'es'],
    ['what is our average basket size?', 'en'],
    ['pedido medio', 'es'],
  ])('"%s" gives units and lines per order over the last complete week (%s)', async (q, lang) => {
    const r = await ask(q);
    const week = lastFullWeek(server().lastDay);
    const x = await orders(week.from, week.to);
    expectAnsweredAs(q, r, 'order_size', lang);
    expect(r.data).toMatchObject({ orders: x.orders, lines: x.lines });
    expect(r.data.units_per_order).toBeCloseTo(x.units / x.orders, 6);
    expect(r.data.lines_per_order).toBeCloseTo(x.lines / x.orders, 6);
    expect(r.answer).toContain(chatNumber(x.units / x.orders, lang as 'es' | 'en', 1));
    expect(r.answer).toContain(chatNumber(x.lines / x.orders, lang as 'es' | 'en', 1));
    expect(r.answer).toContain(chatNumber(x.orders, lang as 'es' | 'en'));
  });

  it('keeps to the period named and to one customer', async () => {
    const r = await ask('average order size last month');
    const { from, to } = r.entities.period!;
    const x = await orders(from, to);
    expect(r.data.orders).toBe(x.orders);
    expect(r.data.units_per_order).toBeCloseTo(x.units / x.orders, 6);

    // One customer's orders are few in a week: the last 12 weeks unless a period is named.
    const c = await ask('¿cuántas unidades por pedido compra el cliente 100001 en promedio?');
    expect(c.intent).toBe('order_size');
    expect(c.entities.customer_id).toBe(100001);
    const mine = await orders(daysAfter(server().lastDay, -83), server().lastDay, 'customer_id = 100001');
    expect(mine.orders).toBeGreaterThan(0);
    expect(c.data.orders).toBe(mine.orders);
    expect(c.data.units_per_order).toBeCloseTo(mine.units / mine.orders, 6);
    expect(c.answer).toContain('cliente 100001');
  });
});

describe('share of customers by type', () => {
  const types = async () =>
    new Map(
      (await sql(`SELECT customer_type AS t, count(*)::DOUBLE AS n FROM customers GROUP BY 1`)).map((r) => [
        String(r.t),
        Number(r.n),
      ]),
    );

  it.each([
    ['what % of customers are restaurants?', 'RESTAURANT', 'en', 'restaurants'],
    ['¿qué porcentaje de clientes son restaurantes?', 'RESTAURANT', 'es', 'restaurantes'],
    ['what share of our customers are wholesalers?', 'MAYORISTA', 'en', 'wholesalers'],
    ['¿qué proporción de los clientes son mayoristas?', 'MAYORISTA', 'es', 'mayoristas'],
    ['cuántos de nuestros clientes son almacenes, en porcentaje', 'ABARROTES', 'es', 'almacenes'],
  ])('"%s" gives the count and share of %s', async (q, type, lang, words) => {
    const r = await ask(q);
    const byType = await types();
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    const n = byType.get(type)!;
    expect({ q, intent: r.intent, lang: r.lang, type: r.entities.customer_type }).toEqual({
      q,
      intent: 'customer_mix',
      lang,
      type,
    });
    expect(r.data).toMatchObject({ customer_type: type, customers: n, total });
    expect(r.answer).toContain(`${chatNumber(n, lang as 'es' | 'en')} `);
    expect(r.answer).toContain(chatNumber(total, lang as 'es' | 'en'));
    expect(r.answer).toContain(chatPercent(n / total, lang as 'es' | 'en'));
    expect(r.answer).toContain(words);
  });

  it.each(['¿cuántos clientes hay de cada tipo?', 'customer mix by type'])(
    '"%s" lists every type with its share',
    async (q) => {
      const r = await ask(q);
      const byType = await types();
      expect(r.intent).toBe('customer_mix');
      expect(r.table!.rows).toHaveLength(byType.size);
      const counts = r.table!.rows.map((row) => Number(row[1]!.replace(/[.,\s]/g, '')));
      expect(counts.reduce((a, b) => a + b, 0)).toBe([...byType.values()].reduce((a, b) => a + b, 0));
    },
  );
});

describe("a customer's top brands", () => {
  /** Brands by net units customer 100001 bought in [from, to], the most first. */
  const brands = async (from: string, to: string) =>
    (
      await sql(
        `SELECT p.brand AS brand, sum(t.items)::DOUBLE AS units
         FROM transactions t JOIN products p USING (product_id)
         WHERE t.customer_id = 100001 AND t.purchase_date >= DATE '${from}' AND t.purchase_date < DATE '${to}' + 1
         GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY round(units, 6) DESC, brand`,
      )
    ).map((r) => ({ brand: String(r.brand), units: Number(r.units) }));

  it.each([
    ["what is customer 100001's top brand?", 'en'],
    ['¿cuál es la marca favorita del cliente 100001?', 'es'],
    ['which brands does customer 100001 buy the most?', 'en'],
    ['¿qué marcas compra más el 100001?', 'es'],
    ['marcas preferidas del cliente 100001', 'es'],
  ])('"%s" ranks the brands 100001 bought in the last 12 weeks (%s)', async (q, lang) => {
    const r = await ask(q);
    const expected = await brands(daysAfter(server().lastDay, -83), server().lastDay);
    expect(expected.length).toBeGreaterThan(0);
    expect({
      q,
      intent: r.intent,
      lang: r.lang,
      by: r.entities.group_by,
      customer: r.entities.customer_id,
    }).toEqual({ q, intent: 'top_products', lang, by: 'brand', customer: 100001 });
    expect(tableColumn(r, 1)).toEqual(expected.slice(0, 5).map((x) => x.brand));
    const data = r.data.brands as { brand: string; units: number }[];
    data.forEach((b, i) => expect(b.units).toBeCloseTo(expected[i]!.units, 6));
    expect(r.answer).toContain('100001');
    expect(r.answer).toContain(expected[0]!.brand);
  });

  it('keeps to a period named', async () => {
    const r = await ask('¿cuál fue la marca favorita del cliente 100001 en marzo?');
    expect(r.entities.period).toMatchObject({ from: '2024-03-01', to: '2024-03-31' });
    const expected = await brands('2024-03-01', '2024-03-31');
    expect(tableColumn(r, 1)).toEqual(expected.slice(0, 5).map((x) => x.brand));
  });
});

describe('the help answer', () => {
  it('names slow movers, favorite brands, the order size and the customer types in both languages', () => {
    expect(helpText('es')).toMatch(
      /sus marcas favoritas.*los que menos se venden.*el tamaño promedio de pedido, cuántos clientes hay de cada tipo/,
    );
    expect(helpText('en')).toMatch(
      /their favorite brands.*the slow movers.*the average order size, the share of each type of customer/,
    );
  });
});
