import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { tableColumn } from './chat-replies.ts';

// "mas porfa", "next 5", "sigue", "what else?" were not read as asking for more of the last list
// (only a few fixed forms were), and "more" with nothing before it, after an answer that was no
// list, or past a list's last row answered as if there were new figures ("no sales").
const server = useChatServer();
let session = 0;
const newSession = () => `more-of-list-${String(session++).padStart(4, '0')}`;

/** Products by net units over the last four weeks of data, best first. */
async function bestSellers(): Promise<number[]> {
  const { lastDay, fx } = server();
  const rows = await queryRows(
    fx.store.connection,
    `SELECT product_id::DOUBLE AS id FROM transactions
     WHERE purchase_date BETWEEN DATE '${daysAfter(lastDay, -27)}' AND DATE '${lastDay}'
     GROUP BY 1 HAVING sum(items) > 0 ORDER BY sum(items) DESC, 1`,
  );
  return rows.map((r) => Number(r.id));
}

describe('asking for more continues the previous list', () => {
  it.each([
    'mas porfa',
    'más por favor',
    'y otros?',
    'show more',
    'more please',
    'sigue',
    'what else?',
    'dame otros',
    'keep going',
    'y los que siguen?',
    'continue please',
    '¿hay más?',
  ])('"%s" after the top 2 products lists the 3rd and 4th', async (q) => {
    const sid = newSession();
    await server().inSession('top 2 productos', sid);
    const r = await server().inSession(q, sid);
    const ranked = await bestSellers();
    expect({ q, intent: r.intent, ranks: tableColumn(r, 0), ids: tableColumn(r, 1).map(Number) }).toEqual({
      q,
      intent: 'top_products',
      ranks: ['3', '4'],
      ids: ranked.slice(2, 4),
    });
  });

  it.each([
    ['next 3', 3],
    ['otros 3', 3],
    ['3 more', 3],
  ])('"%s" shows that many more', async (q, n) => {
    const sid = newSession();
    await server().inSession('top 1 products', sid);
    const r = await server().inSession(q, sid);
    expect(tableColumn(r, 1).map(Number)).toEqual((await bestSellers()).slice(1, 1 + n));
  });

  it('more advice for the same customer continues the ranking, without repeating a product', async () => {
    const sid = newSession();
    const first = await server().inSession('¿qué le ofrezco al cliente 100026?', sid);
    const next = await server().inSession('mas porfa', sid);
    expect(next.intent).toBe('recommend');
    expect(next.entities.customer_id).toBe(100026);
    const shown = tableColumn(first, 1);
    expect(tableColumn(next, 0)[0]).toBe(String(shown.length + 1));
    expect(tableColumn(next, 1).filter((p) => shown.includes(p))).toEqual([]);
  });

  it('past the last row it says the list is complete with how many rows it had, not that nothing sold', async () => {
    const sid = newSession();
    const all = (await bestSellers()).length;
    await server().inSession(`top ${all} productos`, sid);
    const r = await server().inSession('mas porfa', sid);
    expect(r.answered).toBe(true);
    expect(r.table).toBeUndefined();
    expect(r.answer).toMatch(new RegExp(`No hay más.*\\(${all}\\)`));
  });

  it('with nothing asked before it says there is no list to continue', async () => {
    const r = await server().inSession('more please', newSession());
    expect({ answered: r.answered, intent: r.intent, table: r.table }).toEqual({
      answered: false,
      intent: 'unknown',
      table: undefined,
    });
    expect(r.answer).toMatch(/no earlier answer/i);
  });

  it('after an answer that was no list it says there are no more rows instead of repeating it', async () => {
    const sid = newSession();
    await server().inSession('¿qué tipo de cliente es el 100026?', sid);
    const r = await server().inSession('mas porfa', sid);
    expect(r.table).toBeUndefined();
    expect(r.answer).toMatch(/no era una lista/);
  });
});
