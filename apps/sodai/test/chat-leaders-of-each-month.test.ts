import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "El producto más vendido de cada mes" and "top products per month" got one ranking of the last
// four weeks. A ranking asked month by month now gives each calendar month's leader (or its top
// few, when the question says products in the plural or a number), of products, brands or
// customers, over the twelve months up to the data's last day unless a period is named, within
// the filters named. Checked against SQL over the same store.
const server = useChatServer();

interface Leaders {
  readonly months?: readonly {
    readonly month: string;
    readonly leaders: readonly { key: number | string; units: number }[];
  }[];
}

/** Units to a millionth: sums in another order differ in the last bits. */
const rounded = (units: number) => Math.round(units * 1e6) / 1e6;

let brand = '';

/** The first day of the twelve calendar months up to the data's last day. */
const twelveMonthsStart = () => {
  const [y, m] = server().lastDay.split('-').map(Number) as [number, number];
  return `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
};

/** Each month's top `k` by units of `key`, within `where`, from `from` to the last day. */
async function leadersOf(key: string, k: number, where = 'TRUE', from = twelveMonthsStart()) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH m AS (
       SELECT strftime(date_trunc('month', t.purchase_date), '%Y-%m') AS month, ${key} AS key, sum(t.items)::DOUBLE AS units
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE ${where} AND t.purchase_date >= DATE '${from}' AND t.purchase_date <= DATE '${server().lastDay}'
       GROUP BY 1, 2 HAVING sum(t.items) > 0)
     SELECT month, key, units, row_number() OVER (PARTITION BY month ORDER BY units DESC, key) AS rank
     FROM m QUALIFY rank <= ${k} ORDER BY month, rank`,
  );
  const months = [...new Set(rows.map((r) => String(r.month)))];
  return months.map((month) => ({
    month,
    leaders: rows
      .filter((r) => String(r.month) === month)
      .map((r) => ({
        key: typeof r.key === 'string' ? r.key : Number(r.key),
        units: rounded(Number(r.units)),
      })),
  }));
}

const shown = (r: { data: unknown }) =>
  ((r.data as Leaders).months ?? []).map((m) => ({
    month: m.month,
    leaders: m.leaders.map((l) => ({ key: l.key, units: rounded(l.units) })),
  }));

beforeAll(async () => {
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  brand = String(top!.brand);
});

describe('the leaders of each month', () => {
  it.each([
    ['el producto más vendido de cada mes', 'es', 'top_products', 't.product_id::DOUBLE', 1],
    ['top products per month', 'en', 'top_products', 't.product_id::DOUBLE', 3],
    // Not tuned on.
    ['cual fue el prodcto mas vendido cada mes', 'es', 'top_products', 't.product_id::DOUBLE', 1],
    ['top 2 productos mes a mes', 'es', 'top_products', 't.product_id::DOUBLE', 2],
    ['best selling brand each month', 'en', 'top_products', 'p.brand', 1],
    ['las marcas mas vendidas por mes', 'es', 'top_products', 'p.brand', 3],
    ['mejor cliente de cada mes', 'es', 'top_customers', 't.customer_id::DOUBLE', 1],
    ['who were our top customers by month', 'en', 'top_customers', 't.customer_id::DOUBLE', 3],
  ] as const)('"%s"', async (q, lang, intent, key, k) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, intent, lang);
    expect({ q, months: shown(r) }).toEqual({ q, months: await leadersOf(key, k) });
  });

  it('within a brand named: its products, each month', async () => {
    const q = `productos mas vendidos mes a mes de la ${brand.toLowerCase()}`;
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'top_products', 'es');
    expect(shown(r)).toEqual(await leadersOf('t.product_id::DOUBLE', 3, `p.brand = '${brand}'`));
    expect(r.answer).toContain(brand);
  });

  it('the one a month is named in the words', async () => {
    const r = await server().ask('el producto más vendido de cada mes', 'es');
    const [first] = await leadersOf('t.product_id::DOUBLE', 1);
    expect(r.answer).toMatch(
      new RegExp(`^El producto más vendido de cada mes, .*: [^:]+: producto ${first!.leaders[0]!.key} `),
    );
  });
});

describe('guards: a ranking of one period and sales by month keep their answers', () => {
  it.each([
    ['top products last month', 'top_products'],
    ['productos mas vendidos', 'top_products'],
    ['ventas por mes', 'sales_trend'],
    ['el peor mes', 'sales_trend'],
  ] as const)('"%s"', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, leaders: (r.data as Leaders).months?.[0]?.leaders }).toEqual({
      q,
      intent,
      leaders: undefined,
    });
  });
});
