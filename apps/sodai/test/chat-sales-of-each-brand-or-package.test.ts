import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "¿Cuánto vendió cada marca el mes pasado?" and "how much did each brand sell last month?" got the
// month's total, and "unidades de cada envase" was not understood. Sales of each value of an
// attribute ("cada marca", "each package", "cada tipo de cliente") are now the period's sales split
// by it: brands ranked, other attributes as shares. Checked against SQL over the same store.
const server = useChatServer();

/** Values of `column` by units over the four weeks up to the last day, most first. */
async function ranked(column: string): Promise<string[]> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT ${column} AS v FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE t.purchase_date >= DATE '${daysAfter(server().lastDay, -27)}' AND t.purchase_date <= DATE '${server().lastDay}'
     GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY sum(t.items) DESC, 1`,
  );
  return rows.map((r) => String(r.v));
}

describe('the sales of each brand, package or type of customer', () => {
  it.each([
    ['¿cuánto vendió cada marca?', 'es', 'top_products', 'brand'],
    ['how much did each brand sell?', 'en', 'top_products', 'brand'],
    // Not tuned on.
    ['unidades de cada envase', 'es', 'sales_share', 'package'],
    ['cuanto compro cada tipo de cliente', 'es', 'sales_share', 'customer_type'],
  ] as const)('"%s"', async (q, lang, intent, groupBy) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, intent, lang);
    expect({ q, group_by: r.entities.group_by }).toEqual({ q, group_by: groupBy });
  });

  it('each brand: the brands ranked by units', async () => {
    const r = await server().ask('how much did each brand sell?');
    const brands = await ranked('p.brand');
    const shown = tableColumn(r, 1);
    expect(shown).toEqual(brands.slice(0, shown.length));
  });
});

describe('guards: a total, and one brand, keep their answers', () => {
  it.each([
    ['cuanto vendimos el mes pasado', 'sales_trend'],
    ['ventas de la marca 24 el mes pasado', 'sales_trend'],
  ] as const)('"%s"', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, group_by: r.entities.group_by }).toEqual({
      q,
      intent,
      group_by: undefined,
    });
  });
});
