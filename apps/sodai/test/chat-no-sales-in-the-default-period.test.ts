import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué minimarkets compran tetra?" answered "No hubo ventas las últimas 4
// semanas (envase TETRA, minimarkets)." and no more: the four weeks were the default, not asked for,
// and a sales person is left wondering whether there ever were any. A ranking of customers or
// products whose default period had no sales now adds the last day with a matching sale (checked
// against SQL over the same store), or that there never was one; a period named keeps its answer.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: { readonly last_sale?: string | null };
}

/** The last day with a sale of `where`, or null. */
async function lastSale(where: string): Promise<string | null> {
  const [row] = await queryRows(
    server().fx.store.connection,
    `SELECT max(t.purchase_date)::VARCHAR AS last FROM transactions t JOIN products p USING (product_id)
     JOIN customers c USING (customer_id) WHERE t.items > 0 AND ${where}`,
  );
  return row?.last == null ? null : String(row.last);
}

describe('no sales in the default period', () => {
  it.each([
    [
      '¿qué supermercados compran latas?',
      'es',
      'top_customers',
      `p.package = 'LATA' AND c.customer_type = 'SUPERMERCADO'`,
    ],
    [
      'which restaurants buy tetra?',
      'en',
      'top_customers',
      `p.package = 'TETRA' AND c.customer_type = 'RESTAURANT'`,
    ],
    ['productos más vendidos a supermercados', 'es', 'top_products', `c.customer_type = 'SUPERMERCADO'`],
    [
      'best-selling cans to supermarkets',
      'en',
      'top_products',
      `p.package = 'LATA' AND c.customer_type = 'SUPERMERCADO'`,
    ],
  ] as const)('%s says when such sales last happened', async (q, lang, intent, where) => {
    const r = await server().ask<Reply>(q, lang);
    const last = await lastSale(where);
    // The fixture's last four weeks start on 22 April: these sales stopped before.
    expect(last !== null && last < '2024-04-22').toBe(true);
    expect({ q, intent: r.intent, last: r.data.last_sale }).toEqual({ q, intent, last });
    expect(r.answer).toContain(
      lang === 'es'
        ? `La última venta así fue el ${chatDay(last!, lang)}.`
        : `The last such sale was on ${chatDay(last!, lang)}.`,
    );
  });

  it.each([
    ['¿qué minimarkets compran tetra?', 'es', 'MINIMARKET', 'No hay ninguna venta así'],
    ['which supermarkets buy tetra?', 'en', 'SUPERMERCADO', 'There is no such sale'],
  ] as const)('%s says there never were any', async (q, lang, type, said) => {
    expect(await lastSale(`p.package = 'TETRA' AND c.customer_type = '${type}'`)).toBeNull();
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent, last: r.data.last_sale }).toEqual({
      q,
      intent: 'top_customers',
      last: null,
    });
    expect(r.answer).toContain(said);
  });

  it.each([
    ['¿qué supermercados compraron latas en abril?', 'es'],
    ['¿qué clientes compran latas?', 'es'],
    ['best-selling products', 'en'],
  ] as const)('%s: a period named or sales found add nothing', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, last: r.data.last_sale }).toEqual({ q, last: undefined });
    expect(r.answer).not.toMatch(/última venta así|last such sale|ninguna venta así|no such sale/);
  });
});
