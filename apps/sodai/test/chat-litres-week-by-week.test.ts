import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos litros se vendieron en diciembre?" led with the litres but went on
// "Semana a semana: … la mejor la del 16 dic 2024 (51.703) y la más floja la del 2 dic 2024 (25.604)":
// units, with no unit said, right after a total in litres. The weeks of a litres question are now
// measured in litres too (best, weakest and direction), and a week's figure after a period's total
// names its unit, litres or units. The best and weakest whole week are checked against SQL here.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly total?: { readonly period: { readonly from: string; readonly to: string } };
  };
}

describe('week by week in the measure asked', () => {
  it.each([
    ['¿cuántos litros se vendieron en marzo?', 'es', 'TRUE', 't.items * p.size', 1, 'litros'],
    [
      'how many liters of cans did we sell in april?',
      'en',
      `p.package = 'LATA'`,
      't.items * p.size',
      1,
      'litres',
    ],
    [
      'volumen en litros de los restaurantes en marzo',
      'es',
      `c.customer_type = 'RESTAURANT'`,
      't.items * p.size',
      1,
      'litros',
    ],
    // Units asked: the weeks stay in units, now named.
    ['¿cuántas unidades se vendieron en marzo?', 'es', 'TRUE', 't.items', 0, 'unidades'],
  ] as const)('%s', async (q, lang, where, measure, decimals, noun) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_trend');
    const { from, to } = r.data.total!.period;
    // Whole Monday–Sunday weeks inside the period: the ones the best and weakest are picked from.
    const weeks = await queryRows(
      server().fx.store.connection,
      `SELECT date_trunc('week', t.purchase_date)::DATE::VARCHAR AS start, sum(${measure})::DOUBLE AS amount
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}
       GROUP BY 1
       HAVING date_trunc('week', min(t.purchase_date))::DATE >= DATE '${from}'
          AND date_trunc('week', min(t.purchase_date))::DATE + 6 <= DATE '${to}'
       ORDER BY amount DESC`,
    );
    expect(weeks.length).toBeGreaterThan(1);
    const said = (w: Readonly<Record<string, unknown>>) =>
      `${chatDay(String(w.start), lang)} (${chatNumber(Number(w.amount), lang, decimals)} ${noun})`;
    expect(r.answer).toContain(said(weeks[0]!));
    expect(r.answer).toContain(said(weeks.at(-1)!));
  });
});
