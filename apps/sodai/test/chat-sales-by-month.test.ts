import { lastTwelveMonths } from '../src/chat/tools/monthly-sales.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { busiestCustomer, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Sales of brand 24 by month" got the weekly trend of the last 12 weeks. Asking sales month by
// month ("por mes", "mes a mes", "mensuales", "by month", "monthly") now gives the units of each
// calendar month of the period named, by default the twelve months up to the last day, within the same filters,
// customer or product. Checked against SQL over the same store.
const server = useChatServer();

let brand = '';
let customer = 0;

interface Months {
  readonly months?: readonly { readonly month: string; readonly units: number }[];
}

/** Units to a millionth: the chat's sums and the test's add fractions in another order. */
const rounded = (units: number) => Math.round(units * 1e6) / 1e6;

/** Units of each month from `from` to the last day, within `where` over `t`, `p`, `c`. */
async function monthsOf(where: string, from: string): Promise<{ month: string; units: number }[]> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT strftime(date_trunc('month', t.purchase_date), '%Y-%m') AS month, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE ${where} AND t.purchase_date >= DATE '${from}' AND t.purchase_date <= DATE '${server().lastDay}'
     GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({ month: String(r.month), units: rounded(Number(r.units)) }));
}

/** The first day of the twelve calendar months up to the data's last day. */
const twelveMonthsStart = () => {
  const [y, m] = server().lastDay.split('-').map(Number) as [number, number];
  return `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
};

beforeAll(async () => {
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  brand = String(top!.brand);
  customer = await busiestCustomer(server());
});

const shown = (r: { data: unknown }) =>
  ((r.data as Months).months ?? []).map((m) => ({ month: m.month, units: rounded(m.units) }));

describe('by month with no period named: the twelve months up to the last day of data', () => {
  it.each([
    ['2025-01-05', '2024-02-01'],
    ['2024-12-31', '2024-01-01'],
    ['2024-03-15', '2023-04-01'],
  ])('data ending %s: from %s (never a year of five days)', (last, from) => {
    expect(lastTwelveMonths(last, 'en')).toEqual({ from, to: last, label: 'the last 12 months' });
  });
});

describe('sales month by month, of the last twelve months', () => {
  it.each([
    ['sales of {b} by month', 'en'],
    ['{b} monthly sales', 'en'],
    ['ventas de la {b} por mes', 'es'],
    ['vntas d la {b} mes a mes', 'es'],
  ] as const)('%s', async (q, lang) => {
    const asked = q.replace('{b}', brand.toLowerCase());
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, 'sales_trend', lang);
    expect({ asked, months: shown(r) }).toEqual({
      asked,
      months: await monthsOf(`p.brand = '${brand}'`, twelveMonthsStart()),
    });
  });

  it.each([
    ['compras del cliente {c} por mes', 'es'],
    ['how much did customer {c} buy per month', 'en'],
  ] as const)('%s', async (q, lang) => {
    const asked = q.replace('{c}', String(customer));
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, 'sales_trend', lang);
    expect({ asked, months: shown(r) }).toEqual({
      asked,
      months: await monthsOf(`t.customer_id = ${customer}`, twelveMonthsStart()),
    });
  });

  it('ventas mensuales de los ultimos 3 meses: the period named', async () => {
    const r = await server().ask('ventas mensuales de los ultimos 3 meses');
    expectAnsweredAs('ventas mensuales', r, 'sales_trend', 'es');
    const period = r.entities.period!;
    expect(shown(r)).toEqual(await monthsOf(`t.purchase_date <= DATE '${period.to}'`, period.from));
  });
});

describe('guards: a best month, a month, the weekly trend', () => {
  it.each([
    ['¿cuál fue el mejor mes?', 'sales_trend', false],
    ['ventas del mes pasado', 'sales_trend', false],
    ['sales trend of {b}', 'sales_trend', false],
    ['top productos del mes', 'top_products', false],
  ] as const)('%s', async (q, intent, byMonth) => {
    const asked = q.replace('{b}', brand.toLowerCase());
    const r = await server().ask(asked);
    expect({ asked, intent: r.intent, byMonth: 'months' in (r.data ?? {}) }).toEqual({
      asked,
      intent,
      byMonth,
    });
  });
});
