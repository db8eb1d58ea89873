import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántos litros se vendieron en diciembre?" answered in units (159.078
// unidades) as if they were what was asked, and "volumen en litros de la marca 24" was refused. A
// distributor measures volume in litres: the period's total now leads with the litres (units times
// each product's size), its units beside them, and the change against the period before is of
// litres, checked against SQL here. A size that filters ("botellas de 1 litro") is no such question.
const server = useChatServer();

interface Figures {
  readonly litres: number;
  readonly units: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly total?: Figures & { readonly period: { readonly from: string; readonly to: string } };
  };
}

describe('litres sold', () => {
  it.each([
    ['¿cuántos litros se vendieron en marzo?', 'es', 'TRUE', 'litros'],
    ['how many liters of cans did we sell in april?', 'en', `p.package = 'LATA'`, 'litres'],
    ['volumen en litros de los restaurantes en febrero', 'es', `c.customer_type = 'RESTAURANT'`, 'litros'],
  ] as const)('%s', async (q, lang, where, word) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_trend');
    const total = r.data.total!;
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT sum(t.items * p.size)::DOUBLE AS litres, sum(t.items)::DOUBLE AS units
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${total.period.from}' AND DATE '${total.period.to}' AND ${where}`,
    );
    expect(total.litres).toBeCloseTo(Number(want!.litres), 6);
    expect(r.answer).toContain(`${chatNumber(Number(want!.litres), lang, 1)} ${word}`);
    expect(r.answer).toContain(chatNumber(Number(want!.units), lang));
  });

  it('a size that filters is not asked in litres', async () => {
    const r = await server().ask<Reply>('ventas de botellas de 1 litro en marzo', 'es');
    expect(r.answer).not.toMatch(/\d litros/);
  });
});
