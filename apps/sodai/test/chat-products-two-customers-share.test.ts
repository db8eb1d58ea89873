import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué tienen en común el 181101 y el 188331?" described the first
// customer's history alone. What two customers have in common ("en común", "both buy") is now the
// products both bought in the period (the last 12 weeks by default), with the first one's units, as
// "¿qué compra el 181101 que no compra el 188331?" gives those not shared; checked against SQL.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly found?: number;
    readonly bought?: number;
    readonly products?: readonly { product: number }[];
  };
}

let a = 0;
let b = 0;
beforeAll(async () => {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(DISTINCT product_id) DESC, 1 LIMIT 2`,
  );
  [a, b] = rows.map((r) => Number(r.id)) as [number, number];
});

describe('the products two customers share', () => {
  it.each([
    ['¿qué tienen en común el {a} y el {b}?', 'es'],
    ['what do customers {a} and {b} both buy?', 'en'],
  ] as const)('%s', async (template, lang) => {
    const r = await server().ask<Reply>(template.replace('{a}', String(a)).replace('{b}', String(b)), lang);
    expect(r.intent).toBe('customer_history');
    const from = daysAfter(server().lastDay, -83);
    const bought = (c: number) =>
      `SELECT product_id FROM transactions WHERE customer_id = ${c} AND purchase_date BETWEEN DATE '${from}' AND DATE '${server().lastDay}'
       GROUP BY 1 HAVING sum(items) > 0`;
    const shared = await queryRows(
      server().fx.store.connection,
      `SELECT product_id::DOUBLE AS product FROM (${bought(a)}) WHERE product_id IN
         (SELECT DISTINCT product_id FROM transactions WHERE customer_id = ${b} AND items > 0
          AND purchase_date BETWEEN DATE '${from}' AND DATE '${server().lastDay}')`,
    );
    expect(shared.length).toBeGreaterThan(0);
    expect(r.data.found).toBe(shared.length);
    for (const p of r.data.products ?? []) expect(shared.map((s) => Number(s.product))).toContain(p.product);
    expect(r.answer).toContain(String(b));
  });

  it('what one buys and the other does not is still the products not shared', async () => {
    const r = await server().ask<Reply>(`¿qué productos compra el ${a} que no compra el ${b}?`, 'es');
    expect(r.answer).toMatch(new RegExp(`El cliente ${b} no compró|compró .* todos los productos`));
  });
});
