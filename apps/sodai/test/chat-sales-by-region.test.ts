import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Top 3 clientes de la región 2" and "cuánto vende la región 3" answered over every customer, as if
// the region had been applied: the worst kind of answer. A region or zone (columns of the customers
// table) now narrows sales totals and trends, top customers and best sellers; one no customer is in
// is said to be missing with the ones there are; a tool that cannot narrow to it says so; and "which
// region sells the most" ranks the regions. The fixture's customers are all in region 80, zone 5148.
const server = useChatServer();

/** Units to a millionth: the chat's sums and the test's add fractions in another order. */
const rounded = (units: number) => Math.round(units * 1e6) / 1e6;

interface Ranked {
  readonly customers?: readonly { readonly customer: number; readonly units: number }[];
  readonly products?: readonly { readonly product: number; readonly units: number }[];
  readonly regions?: readonly { readonly region: number; readonly units: number }[];
  readonly zones?: readonly { readonly zone: number; readonly units: number }[];
}

/** The last four weeks' units by customer (or product), within region 80 and zone 5148, from SQL. */
async function topWithinPlace(by: 'customer_id' | 'product_id', k: number) {
  const last = server().lastDay;
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT t.${by}::DOUBLE AS id, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN customers c USING (customer_id)
     WHERE c.region_id = 80 AND c.zone_id = 5148
       AND t.purchase_date BETWEEN DATE '${daysAfter(last, -27)}' AND DATE '${last}'
     GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY units DESC, id LIMIT ${k}`,
  );
  return rows.map((r) => ({ id: Number(r.id), units: rounded(Number(r.units)) }));
}

describe('a region or zone narrows the answer', () => {
  it.each([
    ['top 3 clientes de la region 80', 'es'],
    ['mejores 3 clientes en la zona 5148', 'es'],
    ['top 3 customers in region 80', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'top_customers', lang);
    const shown = ((r.data as Ranked).customers ?? []).map((c) => ({
      id: c.customer,
      units: rounded(c.units),
    }));
    expect({ q, shown, placeSaid: /(región|region|zona|zone) (80|5148)/.test(r.based_on.join(' ')) }).toEqual(
      {
        q,
        shown: await topWithinPlace('customer_id', 3),
        placeSaid: true,
      },
    );
  });

  it.each([
    ['productos mas vendidos de la region 80', 'es'],
    ['best sellers in zone 5148', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'top_products', lang);
    const shown = ((r.data as Ranked).products ?? []).map((p) => ({
      id: p.product,
      units: rounded(p.units),
    }));
    expect({ q, shown, placeSaid: /(región|region|zona|zone) (80|5148)/.test(r.answer) }).toEqual({
      q,
      shown: await topWithinPlace('product_id', 5),
      placeSaid: true,
    });
  });

  it.each([
    ['cuanto vende la region 80', 'es'],
    ['how much did region 80 sell last month', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    expect({ q, placeSaid: /(región|region) 80/.test(r.answer) }).toEqual({ q, placeSaid: true });
  });
});

describe('a region no customer is in is said to be missing', () => {
  it.each([
    ['top 3 clientes de la region 2', /No hay clientes en la región 2.*80/],
    ['cuanto vende la region 3', /No hay clientes en la región 3/],
    ['sales of zone 7 last week', /No customer is in zone 7.*5148/],
  ] as const)('%s', async (q, said) => {
    const r = await server().ask(q);
    expect({ q, answered: r.answered, said: said.test(r.answer) }).toEqual({
      q,
      answered: false,
      said: true,
    });
  });
});

describe('a tool that cannot narrow to a region says so', () => {
  it.each([
    ['cuantos clientes nuevos hubo en la region 80', /No puedo limitar esta respuesta a la región 80/],
    ['slow movers in region 80', /I cannot narrow this answer to region 80/],
  ] as const)('%s', async (q, said) => {
    const r = await server().ask(q);
    expect({ q, answered: r.answered, said: said.test(r.answer) }).toEqual({
      q,
      answered: false,
      said: true,
    });
  });
});

describe('regions and zones ranked by units', () => {
  it.each([
    ['which region sells the most', 'en', 'regions'],
    ['¿qué región compra más?', 'es', 'regions'],
    ['ventas por zona el mes pasado', 'es', 'zones'],
  ] as const)('%s', async (q, lang, key) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_share', lang);
    const rows = (r.data as Ranked)[key] ?? [];
    expect({
      q,
      places: rows.length,
      first: rows[0] && ('region' in rows[0] ? rows[0].region : rows[0].zone),
    }).toEqual({ q, places: 1, first: key === 'regions' ? 80 : 5148 });
  });
});

describe('a place alone: a bare list there, or the previous question there', () => {
  it.each([
    ['clientes de la region 80', 'top_customers'],
    ['products in zone 5148', 'top_products'],
  ] as const)('%s', async (q, intent) => {
    const r = await server().ask(q);
    expect({
      q,
      intent: r.intent,
      answered: r.answered,
      placeSaid: /(región|region|zona|zone) (80|5148)/.test(r.answer),
    }).toEqual({
      q,
      intent,
      answered: true,
      placeSaid: true,
    });
  });

  it.each([
    ['top 3 clientes de la region 80', '¿y en la región 2?', /No hay clientes en la región 2/],
    ['best sellers last week', 'what about region 80?', /region 80/],
  ] as const)('%s, then %s', async (first, then, said) => {
    const session = `place-${first.length}-${then.length}`.padEnd(12, 'x');
    const before = await server().inSession(first, session);
    const r = await server().inSession(then, session);
    expect({ then, intent: r.intent, said: said.test(r.answer) }).toEqual({
      then,
      intent: before.intent,
      said: true,
    });
  });
});

describe('guards: questions without a place keep their meaning', () => {
  it.each([
    ['top 3 clientes', 'top_customers', 3],
    ['ventas por envase', 'sales_share', undefined],
    ['¿de qué región es el cliente 100001?', 'customer_info', undefined],
    ['what zone is customer 100001 in', 'customer_info', undefined],
    ['¿cuánto compró el cliente 100001 el mes pasado?', 'customer_history', undefined],
    ['best sellers last week', 'top_products', undefined],
  ] as const)('%s', async (q, intent, count) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered, count: r.entities.count }).toEqual({
      q,
      intent,
      answered: true,
      count,
    });
  });
});
