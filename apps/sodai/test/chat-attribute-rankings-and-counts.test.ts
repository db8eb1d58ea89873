import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { tableColumn } from './chat-replies.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "¿Cuántas marcas hay?" got "I cannot answer that" and "how many brands do we sell?" the weekly
// trend; "which category sells the most?" listed the best-selling products. A count of a product
// attribute's values now counts them, and a ranking of an attribute's values (other than brands,
// which have their own ranking) splits the sales by it, largest first.
const server = useChatServer();
const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

describe('how many brands, categories, packages', () => {
  it.each([
    ['¿cuántas marcas hay?', 'brand', 'es'],
    ['how many brands do we sell?', 'brand', 'en'],
    ['cuantas categorias hay', 'category', 'es'],
    ['¿cuántos envases distintos tenemos?', 'package', 'es'],
    ['how many segments are there?', 'segment', 'en'],
  ] as const)('"%s" counts the %s values in the catalogue', async (q, column, lang) => {
    const [r] = await sql(
      `SELECT count(DISTINCT ${column})::DOUBLE AS n,
              count(DISTINCT ${column}) FILTER (WHERE product_id IN (SELECT product_id FROM transactions))::DOUBLE AS sold
       FROM products`,
    );
    const reply = await ask(q);
    expect({ intent: reply.intent, group_by: reply.entities.group_by }).toEqual({
      intent: 'count_products',
      group_by: column,
    });
    expect(reply.answer).toContain(chatNumber(Number(r!.n), lang));
    expect(reply.data).toMatchObject({ registered: Number(r!.n), sold: Number(r!.sold) });
  });

  it('"¿cuántos productos hay?" still counts products', async () => {
    const [r] = await sql('SELECT count(*)::DOUBLE AS n FROM products');
    const reply = await ask('¿cuántos productos hay?');
    expect(reply.entities.group_by).toBeUndefined();
    expect(reply.data).toMatchObject({ registered: Number(r!.n) });
  });
});

describe('which category, package or size sells the most', () => {
  it.each([
    ['which category sells the most?', 'category'],
    ['¿qué categoría vende más?', 'category'],
    ['que envase se vende mas', 'package'],
    ['what size sells best?', 'size'],
  ] as const)('"%s" ranks the %s values by units sold', async (q, column) => {
    const from = daysAfter(server().lastDay, -27);
    const rows = await sql(
      `SELECT p.${column} AS v, sum(t.items)::DOUBLE AS units FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date >= DATE '${from}' GROUP BY 1 ORDER BY units DESC, 1`,
    );
    const reply = await ask(q);
    expect({ intent: reply.intent, group_by: reply.entities.group_by }).toEqual({
      intent: 'sales_share',
      group_by: column,
    });
    const lang = reply.lang;
    expect(tableColumn(reply, 1)).toEqual(rows.map((r) => chatNumber(Number(r.units), lang)));
  });

  it.each([
    ['¿qué marca vende más?', 'top_products'],
    ['los productos más vendidos de cada categoría', 'top_products'],
  ])('"%s" keeps its ranking (%s)', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it('"ventas de bebidas carbonatadas en abril" names a category to narrow to, not to split by', async () => {
    const reply = await ask('ventas de bebidas carbonatadas en abril');
    expect(reply.intent).not.toBe('sales_share');
    expect(reply.entities.category).toBe('BEBIDAS CARBONATADAS');
  });
});
