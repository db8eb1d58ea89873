import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, chatPercent, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuál es la tasa de recompra del producto 1370?" gave its weekly sales
// ("recompra" was spelt back to "compra") and "what is the repeat purchase rate of product 1370?" asked
// which customer was meant. The repeat purchase rate is now the share of the buyers in the period
// (default the last 12 weeks) who bought it on two or more different days, with the counts, for a
// product, a kind of product or all sales, checked against SQL here. Who bought a product is unchanged.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly buyers?: number;
    readonly repeat_buyers?: number;
    readonly repeat_rate?: number | null;
  };
}

describe('repeat purchase rate', () => {
  it.each([
    ['¿cuál es la tasa de recompra del producto {p}?', 'es', 't.product_id = {p}', 'últimas 12 semanas'],
    ['what is the repeat purchase rate of product {p}?', 'en', 't.product_id = {p}', 'last 12 weeks'],
    ['¿cuántos clientes vuelven a comprar latas en abril?', 'es', `p.package = 'LATA'`, 'abril'],
    ['repurchase rate of cans in march', 'en', `p.package = 'LATA'`, 'March'],
  ] as const)('%s', async (asked, lang, where, window) => {
    const [top] = await queryRows(
      server().fx.store.connection,
      `SELECT product_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(DISTINCT customer_id) DESC, 1 LIMIT 1`,
    );
    const p = String(Number(top!.id));
    const r = await server().ask<Reply>(asked.replace('{p}', p), lang);
    expect(r.intent).toBe('product_buyers');
    const { from, to } = r.data.period!;
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT count(*)::DOUBLE AS buyers, count(*) FILTER (WHERE days >= 2)::DOUBLE AS repeaters FROM (
         SELECT t.customer_id, count(DISTINCT t.purchase_date) AS days
         FROM transactions t JOIN products p USING (product_id)
         WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND t.items > 0 AND ${where.replace('{p}', p)}
         GROUP BY 1)`,
    );
    const buyers = Number(want!.buyers);
    const repeaters = Number(want!.repeaters);
    expect(buyers).toBeGreaterThan(0);
    expect(r.data.buyers).toBe(buyers);
    expect(r.data.repeat_buyers).toBe(repeaters);
    expect(r.answer).toContain(chatPercent(repeaters / buyers, lang));
    expect(r.answer).toContain(chatNumber(buyers, lang));
    expect(r.answer).toContain(chatNumber(repeaters, lang));
    expect(r.answer).toContain(window);
  });

  it('who bought a product is unchanged', async () => {
    const r = await server().ask<Reply>('¿quién compró el producto 1370?', 'es');
    expect(r.intent).toBe('product_buyers');
    expect(r.data.repeat_rate).toBeUndefined();
  });
});
