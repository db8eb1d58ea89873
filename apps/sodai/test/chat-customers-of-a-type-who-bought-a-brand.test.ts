import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Clientes mayoristas que compraron marca 31 en diciembre" got the best sellers among wholesalers:
// a question that opens with the customers (or a type of them) and a clause of buying ("clientes que
// compraron …", "mayoristas que compraron …", "customers who bought …") now lists those customers
// with their units, as "¿qué clientes compraron …?" already did. Checked against SQL over the store.
const server = useChatServer();

let brand = '';

interface Customers {
  readonly customers?: readonly { readonly customer: number; readonly units: number }[];
}

/** Units to a millionth: the chat's sums and the test's add fractions in another order. */
const rounded = (units: number) => Math.round(units * 1e6) / 1e6;

/** The top 5 customers by units of `brand` in the period, of `type` when given, from SQL. */
async function buyers(type: string | undefined, from: string, to: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT t.customer_id::DOUBLE AS id, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE p.brand = '${brand}' ${type ? `AND c.customer_type = '${type}'` : ''}
       AND t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
     GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY units DESC, id LIMIT 5`,
  );
  return rows.map((r) => ({ id: Number(r.id), units: rounded(Number(r.units)) }));
}

beforeAll(async () => {
  // The brand wholesalers buy most, so the lists are not empty.
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE c.customer_type = 'MAYORISTA' GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  brand = String(top!.brand);
});

describe('customers (of a type) who bought a brand in a period', () => {
  it.each([
    ['clientes mayoristas que compraron {b} el mes pasado', 'es', 'MAYORISTA'],
    ['mayoristas que compraron la {b} el mes pasado', 'es', 'MAYORISTA'],
    ['clientes q compraron {b} el mes pasado', 'es', undefined],
    ['customers who bought {b} last month', 'en', undefined],
    ['wholesale customers that ordered {b} last month', 'en', 'MAYORISTA'],
  ] as const)('%s', async (q, lang, type) => {
    const asked = q.replace('{b}', brand.toLowerCase());
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, 'top_customers', lang);
    const period = r.entities.period!;
    const shown = ((r.data as Customers).customers ?? []).map((c) => ({
      id: c.customer,
      units: rounded(c.units),
    }));
    const expected = await buyers(type, period.from, period.to);
    expect(expected.length).toBeGreaterThan(0);
    expect({ asked, type: r.entities.customer_type, shown }).toEqual({ asked, type, shown: expected });
  });
});

describe('guards: what a type bought, the items first', () => {
  it.each([
    ['¿qué compraron los mayoristas el mes pasado?', 'top_products'],
    ['productos que compraron los mayoristas el mes pasado', 'top_products'],
    ['what did wholesalers buy last month', 'top_products'],
    ['¿qué clientes compraron la {b} el mes pasado?', 'top_customers'],
  ] as const)('%s', async (q, intent) => {
    const asked = q.replace('{b}', brand.toLowerCase());
    const r = await server().ask(asked);
    expect({ asked, intent: r.intent }).toEqual({ asked, intent });
  });
});
