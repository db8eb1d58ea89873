import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { bestSellingBrand, brandNumber, chatNumber, useChatServer } from './chat-server.ts';

// "¿Cuántas unidades compra en promedio cada cliente?" answered units per order; "average units per
// customer last month" and "¿cuántas unidades de la marca 16 vendimos por cliente?" gave totals. An
// average per customer is the units (net of returns) over the customers who bought in the period,
// with the brand, package or type of customer named; checked against SQL over the same store.
const server = useChatServer();

interface PerCustomer {
  readonly period?: { readonly from: string; readonly to: string };
  readonly units?: number;
  readonly customers?: number;
  readonly per_customer?: number;
  readonly groups?: readonly { readonly value: string; readonly per_customer: number }[];
}

let brand = '';

beforeAll(async () => {
  brand = await bestSellingBrand(
    server(),
    't.purchase_date > (SELECT max(purchase_date) - INTERVAL 28 DAY FROM transactions)',
  );
});

/** Units over buying customers in the period, within `where` (products p, customers c). */
async function average(period: { from: string; to: string }, where = 'TRUE') {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT sum(t.items)::DOUBLE AS units, count(DISTINCT t.customer_id)::DOUBLE AS customers
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE t.purchase_date BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND ${where}`,
  );
  const units = Number(r!.units);
  const customers = Number(r!.customers);
  return { units, customers, perCustomer: units / customers };
}

describe('average units per customer', () => {
  it.each([
    ['¿cuántas unidades compra en promedio cada cliente?', 'es', 'TRUE'],
    ['average units per customer last month', 'en', 'TRUE'],
    ['¿cuántas unidades de la marca {n} vendimos por cliente?', 'es', 'brand'],
    ['promedio de unidades por cliente en abril', 'es', 'TRUE'],
    ['unidades por cliente de latas el mes pasado', 'es', "p.package = 'LATA'"],
    ['how many units does the average customer buy in march?', 'en', 'TRUE'],
    ['average purchase per customer of cans in march', 'en', "p.package = 'LATA'"],
    ['¿cuánto compra en promedio un mayorista en abril?', 'es', "c.customer_type = 'MAYORISTA'"],
    ['how much does each wholesaler buy on average last month?', 'en', "c.customer_type = 'MAYORISTA'"],
    ['what is the average volume per client for brand {n}?', 'en', 'brand'],
  ] as const)('%s', async (q, lang, where) => {
    const asked = q.replace('{n}', brandNumber(brand));
    const r = await server().ask(asked, lang);
    const d = r.data as PerCustomer;
    expect({ asked, period: d.period !== undefined }).toEqual({ asked, period: true });
    const want = await average(d.period!, where === 'brand' ? `p.brand = '${brand}'` : where);
    expect({ asked, customers: d.customers }).toEqual({ asked, customers: want.customers });
    // Units may be fractions (boxes opened), summed in another order.
    expect(d.units).toBeCloseTo(want.units, 6);
    expect(d.per_customer).toBeCloseTo(want.perCustomer, 6);
    // An average on a half (32.25) may round either way after sums in another order.
    const written = [-1e-9, 1e-9].map((e) => chatNumber(want.perCustomer + e, lang, 1));
    expect({ asked, written: written.some((w) => r.answer.includes(w)) }).toEqual({ asked, written: true });
    expect(r.answer).toContain(lang === 'es' ? 'por cliente' : 'per customer');
  });

  it.each([
    ['average units per customer by customer type last month', 'en'],
    ['promedio de unidades por cliente según tipo de cliente en abril', 'es'],
  ] as const)('%s gives each type its average', async (q, lang) => {
    const r = await server().ask(q, lang);
    const d = r.data as PerCustomer;
    const rows = await queryRows(
      server().fx.store.connection,
      `SELECT c.customer_type AS value, sum(t.items) / count(DISTINCT t.customer_id) AS avg
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${d.period!.from}' AND DATE '${d.period!.to}'
       GROUP BY 1`,
    );
    expect({ q, n: d.groups?.length }).toEqual({ q, n: rows.length });
    for (const row of rows) {
      const got = d.groups!.find((g) => g.value === row.value);
      expect(got?.per_customer).toBeCloseTo(Number(row.avg), 6);
    }
  });

  it.each([
    ['¿cuántas unidades por pedido compran los clientes?', 'es', 'order_size'],
    ['top clientes por unidades', 'es', 'top_customers'],
  ] as const)('%s is not an average per customer', async (q, lang, intent) => {
    const r = await server().ask(q, lang);
    expect({ q, intent: r.intent, per: (r.data as PerCustomer).per_customer }).toEqual({
      q,
      intent,
      per: undefined,
    });
  });
});
