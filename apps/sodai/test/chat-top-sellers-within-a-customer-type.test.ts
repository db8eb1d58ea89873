import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { tableColumn } from './chat-replies.ts';

// "Top sellers for convenience stores" ranked the convenience stores themselves: a type of customer
// names customers without any customer noun, and "top" read as a ranking of them. Selling words,
// "what do they buy", and the type after "en / for / among" rank the products that type bought;
// the type alone as the head ("top minimarkets") still ranks its customers.
const server = useChatServer();

/** Ids ranked by net units over the last four weeks of data, among customers of `type`. */
async function ranked(by: 'product_id' | 'customer_id', type: string): Promise<number[]> {
  const { lastDay, fx } = server();
  const rows = await queryRows(
    fx.store.connection,
    `SELECT t.${by}::DOUBLE AS id FROM transactions t JOIN customers c USING (customer_id)
     WHERE c.customer_type = '${type}'
       AND t.purchase_date BETWEEN DATE '${daysAfter(lastDay, -27)}' AND DATE '${lastDay}'
     GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY sum(t.items) DESC, 1 LIMIT 5`,
  );
  return rows.map((r) => Number(r.id));
}

const ids = (r: ChatResponse) => tableColumn(r, 1).map(Number);

describe('a ranking within a type of customer ranks what that type buys', () => {
  it.each([
    ['top sellers for convenience stores', 'TIENDA DE CONVENIENCIA'],
    ['best sellers at restaurants', 'RESTAURANT'],
    ['wholesalers: what do they buy most?', 'MAYORISTA'],
    ['lo más vendido en minimarkets', 'MINIMARKET'],
    ['¿qué es lo que más sale en los restaurantes?', 'RESTAURANT'],
    ['top 5 en los mayoristas', 'MAYORISTA'],
    ['ranking de ventas almacenes', 'ABARROTES'],
  ])('"%s" lists the products customers of type %s bought most', async (q, type) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, type: r.entities.customer_type }).toEqual({
      q,
      intent: 'top_products',
      type,
    });
    expect(ids(r)).toEqual(await ranked('product_id', type));
  });

  it.each([
    ['top minimarkets', 'MINIMARKET'],
    ['mejores restaurantes', 'RESTAURANT'],
    ['¿qué mayoristas compran más?', 'MAYORISTA'],
    ['los almacenes que más compran', 'ABARROTES'],
  ])('"%s" still ranks the customers of type %s', async (q, type) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, type: r.entities.customer_type }).toEqual({
      q,
      intent: 'top_customers',
      type,
    });
    expect(ids(r)).toEqual(await ranked('customer_id', type));
  });
});
