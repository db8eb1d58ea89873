import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { busiestCustomer, chatNumber, daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Cuántas unidades compra el 181101 por semana en promedio?" answered "…, 3 pedidos y 1 clientes
// que compran por semana": of one customer the count of customers says nothing (and in broken
// Spanish). A customer's weekly average now gives units and orders only; a group's keeps its
// buyers. Checked against SQL (the twelve weeks up to the last day, as the average covers).
const server = useChatServer();

let customer = 0;

beforeAll(async () => {
  customer = await busiestCustomer(server());
});

/** Units a week of `customer` over the 84 days up to the last day. */
async function unitsAWeek(): Promise<number> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT sum(items)::DOUBLE AS units FROM transactions
     WHERE customer_id = ${customer} AND purchase_date > DATE '${daysAfter(server().lastDay, -84)}' AND purchase_date <= DATE '${server().lastDay}'`,
  );
  return Number(r!.units) / 12;
}

describe('a customer’s weekly average says no count of customers', () => {
  it.each([
    ['¿cuántas unidades compra el {c} por semana en promedio?', 'es'],
    ['average units per week of customer {c}', 'en'],
  ] as const)('"%s"', async (template, lang) => {
    const q = template.replace('{c}', String(customer));
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    expect(r.answer).not.toMatch(/clientes que compran|customers buying/);
    expect(r.answer).toContain(chatNumber(await unitsAWeek(), lang, 1));
  });

  it('a group’s average keeps its buyers a week', async () => {
    const r = await server().ask('promedio semanal de ventas', 'es');
    expect(r.answer).toMatch(/clientes que compran por semana/);
  });
});
