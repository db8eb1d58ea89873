import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuál es el segmento que más crece?" answered with the weekly trend of all
// sales: risers and fallers were ranked as products or brands only. The values of a kind of product
// (segment, package, category) are now ranked by their change in units against the period before,
// checked against SQL here; "qué productos premium crecieron" still ranks products within a segment.
const server = useChatServer();

interface Moved {
  readonly units_now: number;
  readonly units_before: number;
}
interface Reply {
  readonly intent: string;
  readonly data: {
    readonly period: { readonly from: string; readonly to: string };
    readonly previous: { readonly from: string; readonly to: string };
    readonly segments?: readonly (Moved & { readonly segment?: string })[];
    readonly packages?: readonly (Moved & { readonly package?: string })[];
    readonly products?: readonly unknown[];
  };
}

async function expected(column: string, r: Reply, down: boolean) {
  const within = (p: { from: string; to: string }) =>
    `t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'`;
  return queryRows(
    server().fx.store.connection,
    `SELECT * FROM (
       SELECT ${column} AS item,
              coalesce(sum(t.items) FILTER (WHERE ${within(r.data.period)}), 0)::DOUBLE AS now,
              coalesce(sum(t.items) FILTER (WHERE ${within(r.data.previous)}), 0)::DOUBLE AS before
       FROM transactions t JOIN products p USING (product_id)
       WHERE ${column} IS NOT NULL GROUP BY 1)
     WHERE greatest(now, before) >= 10 AND now ${down ? '<' : '>'} before
     ORDER BY now - before ${down ? 'ASC' : 'DESC'}, item`,
  );
}

describe('kinds of product ranked by their change', () => {
  it.each([
    ['¿cuál es el segmento que más crece en marzo?', 'es', 'segments', 'segment', 'p.segment', false],
    ['which package fell the most in april?', 'en', 'packages', 'package', 'p.package', true],
  ] as const)('%s', async (q, lang, list, key, column, down) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('movers');
    const want = await expected(column, r, down);
    expect(want.length).toBeGreaterThan(0);
    const got: readonly (Moved & { readonly segment?: string; readonly package?: string })[] =
      r.data[list] ?? [];
    expect(got.map((m) => [String(m[key]), m.units_now, m.units_before])).toEqual(
      want.slice(0, got.length).map((w) => [String(w.item), Number(w.now), Number(w.before)]),
    );
    expect(got.length).toBe(Math.min(want.length, 5));
  });

  it('products of one segment are still products', async () => {
    const r = await server().ask<Reply>('¿qué productos premium crecieron más en marzo?', 'es');
    expect(r.intent).toBe('movers');
    expect(r.data.products).toBeDefined();
  });
});
