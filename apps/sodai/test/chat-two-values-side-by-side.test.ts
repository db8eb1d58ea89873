import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Ventas de latas vs botellas" gave the weekly sales of bottles alone (the first package found),
// and "¿quién compra más, los restaurantes o los mayoristas?" one type. Two values of one attribute
// (package, category, segment, type of customer) set side by side now get each one's units,
// customers and orders in the period (default the last four weeks) and which sold or bought more.
// Checked against SQL over the same store.
const server = useChatServer();

interface Items {
  readonly compared?: string;
  readonly items?: readonly { readonly value: string; readonly units: number; readonly customers: number }[];
}

/** Units and customers of `column` = `value` in the four weeks up to the last day. */
async function figures(column: string, value: string) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(t.items), 0)::DOUBLE AS units, count(DISTINCT t.customer_id)::DOUBLE AS customers
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE ${column} = '${value}' AND t.purchase_date >= DATE '${daysAfter(server().lastDay, -27)}'
       AND t.purchase_date <= DATE '${server().lastDay}'`,
  );
  return { value, units: Math.round(Number(r!.units) * 1e6) / 1e6, customers: Number(r!.customers) };
}

const shown = (r: { data: unknown }) =>
  ((r.data as Items).items ?? []).map((i) => ({
    value: i.value,
    units: Math.round(i.units * 1e6) / 1e6,
    customers: i.customers,
  }));

describe('two values of one attribute, side by side', () => {
  it.each([
    ['ventas de latas vs botellas', 'es', 'p.package', ['LATA', 'BOTELLA']],
    ['cans vs bottles', 'en', 'p.package', ['LATA', 'BOTELLA']],
    // Not tuned on.
    ['latas o botellas, que se vende mas?', 'es', 'p.package', ['LATA', 'BOTELLA']],
    ['compare bottles and cans', 'en', 'p.package', ['BOTELLA', 'LATA']],
  ] as const)('"%s"', async (q, lang, column, values) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'top_products', lang);
    expect({ q, items: shown(r) }).toEqual({
      q,
      items: [await figures(column, values[0]), await figures(column, values[1])],
    });
  });

  it('two types of customer: who bought more', async () => {
    const types = (
      await queryRows(
        server().fx.store.connection,
        'SELECT customer_type AS t FROM customers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2',
      )
    ).map((r) => String(r.t));
    const q = `quien compra mas, ${types[0]!.toLowerCase()} o ${types[1]!.toLowerCase()}`;
    const r = await server().ask(q, 'es');
    expect({ q, compared: (r.data as Items).compared, items: shown(r) }).toEqual({
      q,
      compared: 'customer_type',
      items: [await figures('c.customer_type', types[0]!), await figures('c.customer_type', types[1]!)],
    });
  });
});

describe('guards: one package, and two brands, keep their answers', () => {
  it('"ventas de latas" is the weekly sales of cans', async () => {
    const r = await server().ask('ventas de latas');
    expect({ intent: r.intent, items: (r.data as Items).items }).toEqual({
      intent: 'sales_trend',
      items: undefined,
    });
  });

  it('"top productos en lata" ranks the products in cans', async () => {
    const r = await server().ask('top productos en lata');
    expect({ intent: r.intent, compared: (r.data as Items).compared }).toEqual({
      intent: 'top_products',
      compared: undefined,
    });
  });
});
