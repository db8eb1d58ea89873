import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Which products does 181101 buy every week" listed his top products by units: one big order
// ranked above a weekly habit. Asking what a customer buys every week ("todas las semanas", "cada
// semana", "weekly"; "siempre" stays his usual basket) now lists his regular products: those bought in at least 6 of the last 8
// seven-day weeks, most weeks first, as the regular buyers of a product are found. Checked against
// SQL over the same store.
const server = useChatServer();

let customer = 0;

/** The products `id` bought in at least 6 of the 8 weeks up to the last day, most weeks then units first. */
async function regularOf(id: number): Promise<{ product: number; weeks: number }[]> {
  const last = server().lastDay;
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH weekly AS (SELECT product_id, floor(date_diff('day', purchase_date, DATE '${last}') / 7) AS week,
                            sum(items) AS units
                     FROM transactions WHERE customer_id = ${id}
                       AND purchase_date BETWEEN DATE '${daysAfter(last, -55)}' AND DATE '${last}'
                     GROUP BY 1, 2 HAVING sum(items) > 0)
     SELECT product_id::DOUBLE AS product, count(*)::DOUBLE AS weeks FROM weekly
     GROUP BY 1 HAVING count(*) >= 6 ORDER BY weeks DESC, sum(units) DESC, product LIMIT 5`,
  );
  return rows.map((r) => ({ product: Number(r.product), weeks: Number(r.weeks) }));
}

beforeAll(async () => {
  // A customer with a habit: the busiest one with at least three regular products.
  const rows = await queryRows(
    server().fx.store.connection,
    'SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 100',
  );
  for (const r of rows) {
    if ((await regularOf(Number(r.id))).length >= 3) {
      customer = Number(r.id);
      break;
    }
  }
});

const ask = (q: string) => {
  expect(customer).toBeGreaterThan(0);
  return server().ask(q.replace('{c}', String(customer)));
};

describe('the products a customer buys every week', () => {
  it.each([
    ['which products does {c} buy every week', 'en'],
    ['what does customer {c} order weekly', 'en'],
    ['what does {c} buy each week?', 'en'],
    ['que productos compra el {c} todas las semanas', 'es'],
    ['q le compra el cliente {c} cada semana', 'es'],
    ['que productos pide semana a semana el {c}', 'es'],
  ] as const)('%s', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'customer_history', lang);
    const shown = (r.data as { products?: { product: number; weeks: number }[] }).products ?? [];
    expect({ q, shown: shown.map((p) => ({ product: p.product, weeks: p.weeks })) }).toEqual({
      q,
      shown: await regularOf(customer),
    });
  });
});

describe('guards: his top products, the offer, how often he buys', () => {
  it.each([
    ['which products does {c} buy most', 'top_products'],
    ['¿qué le ofrezco al {c} esta semana?', 'recommend'],
    ['el {c} compra todas las semanas?', 'customer_history'],
    ['¿qué productos compró el {c} en noviembre?', 'customer_history'],
    ['clientes que compran todas las semanas', 'top_customers'],
    ['que productos pide siempre el {c}', 'customer_basket'],
    ["what's the regular order for {c}?", 'customer_basket'],
  ] as const)('%s', async (q, intent) => {
    const r = await ask(q);
    expect({
      q,
      intent: r.intent,
      regular: 'needed' in (r.data ?? {}) && 'customer' in (r.data ?? {}),
    }).toEqual({
      q,
      intent,
      regular: false,
    });
  });
});
