import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "Ventas de la semana pasada", "sales last week" got the best-seller list and "¿cuánto vendimos el mes
// pasado?" the weekly trend: a question about a period's sales gets its total first (units, orders,
// customers) and how it compares with the period before.
const server = useChatServer();
const ask = (message: string) => server().ask(message);

/** Units, orders and customers in [from, to] matching a condition over products p. */
async function figures(from: string, to: string, where = 'TRUE') {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(items), 0)::DOUBLE AS units, count(DISTINCT order_id)::DOUBLE AS orders,
            count(DISTINCT customer_id)::DOUBLE AS customers
     FROM transactions t JOIN products p USING (product_id)
     WHERE ${where} AND purchase_date >= DATE '${from}' AND purchase_date <= DATE '${to}'`,
  );
  return { units: Number(r!.units), orders: Number(r!.orders), customers: Number(r!.customers) };
}

type Figures = Awaited<ReturnType<typeof figures>>;

/** The same figures, units to float precision (sums of doubles depend on their order). */
function expectFigures(got: unknown, want: Figures): void {
  const g = got as Figures;
  expect(g.units).toBeCloseTo(want.units, 6);
  expect({ orders: g.orders, customers: g.customers }).toEqual({
    orders: want.orders,
    customers: want.customers,
  });
}

describe("a period's sales: the total first", () => {
  it.each([
    ['ventas de la semana pasada', 'es'],
    ['sales last week', 'en'],
    ['¿cuánto vendimos el mes pasado?', 'es'],
    ['how much did we sell last month?', 'en'],
  ] as const)('"%s" opens with the units, orders and customers of the period', async (q, lang) => {
    const reply = await ask(q);
    const p = reply.entities.period!;
    const now = await figures(p.from, p.to);
    expect(reply.intent).toBe('sales_trend');
    const first = reply.answer.split(/(?<=\.) /)[0]!;
    for (const n of [now.units, now.orders, now.customers]) expect(first).toContain(chatNumber(n, lang));
    expectFigures(reply.data.total, now);
  });

  it('compares last week with the week before', async () => {
    const reply = await ask('ventas de la semana pasada');
    const p = reply.entities.period!;
    const before = await figures(daysAfter(p.from, -7), daysAfter(p.from, -1));
    expectFigures(reply.data.previous, before);
    expect(reply.answer).toContain(`${chatNumber(before.units, 'es')} unidades`);
  });

  it('"ventas de latas del mes pasado" totals the cans', async () => {
    const reply = await ask('ventas de latas del mes pasado');
    const p = reply.entities.period!;
    const cans = await figures(p.from, p.to, "p.package = 'LATA'");
    expect(reply.answer.split(/(?<=\.) /)[0]).toContain(`${chatNumber(cans.units, 'es')} unidades`);
  });

  it.each([
    ['¿qué vendimos el mes pasado?', 'top_products'],
    ['ventas por marca del mes pasado', 'top_products'],
  ] as const)('"%s" still asks what sold', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it('"¿están creciendo las ventas este mes?" still opens with the direction', async () => {
    const reply = await ask('¿están creciendo las ventas este mes?');
    expect(reply.answer).toMatch(/^Ventas semanales/);
  });
});

describe('two periods of one product or customer', () => {
  it('"compara las ventas del producto P del mes pasado con el anterior" counts that product only', async () => {
    const [top] = await queryRows(
      server().fx.store.connection,
      'SELECT product_id::DOUBLE AS p FROM transactions GROUP BY 1 ORDER BY sum(items) DESC LIMIT 1',
    );
    const product = Number(top!.p);
    const reply = await ask(`compara las ventas del producto ${product} del mes pasado con el anterior`);
    const p = reply.entities.period!;
    expect(reply.intent).toBe('compare_periods');
    expectFigures(reply.data.current, await figures(p.from, p.to, `p.product_id = ${product}`));
  });
});
