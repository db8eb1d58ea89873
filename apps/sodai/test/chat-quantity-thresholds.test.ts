import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "¿Cuántos clientes compran más de 100 unidades?" read 100 as a customer id, "customers who bought
// over 50 units last month" listed the best sellers, "productos con menos de 10 unidades vendidas" the
// top ten: a number after más de / menos de / over / under / at least … is a bar, and the customers
// or products past it in the period are counted first, then listed.
const server = useChatServer();
const ask = (message: string) => server().ask(message);

/**
 * How many customers or products in range (a line within `where` in the period or the 12 weeks
 * before it, as the slow movers and small customers count) have `measure` in the period past `cmp`,
 * those with none counting 0.
 */
async function passing(
  side: 'customer' | 'product',
  measure: string,
  cmp: string,
  r: ChatResponse,
  where = 'TRUE',
): Promise<number> {
  const p = r.entities.period!;
  const lines = `transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)`;
  const [row] = await queryRows(
    server().fx.store.connection,
    `WITH pool AS (SELECT DISTINCT t.${side}_id AS id FROM ${lines}
                   WHERE ${where} AND t.purchase_date >= DATE '${p.from}' - INTERVAL 84 DAY AND t.purchase_date <= DATE '${p.to}'),
          m AS (SELECT t.${side}_id AS id, ${measure} AS v FROM ${lines}
                WHERE ${where} AND t.purchase_date >= DATE '${p.from}' AND t.purchase_date <= DATE '${p.to}' GROUP BY 1)
     SELECT count(*)::DOUBLE AS n FROM pool LEFT JOIN m USING (id) WHERE coalesce(m.v, 0) ${cmp}`,
  );
  return Number(row!.n);
}

/** The period the tools default to: the four weeks up to the last day. */
const lastFourWeeks = (r: ChatResponse): ChatResponse => {
  const to = server().lastDay;
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 27);
  return {
    ...r,
    entities: { ...r.entities, period: { from: from.toISOString().slice(0, 10), to, label: '' } },
  };
};

describe('a quantity bar is no id: who or what passes it, counted first', () => {
  it('"¿cuántos clientes compran más de 100 unidades?" counts customers, reads no customer 100', async () => {
    const reply = await ask('¿cuántos clientes compran más de 100 unidades?');
    expect(reply.intent).toBe('count_customers');
    expect(reply.entities.customer_id).toBeUndefined();
    expect(reply.entities.threshold).toEqual({ op: 'gt', value: 100, of: 'units' });
    const n = await passing('customer', 'sum(t.items)', '> 100', lastFourWeeks(reply));
    expect(reply.data).toMatchObject({ passing: n });
    expect(reply.answer.startsWith(`${n} `)).toBe(true);
  });

  it.each([
    ['¿cuántos clientes compraron más de 50 unidades el mes pasado?', 'es'],
    ['customers who bought over 50 units last month', 'en'],
    ['how many customers bought more than 50 units last month?', 'en'],
  ] as const)('"%s" counts those past 50 units in the period', async (q, lang) => {
    const reply = await ask(q);
    expect(reply.entities.period).toBeDefined();
    const n = await passing('customer', 'sum(t.items)', '> 50', reply);
    expect(n).toBeGreaterThan(0);
    expect(reply.data).toMatchObject({ passing: n });
    expect(reply.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
  });

  it('"productos con menos de 10 unidades vendidas" counts products under 10, those in range unsold too', async () => {
    const reply = await ask('productos con menos de 10 unidades vendidas');
    expect(reply.entities.count).toBeUndefined();
    const n = await passing('product', 'sum(t.items)', '< 10', lastFourWeeks(reply));
    expect(reply.data).toMatchObject({ passing: n });
    expect(reply.answer.startsWith(`${n} productos`)).toBe(true);
  });

  it('"clientes con al menos 5 pedidos el mes pasado" counts orders, the bar included', async () => {
    const reply = await ask('clientes con al menos 5 pedidos el mes pasado');
    expect(reply.entities.threshold).toEqual({ op: 'gte', value: 5, of: 'orders' });
    const n = await passing('customer', 'count(DISTINCT t.order_id)', '>= 5', reply);
    expect(reply.data).toMatchObject({ passing: n });
  });

  it('"productos que compraron más de 20 clientes" counts buyers per product', async () => {
    const reply = await ask('productos que compraron más de 20 clientes');
    expect(reply.entities.threshold?.of).toBe('customers');
    const n = await passing('product', 'count(DISTINCT t.customer_id)', '> 20', lastFourWeeks(reply));
    expect(reply.data).toMatchObject({ passing: n });
  });

  it('"mayoristas con menos de 10 unidades el mes pasado" counts wholesalers, those who bought none too', async () => {
    const reply = await ask('mayoristas con menos de 10 unidades el mes pasado');
    const n = await passing('customer', 'sum(t.items)', '< 10', reply, "c.customer_type = 'MAYORISTA'");
    expect(reply.data).toMatchObject({ passing: n });
    expect(reply.answer.startsWith(`${n} mayorista`)).toBe(true);
  });

  it('"¿vendimos más de 500 unidades la semana pasada?" answers yes or no with the total', async () => {
    const reply = await ask('¿vendimos más de 500 unidades la semana pasada?');
    const p = reply.entities.period!;
    const [r] = await queryRows(
      server().fx.store.connection,
      `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date >= DATE '${p.from}' AND purchase_date <= DATE '${p.to}'`,
    );
    expect(reply.answer).toMatch(Number(r!.u) > 500 ? /^Sí\./ : /^No\./);
  });

  it.each([
    ['clientes que no compran hace más de 3 semanas', 'lapsed_customers'],
    ['top 10 productos', 'top_products'],
  ] as const)('"%s" sets no bar', async (q, intent) => {
    const reply = await ask(q);
    expect({ intent: reply.intent, threshold: reply.entities.threshold }).toEqual({
      intent,
      threshold: undefined,
    });
  });
});
