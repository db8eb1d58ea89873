import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// "Which brands are growing?" got the total weekly trend and "productos nuevos" no answer: each now
// has its own answer, checked against SQL over the same store.
const server = useChatServer();

interface Reply {
  intent: string;
  answered: boolean;
  answer: string;
  entities: {
    period?: { from: string; to: string };
    group_by?: string;
    direction?: string;
    package?: string;
    customer_type?: string;
  };
  based_on: string[];
  table?: { columns: string[]; rows: string[][] };
  data: Record<string, unknown>;
}

const ask = (message: string) => server().ask<Reply>(message);

const shift = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const within = (from: string, to: string) =>
  `t.purchase_date >= DATE '${from}' AND t.purchase_date < DATE '${to}' + 1`;

/** Products or brands by the change in units from [prevFrom, from - 1] to [from, to], at least 10 units once. */
const movers = async (
  grain: 'product' | 'brand',
  from: string,
  to: string,
  down: boolean,
  extra = 'TRUE',
) => {
  const prevFrom = shift(from, -(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1));
  const key = grain === 'brand' ? 'p.brand' : 't.product_id::DOUBLE';
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT * FROM (
       SELECT ${key} AS item,
              coalesce(sum(t.items) FILTER (WHERE ${within(from, to)}), 0)::DOUBLE AS now_units,
              coalesce(sum(t.items) FILTER (WHERE ${within(prevFrom, shift(from, -1))}), 0)::DOUBLE AS before_units
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE ${within(prevFrom, to)} AND ${extra} AND p.brand IS NOT NULL
       GROUP BY 1)
     WHERE greatest(now_units, before_units) >= 10 AND now_units ${down ? '<' : '>'} before_units
     ORDER BY now_units - before_units ${down ? 'ASC' : 'DESC'}, item`,
  );
  return rows.map((r) => ({
    item: String(r.item),
    now: Number(r.now_units),
    before: Number(r.before_units),
  }));
};

/** Products first sold in [from, to], largest first, with buyers and units up to the end of the data. */
const newProducts = async (from: string, to: string) =>
  (
    await queryRows(
      server().fx.store.connection,
      `WITH f AS (SELECT product_id, min(purchase_date) AS first FROM transactions WHERE items > 0 GROUP BY 1)
       SELECT t.product_id::DOUBLE AS product, any_value(f.first)::DATE::VARCHAR AS first,
              count(DISTINCT t.customer_id)::DOUBLE AS buyers, sum(t.items)::DOUBLE AS units
       FROM transactions t JOIN f USING (product_id)
       WHERE f.first >= DATE '${from}' AND f.first < DATE '${to}' + 1
       GROUP BY 1 ORDER BY units DESC, first, product`,
    )
  ).map((r) => ({
    product: Number(r.product),
    first: String(r.first),
    buyers: Number(r.buyers),
    units: Number(r.units),
  }));

const cells = (r: Reply, column: number) => (r.table?.rows ?? []).map((row) => row[column]!);
const numbers = (r: Reply, column: number) => cells(r, column).map((c) => Number(c.replace(/[.,\s]/g, '')));

describe('movers', () => {
  it.each([
    ['which brands are growing?', 'brand', 'up'],
    ['which products are declining?', undefined, 'down'],
    ['¿qué productos están creciendo?', undefined, 'up'],
    ['¿qué marcas bajaron este mes?', 'brand', 'down'],
    ['top movers', undefined, 'up'],
    ['¿qué productos caen más?', undefined, 'down'],
    ['what brands dropped last month?', 'brand', 'down'],
    ['¿cuáles productos subieron la semana pasada?', undefined, 'up'],
  ])('"%s" ranks movers (grain %s, %s)', async (q, grain, direction) => {
    const r = await ask(q);
    expect({
      q,
      intent: r.intent,
      answered: r.answered,
      group_by: r.entities.group_by,
      direction: r.entities.direction ?? 'up',
    }).toEqual({ q, intent: 'movers', answered: true, group_by: grain, direction });
  });

  it('"¿qué productos están creciendo?" ranks the last 4 weeks against the 4 before, by the change in units', async () => {
    const r = await ask('¿qué productos están creciendo?');
    const from = shift(server().lastDay, -27);
    const expected = (await movers('product', from, server().lastDay, false)).slice(0, 5);
    expect(expected.length).toBeGreaterThan(0);
    expect(cells(r, 1)).toEqual(expected.map((x) => x.item));
    expect(numbers(r, 2)).toEqual(expected.map((x) => Math.round(x.now)));
    expect(numbers(r, 3)).toEqual(expected.map((x) => Math.round(x.before)));
    expect(r.table!.columns).toEqual(['#', 'Producto', 'Unidades ahora', 'Unidades antes', 'Cambio']);
    expect(r.based_on[0]).toMatch(/^las últimas 4 semanas \(/);
    expect(r.based_on).toContain('solo productos con al menos 10 unidades en alguno de los dos períodos');
    expect(r.answer).toMatch(
      /^Los productos que más crecieron las últimas 4 semanas .* frente al período anterior/,
    );
    expect(cells(r, 4).every((c) => c.startsWith('+'))).toBe(true);
  });

  it('"which brands are declining?" ranks brands, biggest fall first, in English', async () => {
    const r = await ask('which brands are declining?');
    const expected = (await movers('brand', shift(server().lastDay, -27), server().lastDay, true)).slice(
      0,
      5,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(cells(r, 1)).toEqual(expected.map((x) => x.item));
    expect(numbers(r, 2)).toEqual(expected.map((x) => Math.round(x.now)));
    expect(numbers(r, 3)).toEqual(expected.map((x) => Math.round(x.before)));
    expect(r.table!.columns).toEqual(['#', 'Brand', 'Units now', 'Units before', 'Change']);
    expect(cells(r, 4).every((c) => c.startsWith('-'))).toBe(true);
    expect(r.answer).toMatch(/^The brands that fell the most /);
  });

  it('keeps to the period and the filters asked: "¿qué productos de restaurantes cayeron el mes pasado?"', async () => {
    const r = await ask('¿qué productos cayeron más en restaurantes el mes pasado?');
    expect(r.intent).toBe('movers');
    expect(r.entities.customer_type).toBe('RESTAURANT');
    const { from, to } = r.entities.period!;
    const expected = (await movers('product', from, to, true, "c.customer_type = 'RESTAURANT'")).slice(0, 5);
    expect(cells(r, 1)).toEqual(expected.map((x) => x.item));
    expect(numbers(r, 2)).toEqual(expected.map((x) => Math.round(x.now)));
    expect(r.based_on).toContain('restaurantes');
  });

  it('"show more" continues the list', async () => {
    const first = await server().app.inject({
      method: 'POST',
      url: '/chat',
      payload: { message: 'which products are declining?', session_id: 'movers-more' },
    });
    const more = (
      await server().app.inject({
        method: 'POST',
        url: '/chat',
        payload: { message: 'show more', session_id: 'movers-more' },
      })
    ).json<Reply>();
    const expected = await movers('product', shift(server().lastDay, -27), server().lastDay, true);
    expect(expected.length).toBeGreaterThan(5);
    expect(first.json<Reply>().intent).toBe('movers');
    expect(more.intent).toBe('movers');
    expect(cells(more, 1)).toEqual(expected.slice(5, 10).map((x) => x.item));
  });
});

describe('new products', () => {
  it.each([
    'productos nuevos',
    "what's new this week?",
    'new products',
    '¿qué productos se lanzaron este mes?',
    '¿hay novedades en el catálogo?',
    'any new products last month?',
    '¿qué productos nuevos hay?',
    'new launches this year',
  ])('"%s" lists new products', async (q) => {
    const r = await ask(q);
    expect({ q, intent: r.intent, answered: r.answered }).toEqual({
      q,
      intent: 'new_products',
      answered: true,
    });
  });

  it('lists the products first sold in the period, largest first, with first sale, buyers and units', async () => {
    const r = await ask('new products this year');
    const { from, to } = r.entities.period!;
    const expected = await newProducts(from, to);
    expect(r.data.found).toBe(expected.length);
    expect(cells(r, 1).map(Number)).toEqual(expected.slice(0, 5).map((x) => x.product));
    expect(numbers(r, 4)).toEqual(expected.slice(0, 5).map((x) => x.buyers));
    expect(numbers(r, 5)).toEqual(expected.slice(0, 5).map((x) => Math.round(x.units)));
    expect(r.table!.columns).toEqual(['#', 'Product', 'Description', 'First sale', 'Customers', 'Units']);
  });

  it('defaults to the last 4 weeks, in Spanish', async () => {
    const r = await ask('productos nuevos');
    const expected = await newProducts(shift(server().lastDay, -27), server().lastDay);
    expect(r.data.found).toBe(expected.length);
    expect(cells(r, 1).map(Number)).toEqual(expected.slice(0, 5).map((x) => x.product));
    expect(r.based_on[0]).toMatch(/^las últimas 4 semanas \(/);
  });

  it('says so plainly when nothing was new', async () => {
    const r = await ask('productos nuevos la semana pasada');
    const { from, to } = r.entities.period!;
    expect(await newProducts(from, to)).toEqual([]);
    expect(r.answer).toMatch(/^No hubo productos nuevos /);
    expect(r.data.found).toBe(0);
  });
});

describe('neighbouring questions keep their answers', () => {
  it.each([
    ['¿cómo van las ventas?', 'sales_trend'],
    ['¿están creciendo las ventas?', 'sales_trend'],
    ['how are sales trending?', 'sales_trend'],
    ['top productos', 'top_products'],
    ['¿qué marcas se venden más?', 'top_products'],
    ['¿cuántos productos hay?', 'count_products'],
  ])('"%s" stays %s', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it("a product's trend stays sales_trend", async () => {
    const [p] = await queryRows(
      server().fx.store.connection,
      'SELECT min(product_id)::DOUBLE AS p FROM transactions',
    );
    expect((await ask(`sales trend for product ${Number(p!.p)}`)).intent).toBe('sales_trend');
    expect((await ask(`¿el producto ${Number(p!.p)} está creciendo?`)).intent).toBe('sales_trend');
  });
});
