import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué marca prefieren los restaurantes?" gave the list of restaurants: a
// type of customer with no ranking word read as "list those customers". Preferring ("prefieren",
// "favorita", "preferida", "prefer", "favourite") said of a type of customer now asks for what that
// type buys most: its brands when brands are named, its products otherwise, checked against SQL.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Ranked {
  readonly product?: number;
  readonly brand?: string;
  readonly units: number;
}
interface Answer {
  readonly period: Period;
  readonly products?: readonly Ranked[];
  readonly brands?: readonly Ranked[];
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly customer_type?: string; readonly group_by?: string };
  readonly data: Answer;
}

/** Brands or products by net units bought by one type of customer in `p`, as SQL counts them. */
async function expectedRanking(byBrand: boolean, type: string, p: Period) {
  const item = byBrand ? 'p.brand' : 't.product_id';
  return queryRows(
    server().fx.store.connection,
    `SELECT ${item}::VARCHAR AS item, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}' AND c.customer_type = '${type}'
     GROUP BY ${item} HAVING sum(t.items) > 0 ORDER BY round(units, 6) DESC, ${item} LIMIT 5`,
  );
}

describe('what a type of customer prefers', () => {
  it.each([
    ['¿qué marca prefieren los restaurantes?', 'es', true, 'RESTAURANT'],
    ['what brand do restaurants prefer?', 'en', true, 'RESTAURANT'],
    ['¿cuál es la marca favorita de los mayoristas?', 'es', true, 'MAYORISTA'],
    ['¿cuáles son las marcas preferidas de los restaurantes?', 'es', true, 'RESTAURANT'],
    ['which products do wholesalers prefer?', 'en', false, 'MAYORISTA'],
    ['¿qué productos prefieren los restaurantes?', 'es', false, 'RESTAURANT'],
  ] as const)('%s', async (q, lang, byBrand, type) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('top_products');
    expect(r.entities.customer_type).toBe(type);
    expect(r.entities.group_by).toBe(byBrand ? 'brand' : undefined);
    const want = await expectedRanking(byBrand, type, r.data.period);
    const got = (byBrand ? r.data.brands : r.data.products) ?? [];
    expect(got.map((g) => String(g.brand ?? g.product))).toEqual(want.map((w) => String(w.item)));
    // Fractional units (a pack split across lines) add up in another order in SQL.
    got.forEach((g, i) => expect(g.units).toBeCloseTo(Number(want[i]!.units), 6));
    expect(r.answer).toContain(chatNumber(Number(want[0]!.units), lang));
  });

  it.each([
    ['¿qué restaurantes compraron en marzo?', 'top_customers'],
    ['lista de clientes restaurant', 'top_customers'],
    ['¿cuál es la marca favorita del cliente 1002?', 'top_products'],
  ] as const)('%s is still answered as before', async (q, intent) => {
    expect((await server().ask<Reply>(q)).intent).toBe(intent);
  });
});
