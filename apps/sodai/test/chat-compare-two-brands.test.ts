import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { brandNumber, daysAfter, useChatServer } from './chat-server.ts';

// "Compare Coca-Cola and Pepsi last month" and "¿qué vende más, la marca A o la marca B?" compared
// the month with the one before for one of the brands (and read the number in the other's name as
// a count). Two brands named with a comparison word are set side by side like two products: units,
// orders and buyers of each in the period, checked here against SQL.
const server = useChatServer();

let a = '';
let b = '';
beforeAll(async () => {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 2`,
  );
  [a, b] = rows.map((r) => String(r.brand)) as [string, string];
});

interface Span {
  readonly from: string;
  readonly to: string;
}
const april = (): Span => ({
  from: `${server().lastDay.slice(0, 4)}-04-01`,
  to: `${server().lastDay.slice(0, 4)}-04-30`,
});
const lastWeek = (): Span => ({ from: daysAfter(server().lastDay, -6), to: server().lastDay });
const last4Weeks = (): Span => ({ from: daysAfter(server().lastDay, -27), to: server().lastDay });

async function brandFigures(brand: string, { from, to }: Span) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(t.items), 0)::DOUBLE AS units, count(DISTINCT t.order_id)::DOUBLE AS orders,
            count(DISTINCT t.customer_id)::DOUBLE AS customers
     FROM transactions t JOIN products p USING (product_id)
     WHERE p.brand = '${brand.replace(/'/g, "''")}' AND t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'`,
  );
  return { units: round(Number(r!.units)), orders: Number(r!.orders), customers: Number(r!.customers) };
}

/** Units are sums of decimals: compared to the thousandth. */
const round = (x: number) => Math.round(x * 1000) / 1000;

/** "Brand 7" is also "la marca 7" / "brand 7": the number alone after the word, as the brand filter reads it. */
const fill = (q: string) =>
  q.replace('{a}', a).replace('{b}', b).replace('{na}', brandNumber(a)).replace('{nb}', brandNumber(b));
/** Where a question names brand a (or b): its whole name, or its number after "marca"/"brand". */
const firstAt = (q: string, x: 'a' | 'b') => Math.max(q.indexOf(`{${x}}`), q.indexOf(`{n${x}}`));

describe('two brands compared', () => {
  it.each([
    ['compare {a} and {b} last month', april],
    ['¿qué vende más, la marca {a} o la marca {b}?', last4Weeks],
    ['{a} vs {b}', last4Weeks],
    ['compara las marcas {a} y {b} en abril', april],
    ['which sells more, {a} or {b}?', last4Weeks],
    ['diferencia entre la marca {a} y la marca {b} la semana pasada', lastWeek],
    ['brand {a} versus brand {b} last week', lastWeek],
    ['¿cuál se vende mejor, {b} o {a}?', last4Weeks],
    // The brand named by its number after "marca"/"brand", as the brand filter reads it.
    ['¿qué vende más, la marca {na} o la marca {nb}?', last4Weeks],
    ['compara marca {na} y marca {nb} en abril', april],
    ['diferencia entre la marca {nb} y la marca {na} la semana pasada', lastWeek],
    ['which sells more, brand {na} or brand {nb}?', last4Weeks],
    ['marca {na} vs {b}', last4Weeks],
    ['¿cuál se vende mejor, la marca {nb} o {a}?', last4Weeks],
  ] as const)('"%s" sets both brands side by side', async (q, span) => {
    const question = fill(q);
    const r = await server().ask(question);
    const d = r.data as {
      compared?: string;
      period?: Span;
      items?: { id: string; units: number; orders: number; customers: number }[];
    };
    const order = firstAt(q, 'a') < firstAt(q, 'b') ? [a, b] : [b, a];
    expect({ question, answered: r.answered, compared: d.compared, ids: d.items?.map((i) => i.id) }).toEqual({
      question,
      answered: true,
      compared: 'brands',
      ids: order,
    });
    expect({ from: d.period?.from, to: d.period?.to }).toEqual(span());
    for (const item of d.items ?? []) {
      const expected = await brandFigures(item.id, span());
      expect({ question, brand: item.id, ...expected }).toEqual({
        question,
        brand: item.id,
        units: round(item.units),
        orders: item.orders,
        customers: item.customers,
      });
    }
    const more = [...(d.items ?? [])].sort((x, y) => y.units - x.units)[0]!;
    expect(r.answer).toContain(more.id);
  });

  it.each([
    ['compare product 20036 and 20019', 'product_info', 'products'],
    ['¿cuánto vendió la marca {a} el mes pasado?', 'sales_trend', undefined],
    ['top productos de la marca {a}', 'top_products', undefined],
    ['top productos de la marca {na}', 'top_products', undefined],
    ['¿qué vende más la marca {na}?', 'top_products', undefined],
    ['how much did brand {na} sell last month?', 'sales_trend', undefined],
    ['¿qué marcas venden más?', 'top_products', undefined],
  ] as const)('"%s" keeps its own answer', async (q, intent, compared) => {
    const r = await server().ask(fill(q));
    expect({ q, intent: r.intent, compared: (r.data as { compared?: string }).compared }).toEqual({
      q,
      intent,
      compared,
    });
  });
});
