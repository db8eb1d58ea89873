import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';
import { tableColumn } from './chat-replies.ts';

// A question that asks two things had its first part answered and the second left for the user to
// ask again ("top 5 products and how many customers bought last week"), and "¿quién es el mejor
// cliente y qué le recomiendas?" lost its first part entirely. Both parts are now answered, the
// second after the first (so "le", "lo", "him" refer to what the first found, and a period said
// once is both parts'); a part no rule can read is named as not answered, never dropped.
const server = useChatServer();

interface SecondPart {
  readonly intent: string;
  readonly entities: { readonly customer_id?: number; readonly product_id?: number };
}
const secondPart = (data: Record<string, unknown>) => data.second_part as SecondPart | undefined;

/** Ids by net units in [from, to], ties by id. */
async function ranking(column: 'customer_id' | 'product_id', from: string, to: string): Promise<number[]> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT ${column}::DOUBLE AS id FROM transactions WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
     GROUP BY 1 HAVING sum(items) > 0 ORDER BY sum(items) DESC, id`,
  );
  return rows.map((r) => Number(r.id));
}
const fourWeeks = () => [daysAfter(server().lastDay, -27), server().lastDay] as const;

describe('two questions in one', () => {
  it.each([
    ['top 5 products and how many customers bought last week', 'en'],
    ['los 5 productos más vendidos y cuántos clientes compraron la semana pasada', 'es'],
  ] as const)('"%s" lists the week\'s top 5 and counts its buyers', async (q, lang) => {
    const r = await server().ask(q);
    const period = r.entities.period!;
    expect({ q, intent: r.intent, days: daysAfter(period.from, 6) === period.to }).toEqual({
      q,
      intent: 'top_products',
      days: true,
    });
    expect(tableColumn(r, 1).map(Number)).toEqual(
      (await ranking('product_id', period.from, period.to)).slice(0, 5),
    );
    const [buyers] = await queryRows(
      server().fx.store.connection,
      `SELECT count(DISTINCT customer_id)::DOUBLE AS n FROM transactions
       WHERE purchase_date BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND items > 0`,
    );
    expect(secondPart(r.data)?.intent).toBe('count_customers');
    expect(r.answer.split('\n\n')[1]).toMatch(new RegExp(`^${chatNumber(Number(buyers!.n), lang)} `));
  });

  it.each([
    ['¿quién es el mejor cliente y qué le recomiendas?', 'es'],
    ['who is our best customer and what should I offer him?', 'en'],
  ] as const)('"%s" finds the best customer, then advises that customer', async (q, lang) => {
    const r = await server().ask(q);
    const [top] = await ranking('customer_id', ...fourWeeks());
    expect({ q, intent: r.intent, lang: r.lang, first: tableColumn(r, 1)[0] }).toEqual({
      q,
      intent: 'top_customers',
      lang,
      first: String(top),
    });
    expect(secondPart(r.data)).toMatchObject({ intent: 'recommend', entities: { customer_id: top } });
    expect(r.answer.split('\n\n')[1]).toContain(String(top));
  });

  it('"¿cuál es el producto más vendido y quién lo compró?" lists the buyers of that product', async () => {
    const r = await server().ask('¿cuál es el producto más vendido y quién lo compró?');
    const [top] = await ranking('product_id', ...fourWeeks());
    expect(secondPart(r.data)).toMatchObject({ intent: 'product_buyers', entities: { product_id: top } });
  });

  it.each([
    ['top 3 productos y cuál es su margen?', 'product_id', /^No tengo datos de márgenes/],
    ['top 3 clientes y su margen', 'customer_id', /^No tengo datos de márgenes/],
    ['top 3 products and their prices', 'product_id', /^I have no data on prices/],
  ] as const)(
    '"%s": a second part about data there is none of gets that answer, after the first',
    async (q, column, missing) => {
      const r = await server().ask(q);
      expect(tableColumn(r, 1).map(Number)).toEqual((await ranking(column, ...fourWeeks())).slice(0, 3));
      expect(r.answer.split('\n\n')[1]).toMatch(missing);
    },
  );

  it.each([
    ['top 3 products and what is the weather like?', 'what is the weather like'],
    ['¿va a llover mañana y cuántos clientes hay?', 'va a llover manana'],
  ])('"%s" answers the part it can and names the part it did not answer', async (q, left) => {
    const r = await server().ask(q);
    expect(r.answered).toBe(true);
    expect(r.answer).toContain(left);
    expect(r.answer).toMatch(/No supe responder esta parte|could not answer this part/);
  });
});
