import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatPercent, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué tamaño de envase se vende más?" gave the sales split by package
// (cans, bottles): "envase" named the package before "tamaño" was read. The size of a container
// ("tamaño de envase", "bottle size", "package size") now splits the sales by size in litres, within
// the kind of container named ("which bottle size sells best?": the bottles' sizes); "tipo de envase"
// is still the package. Checked against SQL.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Answer {
  readonly period: Period;
  readonly attribute: string;
  readonly total: number;
  readonly split: readonly { readonly value: unknown; readonly units: number; readonly share: number }[];
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly package?: string; readonly group_by?: string; readonly share_of?: string };
  readonly data: Answer;
}

describe('sales split by the size of the container', () => {
  it.each([
    ['¿qué tamaño de envase se vende más?', 'es', 'TRUE'],
    ['which bottle size sells best?', 'en', `p.package = 'BOTELLA'`],
    ['¿qué tamaño de lata se vende más en abril?', 'es', `p.package = 'LATA'`],
    ['what package size sells the most?', 'en', 'TRUE'],
    ['ventas por tamaño de envase', 'es', 'TRUE'],
    ['¿qué tamaño se vende más?', 'es', 'TRUE'],
  ] as const)('%s', async (q, lang, where) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_share');
    expect(r.entities.group_by).toBe('size');
    expect(r.entities.share_of).toBeUndefined();
    expect(r.data.attribute).toBe('size');
    const want = await queryRows(
      server().fx.store.connection,
      `SELECT p.size::DOUBLE AS size, sum(t.items)::DOUBLE AS units, sum(sum(t.items)) OVER ()::DOUBLE AS total
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date BETWEEN DATE '${r.data.period.from}' AND DATE '${r.data.period.to}' AND ${where}
       GROUP BY 1 ORDER BY units DESC, 1`,
    );
    expect(r.data.split.map((s) => Number(s.value))).toEqual(want.map((w) => Number(w.size)));
    r.data.split.forEach((s, i) => expect(s.units).toBeCloseTo(Number(want[i]!.units), 6));
    expect(r.answer).toContain(chatPercent(Number(want[0]!.units) / Number(want[0]!.total), lang));
  });

  it.each([
    ['¿qué tipo de envase se vende más?', 'package'],
    ['ventas por envase', 'package'],
  ] as const)('%s is still the split by package', async (q, attribute) => {
    const r = await server().ask<Reply>(q);
    expect(r.intent).toBe('sales_share');
    expect(r.data.attribute).toBe(attribute);
  });
});
