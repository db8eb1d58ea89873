import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué productos se venden más los lunes?" gave the best sellers of the last
// four weeks, every day of them: a weekday named only narrowed the customers who order on it. A
// weekday named in a ranking of products or brands now ranks that weekday's sales alone, over the
// period named or the last twelve weeks (as the other weekday answers, so several of that day count),
// checked against SQL.
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
  readonly weekday?: number;
  readonly products?: readonly Ranked[];
  readonly brands?: readonly Ranked[];
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: Answer;
}

/** Items by net units sold on ISO weekday `day` in `p`, as SQL counts them. */
async function expectedRanking(byBrand: boolean, p: Period, day: number) {
  const item = byBrand ? 'p.brand' : 't.product_id';
  return queryRows(
    server().fx.store.connection,
    `SELECT ${item}::VARCHAR AS item, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id)
     WHERE t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}' AND isodow(t.purchase_date) = ${day}
     GROUP BY ${item} HAVING sum(t.items) > 0 ORDER BY units DESC, ${item} LIMIT 5`,
  );
}

describe('a ranking of the sales of one weekday', () => {
  it.each([
    ['¿qué productos se venden más los lunes?', 'es', false, 1, undefined],
    ['best-selling products on fridays', 'en', false, 5, undefined],
    ['¿qué marca se vende más los viernes?', 'es', true, 5, undefined],
    ['top brands on tuesdays in april', 'en', true, 2, ['2024-04-01', '2024-04-30']],
    [
      '¿cuáles son los productos más vendidos los sábados en marzo?',
      'es',
      false,
      6,
      ['2024-03-01', '2024-03-31'],
    ],
    ['which products sell best on wednesdays?', 'en', false, 3, undefined],
  ] as const)('%s', async (q, lang, byBrand, day, named) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('top_products');
    expect(r.data.weekday).toBe(day);
    if (named) expect([r.data.period.from, r.data.period.to]).toEqual(named);
    else
      expect(r.data.period).toMatchObject({ from: daysAfter(server().lastDay, -83), to: server().lastDay });
    const want = await expectedRanking(byBrand, r.data.period, day);
    const got = (byBrand ? r.data.brands : r.data.products) ?? [];
    expect(got.map((g) => String(g.brand ?? g.product))).toEqual(want.map((w) => String(w.item)));
    // Fractional units (a pack split across lines) add up in another order in SQL.
    got.forEach((g, i) => expect(g.units).toBeCloseTo(Number(want[i]!.units), 6));
    expect(r.answer).toContain(chatNumber(Number(want[0]!.units), lang));
    expect(r.answer).toMatch(
      lang === 'es' ? / los (lunes|martes|miércoles|jueves|viernes|sábados|domingos) / : / on [A-Z]\w+days /,
    );
  });

  it.each([
    ['which customers order on mondays?', 'top_customers'],
    ['¿qué día de la semana se vende más?', 'sales_share'],
    ['¿qué productos se venden más?', 'top_products'],
  ] as const)('%s is still answered as before', async (q, intent) => {
    const r = await server().ask<Reply>(q);
    expect(r.intent).toBe(intent);
    if (intent !== 'top_customers') expect(r.data.weekday).toBeUndefined();
  });
});
