import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos clientes compraron más de una vez en diciembre?" counted the
// customers with more than one unit (1355): "vez" after "una" was no measure, so the bar was read
// as units. "Más de una vez", "más de 2 veces", "more than once" now count orders, checked against SQL.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly data: {
    readonly threshold?: { readonly op: string; readonly value: number; readonly of: string };
    readonly passing?: number;
  };
}

describe('a bar said in times', () => {
  it.each([
    ['¿cuántos clientes compraron más de una vez en marzo?', 'es', 1],
    ['clientes que pidieron más de 3 veces en marzo', 'es', 3],
    ['how many customers ordered more than once in march?', 'en', 1],
    ['customers who bought more than twice in march', 'en', 2],
  ])('%s counts orders', async (question, lang, bar) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.data.threshold).toEqual({ op: 'gt', value: bar, of: 'orders' });
    const [row] = await queryRows(
      server().fx.store.connection,
      `SELECT count(*) AS n FROM (
         SELECT customer_id FROM transactions
         WHERE purchase_date BETWEEN DATE '2024-03-01' AND DATE '2024-03-31'
         GROUP BY 1 HAVING count(DISTINCT order_id) > ${bar})`,
    );
    expect(r.data.passing).toBe(Number(row!.n));
  });
});
