import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué día de la semana hay más pedidos?" answered "el que más vende es el
// jueves": the day with the most units, where Friday had the most orders; and "which weekday has the
// fewest orders?" named the busiest day. The split by weekday now leads with the day asked for: by
// orders when orders are counted, the quietest when the fewest are asked, checked against SQL here.
const server = useChatServer();

interface Answer {
  readonly period: { readonly from: string; readonly to: string };
  readonly days: readonly { readonly day: number; readonly units: number; readonly orders: number }[];
}

const NAMES = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: Answer;
}

describe('the day of the week asked for', () => {
  it.each([
    ['¿qué día de la semana hay más pedidos?', 'es', 'orders', 'DESC', 'el de más pedidos es el'],
    ['which weekday has the fewest orders?', 'en', 'orders', 'ASC', 'has the fewest orders'],
    ['¿qué día se vende menos?', 'es', 'units', 'ASC', 'el que menos vende es el'],
    ['which day of the week sells the most?', 'en', 'units', 'DESC', 'sells the most'],
  ] as const)('%s', async (q, lang, measure, order, words) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_share');
    const d = r.data;
    const rows = await queryRows(
      server().fx.store.connection,
      `SELECT isodow(purchase_date)::DOUBLE AS day, sum(items)::DOUBLE AS units,
              count(DISTINCT order_id)::DOUBLE AS orders
       FROM transactions WHERE purchase_date BETWEEN DATE '${d.period.from}' AND DATE '${d.period.to}'
       GROUP BY 1 ORDER BY ${measure} ${order}, day`,
    );
    const first = Number(rows[0]!.day);
    expect(d.days.map((x) => x.day)).toEqual(rows.map((x) => Number(x.day)));
    const day = NAMES[lang][first - 1]!;
    expect(r.answer).toContain(lang === 'es' ? `${words} ${day}` : `${day} ${words}`);
  });
});
