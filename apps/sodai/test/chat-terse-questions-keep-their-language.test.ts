import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// "Monthly units by category" was answered in Spanish (none of its words was a listed English
// one), and "quiénes compran Brand 13 pero nunca Brand 31" in English (its brand names said "brand"
// twice). A few more words typical of each language are now counted: by, per, units, monthly, each,
// category, package, but, never; pero, nunca, también, compran, unidades, mensual.
const server = useChatServer();

let a = '';
let b = '';
beforeAll(async () => {
  const brands = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 2`,
  );
  a = String(brands[0]!.brand);
  b = String(brands[1]!.brand);
});

describe('terse questions are answered in their language', () => {
  it.each([
    ['monthly units by category', 'en'],
    ['units per month by package', 'en'],
    ['quienes compran {a} pero nunca {b}', 'es'],
    ['unidades mensuales de {a}', 'es'],
  ] as const)('%s', async (q, lang) => {
    const asked = q.replace('{a}', a).replace('{b}', b);
    const r = await server().ask(asked);
    expect({ asked, lang: r.lang, answered: r.answered }).toEqual({ asked, lang, answered: true });
  });
});
