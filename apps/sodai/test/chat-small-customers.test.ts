import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "customers who buy little", "¿qué clientes compran poco?", "clientes con menos compras" and
// "smallest customers" got "I cannot answer that": they now rank the customers who bought least,
// among those who bought in the period or the 12 weeks before it, checked against SQL over the store.
const server = useChatServer();

const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/**
 * Customers who bought in [from, to] or the 12 weeks before it, by net units in [from, to] (none is
 * 0), then orders, then the oldest last purchase (or orders first when `by` says so).
 */
const smallest = async (from: string, to: string, where = 'TRUE', by: 'units' | 'orders' = 'units') =>
  (
    await sql(
      `SELECT t.customer_id::VARCHAR AS customer, any_value(c.customer_type) AS type,
              coalesce(sum(t.items) FILTER (WHERE t.purchase_date >= DATE '${from}'), 0)::DOUBLE AS units,
              count(DISTINCT t.order_id) FILTER (WHERE t.purchase_date >= DATE '${from}' AND t.items > 0)::DOUBLE AS orders,
              max(t.purchase_date) FILTER (WHERE t.items > 0) AS last
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE ${where} AND t.purchase_date >= DATE '${from}' - 84 AND t.purchase_date < DATE '${to}' + 1
       GROUP BY t.customer_id HAVING max(t.items) > 0
       ORDER BY ${by === 'units' ? 'round(units, 6), orders' : 'orders, round(units, 6)'}, last, t.customer_id`,
    )
  ).map((r) => ({
    customer: String(r.customer),
    type: String(r.type),
    units: Number(r.units),
    orders: Number(r.orders),
  }));

describe('customers who buy little', () => {
  it.each([
    ['customers who buy little', 'en'],
    ['smallest customers', 'en'],
    ['which customers buy the least?', 'en'],
    ['who buys the least?', 'en'],
    ['least active customers last month', 'en'],
    ['lowest volume customers', 'en'],
    ['bottom 10 customers', 'en'],
    ['¿qué clientes compran poco?', 'es'],
    ['clientes con menos compras', 'es'],
    ['los clientes que menos compran', 'es'],
    ['¿quiénes compran menos?', 'es'],
    ['clientes más chicos', 'es'],
    ['los clientes de menor volumen del mes pasado', 'es'],
    ['¿cuáles son mis peores clientes?', 'es'],
  ])('"%s" ranks the customers who bought least (%s)', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'small_customers', lang);
  });

  it.each([
    ['¿quiénes son los mejores clientes?', 'top_customers'],
    ['¿qué productos se venden menos?', 'slow_movers'],
    ['¿qué marcas compran poco los clientes?', 'slow_movers'],
    ['what do restaurants buy the least?', 'slow_movers'],
    ['¿quiénes dejaron de comprar?', 'lapsed_customers'],
    ['¿cuántos clientes hay?', 'count_customers'],
  ])('"%s" keeps its answer (%s)', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it('"customers who buy little" lists the customers with the fewest units in the last 4 weeks, lowest first', async () => {
    const last = server().lastDay;
    const expected = (await smallest(daysAfter(last, -27), last)).slice(0, 5);
    const r = await ask('customers who buy little');
    expect(r.table!.columns).toEqual(['#', 'Customer', 'Type', 'Units', 'Orders', 'Last purchase']);
    expect(tableColumn(r, 1)).toEqual(expected.map((x) => x.customer));
    expect(tableColumn(r, 3)).toEqual(expected.map((x) => chatNumber(x.units, 'en', 1)));
    expect(tableColumn(r, 4)).toEqual(expected.map((x) => chatNumber(x.orders, 'en')));
    expect(r.answer).toMatch(/^The customers who bought least the last 4 weeks \(/);
  });

  it('"¿qué clientes compran poco?" answers in Spanish, the quiet ones first with their last purchase', async () => {
    const last = server().lastDay;
    const expected = await smallest(daysAfter(last, -27), last);
    const quiet = expected.filter((x) => x.orders === 0);
    const r = await ask('¿qué clientes compran poco?');
    expect(tableColumn(r, 1)).toEqual(expected.slice(0, 5).map((x) => x.customer));
    expect(r.table!.columns).toEqual(['#', 'Cliente', 'Tipo', 'Unidades', 'Pedidos', 'Última compra']);
    expect(r.answer).toMatch(/^Los clientes que menos compraron las últimas 4 semanas \(/);
    expect(r.data.quiet).toBe(quiet.length);
    if (quiet.length > 0) expect(r.answer).toContain('sin compras');
  });

  it('"clientes con menos pedidos" ranks by orders first', async () => {
    const last = server().lastDay;
    const expected = (await smallest(daysAfter(last, -27), last, 'TRUE', 'orders')).slice(0, 5);
    const r = await ask('clientes con menos pedidos');
    expect(r.intent).toBe('small_customers');
    expect(tableColumn(r, 1)).toEqual(expected.map((x) => x.customer));
    expect(tableColumn(r, 4)).toEqual(expected.map((x) => chatNumber(x.orders, 'es')));
  });

  it('keeps to the period and the customer type asked', async () => {
    const r = await ask('¿qué mayoristas compraron poco el mes pasado?');
    expect(r.intent).toBe('small_customers');
    expect(r.entities.customer_type).toBe('MAYORISTA');
    const { from, to } = r.entities.period!;
    const expected = (await smallest(from, to, `c.customer_type = 'MAYORISTA'`)).slice(0, 5);
    expect(tableColumn(r, 1)).toEqual(expected.map((x) => x.customer));
    expect(tableColumn(r, 2).every((t) => t === 'mayorista')).toBe(true);
  });

  it('counts only the products named: "customers who buy few cans"', async () => {
    const r = await ask('which customers buy few cans?');
    expect(r.intent).toBe('small_customers');
    expect(r.entities.package).toBe('LATA');
    const last = server().lastDay;
    const expected = (await smallest(daysAfter(last, -27), last, `p.package = 'LATA'`)).slice(0, 5);
    expect(tableColumn(r, 1)).toEqual(expected.map((x) => x.customer));
    expect(tableColumn(r, 3)).toEqual(expected.map((x) => chatNumber(x.units, 'en', 1)));
  });

  it('"show more" continues the list', async () => {
    const session = 'small-customers-more-1';
    const last = server().lastDay;
    const expected = await smallest(daysAfter(last, -27), last);
    await server().inSession('smallest customers', session);
    const more = await server().inSession('show more', session);
    expect(more.intent).toBe('small_customers');
    expect(tableColumn(more, 1)).toEqual(expected.slice(5, 10).map((x) => x.customer));
  });
});
