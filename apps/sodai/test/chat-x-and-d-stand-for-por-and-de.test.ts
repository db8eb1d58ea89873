import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// Reps write "x" for "por" and "d" for "de" ("unidades x pedido", "ventas x mes d la marca 24"):
// "promedio de unidades x pedido" was not understood and "x mes" was no split by month. Both letters
// are now spelt out before any rule reads the question, as "q" for "que" was.
const server = useChatServer();

let brand = '';
beforeAll(async () => {
  const [top] = await queryRows(
    server().fx.store.connection,
    'SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id) GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1',
  );
  brand = String(top!.brand).toLowerCase();
});

describe('"x" and "d" read as "por" and "de"', () => {
  it.each([
    ['unidades promedio x pedido', 'order_size', {}],
    ['promedio x orden', 'order_size', {}],
    ['ventas x mes d la {b}', 'sales_trend', { byMonth: true }],
    ['ventas x marca', 'top_products', {}],
  ] as const)('%s', async (q, intent, data) => {
    const asked = q.replace('{b}', brand);
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, intent, 'es');
    if ('byMonth' in data) expect((r.data as { months?: unknown[] }).months?.length).toBeGreaterThan(1);
    if (q.includes('{b}')) expect(r.entities.brand?.toLowerCase()).toBe(brand);
  });
});
