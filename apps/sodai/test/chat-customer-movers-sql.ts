import { queryRows } from '../src/store/duckdb.ts';
import type { ChatServer } from './chat-server.ts';

/** A span of days, both ends included (YYYY-MM-DD). */
export interface Span {
  readonly from: string;
  readonly to: string;
}

/** A customer movers reply, as the tests read it. */
export interface CustomerMoversReply {
  readonly intent: string;
  readonly lang: string;
  readonly answer: string;
  readonly entities: { readonly direction?: 'up' | 'down' };
  readonly data: {
    readonly period: Span;
    readonly compare_to: Span;
    readonly direction: 'up' | 'down';
    readonly moved: number;
    readonly customers: readonly { readonly customer: number }[];
  };
}

/**
 * The five customers whose units fell (or rose) most from `before` to `now`, and how many fell (or
 * rose), computed here in SQL without the chat's code.
 */
export async function customerMoversBySql(
  server: ChatServer,
  now: Span,
  before: Span,
  down: boolean,
): Promise<{ readonly ids: number[]; readonly moved: number }> {
  const within = (s: Span) => `purchase_date BETWEEN DATE '${s.from}' AND DATE '${s.to}'`;
  const rows = await queryRows(
    server.fx.store.connection,
    `WITH per AS (
       SELECT customer_id AS id,
              coalesce(sum(items) FILTER (WHERE ${within(now)}), 0) AS n,
              coalesce(sum(items) FILTER (WHERE ${within(before)}), 0) AS b
       FROM transactions WHERE ${within(now)} OR ${within(before)} GROUP BY 1)
     SELECT id::DOUBLE AS id, count(*) OVER ()::DOUBLE AS moved FROM per WHERE n ${down ? '<' : '>'} b
     ORDER BY n - b ${down ? 'ASC' : 'DESC'}, id LIMIT 5`,
  );
  return { ids: rows.map((r) => Number(r.id)), moved: Number(rows[0]?.moved ?? 0) };
}
