import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { bestSellingBrand, brandNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Ventas de latas pero no de botellas en diciembre" answered for bottles, the kind left out, and
// "which customers buy only cans?" listed the top buyers of cans. A value a question leaves out is
// never a filter: read without it, the kind kept answers (cans leave bottles out); when nothing kept
// leaves it out the answer says it is included. "Only" buyers are those who bought no other value
// of it. Checked against SQL over the same store.
const server = useChatServer();

let brand = '';

beforeAll(async () => {
  brand = await bestSellingBrand(server());
});

interface Figures {
  readonly units?: number;
  readonly period?: { readonly from: string; readonly to: string };
  readonly found?: number;
  readonly only?: boolean;
  readonly exclusion_not_applied?: Record<string, string>;
}

describe('exclusions are honoured', () => {
  it.each([
    ['ventas de latas pero no de botellas en abril', 'es', 'LATA', 'BOTELLA'],
    ['sales of cans but not bottles last month', 'en', 'LATA', 'BOTELLA'],
    ['¿cuántas latas vendimos en abril, sin contar las botellas?', 'es', 'LATA', 'BOTELLA'],
    ['sales of bottles excluding cans in march', 'en', 'BOTELLA', 'LATA'],
  ] as const)('%s answers for the kind kept', async (q, lang, kept, left) => {
    const r = await server().ask(q, lang);
    expect({ q, package: r.entities.package }).toEqual({ q, package: kept });
    expect(r.answer).not.toContain(left);
    expect((r.data as Figures).exclusion_not_applied).toBeUndefined();
  });

  it.each([
    ['ventas de abril sin contar las botellas', 'es', "p.package = 'BOTELLA'", 'sin botellas'],
    ['sales last month except brand {n}', 'en', "p.brand = '{brand}'", 'excluding {brand}'],
    ['ventas del mes pasado salvo los mayoristas', 'es', "c.customer_type = 'MAYORISTA'", 'sin mayoristas'],
  ] as const)('%s counts without it', async (q, lang, left, said) => {
    const asked = q.replace('{n}', brandNumber(brand));
    const r = await server().ask(asked, lang);
    const d = r.data as { total?: { units: number; period: { from: string; to: string } } };
    const p = d.total!.period;
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT sum(t.items)::DOUBLE AS units FROM transactions t JOIN products p USING (product_id)
       JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'
         AND NOT (${left.replace('{brand}', brand)})`,
    );
    expect({ asked, package: r.entities.package, brand: r.entities.brand }).toEqual({
      asked,
      package: undefined,
      brand: undefined,
    });
    expect(d.total!.units).toBeCloseTo(Number(want!.units), 6);
    expect(r.answer).toContain(said.replace('{brand}', brand));
    expect(r.answer).not.toContain('No puedo dejar fuera');
  });

  it('"best-selling products excluding cans" lists no can', async () => {
    const r = await server().ask('best-selling products excluding cans', 'en');
    const ids = ((r.data as { products?: { product: number }[] }).products ?? []).map((x) => x.product);
    const cans = await queryRows(
      server().fx.store.connection,
      `SELECT product_id::DOUBLE AS id FROM products WHERE package = 'LATA'`,
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => cans.some((c) => Number(c.id) === id))).toEqual([]);
  });

  it.each([
    ['¿cuántos clientes compraron el mes pasado, excepto los mayoristas?', 'es', 'mayoristas'],
    ['new customers this year except restaurants', 'en', 'restaurants'],
  ] as const)('%s says what it could not leave out', async (q, lang, words) => {
    const r = await server().ask(q, lang);
    expect({ q, type: r.entities.customer_type }).toEqual({ q, type: undefined });
    expect(r.answer).toContain(lang === 'es' ? 'No puedo dejar fuera' : 'I cannot leave out');
    expect(r.answer).toContain(words);
  });

  it.each([
    ['which customers buy only cans?', 'en', 'LATA'],
    ['clientes que solo compran latas', 'es', 'LATA'],
    ['¿quiénes compran únicamente botellas el mes pasado?', 'es', 'BOTELLA'],
    ['customers who buy nothing but bottles', 'en', 'BOTELLA'],
  ] as const)('%s lists those who bought no other package', async (q, lang, pkg) => {
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'product_buyers', lang);
    const d = r.data as Figures;
    const rows = await queryRows(
      server().fx.store.connection,
      `WITH win AS (SELECT t.*, p.package FROM transactions t JOIN products p USING (product_id)
                    WHERE t.purchase_date BETWEEN DATE '${d.period!.from}' AND DATE '${d.period!.to}'),
            x AS (SELECT customer_id FROM win WHERE package = '${pkg}' GROUP BY 1 HAVING sum(items) > 0),
            y AS (SELECT DISTINCT customer_id FROM win WHERE package IS DISTINCT FROM '${pkg}' AND items > 0)
       SELECT count(*)::DOUBLE AS n FROM x WHERE customer_id NOT IN (SELECT customer_id FROM y)`,
    );
    expect({ q, only: d.only, found: d.found }).toEqual({ q, only: true, found: Number(rows[0]!.n) });
  });

  it('"top clientes solo de latas" still ranks the buyers of cans', async () => {
    const r = await server().ask('top clientes solo de latas', 'es');
    expect({ intent: r.intent, package: r.entities.package }).toEqual({
      intent: 'top_customers',
      package: 'LATA',
    });
  });

  it('"bebidas sin gas" is a kind, nothing left out', async () => {
    const r = await server().ask('¿cuántas unidades vendimos de bebidas sin gas en abril?', 'es');
    expect(r.entities.category).toBe('BEBIDAS NO CARBONATADAS');
    expect(r.answer).not.toContain('No puedo dejar fuera');
  });
});
