import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { tableColumn } from './chat-replies.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "¿Qué clientes dejaron de comprar latas?" answered with every customer who stopped buying anything
// (the lapsed tool read only a product or a brand, while its "based on" named the cans), and "¿quién
// compra más latas?" asked which product ("who buys" read as who will buy one product).
const server = useChatServer();
const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/** Customers with 2+ orders matching `where` whose last such purchase is before the last 4 weeks. */
async function lapsedOf(where: string): Promise<number> {
  const from = daysAfter(server().lastDay, -27);
  const [r] = await sql(
    `SELECT count(*)::DOUBLE AS n FROM (
       SELECT t.customer_id FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE ${where} GROUP BY 1
       HAVING count(DISTINCT t.order_id) >= 2 AND max(t.purchase_date) < DATE '${from}')`,
  );
  return Number(r!.n);
}

describe('customers who stopped buying a kind of product', () => {
  it.each([
    ['¿qué clientes dejaron de comprar latas?', "p.package = 'LATA'", 'es'],
    ['which customers stopped buying cans?', "p.package = 'LATA'", 'en'],
    ['clientes que ya no compran gaseosas', "p.sub_category = 'GASEOSAS'", 'es'],
    [
      '¿qué restaurantes dejaron de comprar bebidas carbonatadas?',
      "p.category = 'BEBIDAS CARBONATADAS' AND c.customer_type = 'RESTAURANT'",
      'es',
    ],
  ] as const)('"%s" counts those who stopped buying that kind', async (q, where, lang) => {
    const n = await lapsedOf(where);
    const all = await lapsedOf('TRUE');
    const r = await ask(q);
    expect(r.intent).toBe('lapsed_customers');
    expect(r.entities.scope).toBe('product');
    expect(r.data).toMatchObject({ lapsed: n });
    if (n > 0) expect(r.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
    // The cans narrow the answer: it is not everyone who stopped buying anything.
    expect(n).not.toBe(all);
  });

  it('"¿quiénes dejaron de comprar?" still counts those who stopped buying anything', async () => {
    const r = await ask('¿quiénes dejaron de comprar?');
    expect(r.data).toMatchObject({ lapsed: await lapsedOf('TRUE') });
  });
});

describe('who buys the most of a kind of product', () => {
  it.each([
    ['¿quién compra más latas?', "p.package = 'LATA'"],
    ['quienes compran mas premium', "p.segment = 'PREMIUM'"],
    ['who buys the most cans?', "p.package = 'LATA'"],
  ])('"%s" ranks the customers by those units', async (q, where) => {
    const from = daysAfter(server().lastDay, -27);
    const top = await sql(
      `SELECT t.customer_id::VARCHAR AS id FROM transactions t JOIN products p USING (product_id)
       WHERE ${where} AND t.purchase_date >= DATE '${from}'
       GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
    );
    const r = await ask(q);
    expect(r.intent).toBe('top_customers');
    expect(tableColumn(r, 1)[0]).toBe(String(top[0]!.id));
  });

  it('"¿quién compra el 20012?" still asks who will buy that product', async () => {
    expect((await ask('¿quién compra el 20012?')).intent).toBe('likely_buyers');
  });
});
