import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { PERCENT_MIN_BASE } from '../src/chat/tools/movers.ts';
import { useChatServer } from './chat-server.ts';

// "¿Qué marcas crecieron más en porcentaje el último trimestre?" listed brands by the units gained
// (+36,7 %, +29,8 %, +38,7 % …). Asked in percent, "fastest" or "más rápido", they are now ranked
// by the relative change, over a base of at least PERCENT_MIN_BASE units in the period before (a
// jump from 2 to 10 units would top any list), which the answer says; checked against SQL.
const server = useChatServer();

interface Moved {
  readonly period?: { readonly from: string; readonly to: string };
  readonly previous?: { readonly from: string; readonly to: string };
  readonly ranked_by?: string;
  readonly brands?: readonly { readonly brand: string }[];
  readonly products?: readonly { readonly product: number }[];
}

/** Brands or products by their change in percent, over the floor, risers or fallers first. */
async function byPercent(d: Moved, byBrand: boolean, down: boolean): Promise<string[]> {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH u AS (
       SELECT ${byBrand ? 'p.brand' : 't.product_id::VARCHAR'} AS item,
              coalesce(sum(t.items) FILTER (WHERE t.purchase_date BETWEEN DATE '${d.period!.from}' AND DATE '${d.period!.to}'), 0) AS now,
              coalesce(sum(t.items) FILTER (WHERE t.purchase_date BETWEEN DATE '${d.previous!.from}' AND DATE '${d.previous!.to}'), 0) AS before
       FROM transactions t JOIN products p USING (product_id) GROUP BY 1)
     SELECT item FROM u WHERE before >= ${PERCENT_MIN_BASE} AND now ${down ? '<' : '>'} before
     ORDER BY now / before ${down ? 'ASC' : 'DESC'}, item LIMIT 5`,
  );
  return rows.map((r) => String(r.item));
}

describe('growth ranked by percent', () => {
  it.each([
    ['¿qué marcas crecieron más en porcentaje el mes pasado?', 'es', true, false],
    ['which brands grew fastest last month?', 'en', true, false],
    ['marcas con mayor crecimiento porcentual el mes pasado', 'es', true, false],
    ['top brands by % growth last month', 'en', true, false],
    ['¿qué productos crecen más rápido?', 'es', false, false],
    ['fastest growing products', 'en', false, false],
    ['¿qué marcas cayeron más en porcentaje?', 'es', true, true],
    ['which products are falling fastest in relative terms?', 'en', false, true],
  ] as const)('%s', async (q, lang, byBrand, down) => {
    const r = await server().ask(q, lang);
    const d = r.data as Moved;
    expect({ q, intent: r.intent, ranked_by: d.ranked_by }).toEqual({
      q,
      intent: 'movers',
      ranked_by: 'percent',
    });
    const got = byBrand ? d.brands!.map((b) => b.brand) : d.products!.map((p) => String(p.product));
    expect({ q, got }).toEqual({ q, got: await byPercent(d, byBrand, down) });
    expect(r.answer).toContain(
      lang === 'es' ? `al menos ${PERCENT_MIN_BASE} unidades` : `at least ${PERCENT_MIN_BASE} units`,
    );
  });

  it.each([
    ['¿qué marcas crecieron más el mes pasado?', 'es'],
    ['which products grew the most?', 'en'],
  ] as const)('%s still ranks by units gained', async (q, lang) => {
    const r = await server().ask(q, lang);
    expect({ q, intent: r.intent, ranked_by: (r.data as Moved).ranked_by }).toEqual({
      q,
      intent: 'movers',
      ranked_by: undefined,
    });
  });
});
