import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { tableColumn } from './chat-replies.ts';

// "Más" / "show more" after the newer lists (the catalogue, returns, a weekday's customers, what
// buyers also buy, customers who bought less, buyers of one product but not another) answered
// another question: the conversation remembered the intent and entities but not what the question
// asked beyond them. "More" now asks the previous question again, further down whatever list it
// showed; a list shown whole (the usual products skipped) says there is no more.
const server = useChatServer();
let session = 0;
const newSession = () => `more-any-list-${String(session++).padStart(4, '0')}`;

async function pages(first: string, more: string) {
  const sid = newSession();
  const a = await server().inSession(first, sid);
  const b = await server().inSession(more, sid);
  return { a, b };
}

describe('"more" continues whatever list was shown last', () => {
  it.each([
    ['¿qué productos hay en botella?', 'más'],
    ['which products come in bottles?', 'show more'],
    ['which customers return the most?', 'more please'],
    ['¿qué clientes devuelven más?', 'sigue'],
    ['which customers order on mondays?', 'keep going'],
    ['¿qué clientes compran los viernes?', 'y otros?'],
    ['what else do buyers of 20036 buy?', 'what else?'],
    ['¿qué más compran los que compran el 20036?', 'dame otros'],
    ['¿qué clientes compraron menos que el mes pasado?', 'mas porfa'],
    ['which customers bought more than last month?', 'next 3'],
    ['¿qué clientes compran el 20036 pero no el 20019?', '¿hay más?'],
  ])('"%s" then "%s" shows the next rows of the same list', async (first, more) => {
    const { a, b } = await pages(first, more);
    const shown = tableColumn(a, 1);
    expect(shown.length).toBeGreaterThan(0);
    const next = tableColumn(b, 1);
    expect({
      first,
      more,
      intent: b.intent,
      rank: tableColumn(b, 0)[0],
      repeated: next.filter((x) => shown.includes(x)),
    }).toEqual({
      first,
      more,
      intent: a.intent,
      rank: String(shown.length + 1),
      repeated: [],
    });
    expect(next.length).toBeGreaterThan(0);
    // The same question, so the same total found and the same kind of answer.
    expect(Object.keys(b.data).sort()).toEqual(Object.keys(a.data).sort());
    if ('found' in a.data) expect(b.data.found).toBe(a.data.found);
  });

  it('the next customers who returned most are those SQL ranks after the first five', async () => {
    const { b } = await pages('¿qué clientes devolvieron más?', 'more');
    const last = server().lastDay;
    const rows = await queryRows(
      server().fx.store.connection,
      `SELECT customer_id::DOUBLE AS id FROM transactions
       WHERE items < 0 AND purchase_date BETWEEN DATE '${daysAfter(last, -27)}' AND DATE '${last}'
       GROUP BY 1 ORDER BY -sum(items) DESC, count(*) DESC, id LIMIT 5 OFFSET 5`,
    );
    expect(tableColumn(b, 1)).toEqual(rows.map((r) => String(r.id)));
  });

  it('the next products of the catalogue are those SQL lists after the first twenty', async () => {
    const { a, b } = await pages('¿qué productos hay en botella?', 'show more');
    const rows = await queryRows(
      server().fx.store.connection,
      `SELECT p.product_id::DOUBLE AS id, coalesce(sum(t.items), 0)::DOUBLE AS units
       FROM products p LEFT JOIN transactions t USING (product_id) WHERE p.package = 'BOTELLA'
       GROUP BY 1 ORDER BY units DESC, id`,
    );
    const ids = rows.map((r) => String(r.id));
    const shown = tableColumn(a, 1).length;
    expect(tableColumn(b, 1).length).toBeGreaterThan(0);
    expect(tableColumn(b, 1)).toEqual(ids.slice(shown, shown + tableColumn(b, 1).length));
  });

  it('after a list shown whole (the usual products skipped) it says there are no more', async () => {
    const { b } = await pages('¿qué dejó de pedir el 100026?', 'mas porfa');
    expect(b.table).toBeUndefined();
    expect(b.answer).toMatch(/No hay más/);
  });

  it.each([
    ['top 2 productos', 'mas porfa', 'top_products'],
    ['¿qué día de la semana se vende más?', 'más', 'sales_share'],
    ['¿cuántos productos hay?', 'show more', 'count_products'],
  ])('"%s" then "%s" keeps its old answer', async (first, more, intent) => {
    const { b } = await pages(first, more);
    expect(b.intent).toBe(intent);
    if (intent === 'top_products') expect(tableColumn(b, 0)).toEqual(['3', '4']);
    else expect({ table: b.table, more: b.data.more }).toEqual({ table: undefined, more: 'not_a_list' });
  });
});
