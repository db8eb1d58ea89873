import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "¿el 100026 es el mejor cliente?" answered with the customer's history and "is product 20012 our
// best seller?" with the list of best sellers: neither said yes or no. The answer now starts with
// the verdict, gives the one named's units and place, and names the actual top one, all checked
// here against a ranking computed with SQL over the same store.
const server = useChatServer();

interface Ranked {
  readonly id: number;
  readonly units: number;
}
let customers: Ranked[];
let products: Ranked[];

/** Ids by net units over the last four weeks of data, ties by id. */
async function ranking(column: 'customer_id' | 'product_id'): Promise<Ranked[]> {
  const { lastDay, fx } = server();
  const rows = await queryRows(
    fx.store.connection,
    `SELECT ${column}::DOUBLE AS id, sum(items)::DOUBLE AS units FROM transactions
     WHERE purchase_date BETWEEN DATE '${daysAfter(lastDay, -27)}' AND DATE '${lastDay}'
     GROUP BY 1 HAVING sum(items) > 0 ORDER BY units DESC, id`,
  );
  return rows.map((r) => ({ id: Number(r.id), units: Math.round(Number(r.units)) }));
}

beforeAll(async () => {
  customers = await ranking('customer_id');
  products = await ranking('product_id');
});

describe('yes or no: is the one named the top one?', () => {
  it.each([
    ['¿el {c} es el mejor cliente?', 'es'],
    ['is customer {c} our biggest customer?', 'en'],
    ['¿es el cliente {c} el que más compra?', 'es'],
  ] as const)('"%s" with the top customer says yes and its units', async (template, lang) => {
    const top = customers[0]!;
    const r = await server().ask(template.replace('{c}', String(top.id)));
    expect({ intent: r.intent, answered: r.answered }).toEqual({ intent: 'top_customers', answered: true });
    expect(r.answer).toMatch(lang === 'es' ? /^Sí,/ : /^Yes\b/);
    expect(r.answer).toContain(chatNumber(top.units, lang));
  });

  it.each([
    ['¿el {c} es el mejor cliente?', 'es'],
    ['is {c} the top customer?', 'en'],
  ] as const)(
    '"%s" with the third customer says no, its place and figure, and the top one',
    async (template, lang) => {
      const third = customers[2]!;
      const top = customers[0]!;
      const r = await server().ask(template.replace('{c}', String(third.id)));
      expect(r.answer).toMatch(/^No,/);
      expect(r.answer).toContain(`${chatNumber(third.units, lang)} ${lang === 'es' ? 'unidades' : 'units'}`);
      expect(r.answer).toContain(
        lang === 'es' ? `puesto 3 de ${customers.length}` : `number 3 of ${customers.length}`,
      );
      expect(r.answer).toContain(String(top.id));
      expect(r.answer).toContain(chatNumber(top.units, lang));
    },
  );

  it.each([
    ['is product {p} our best seller?', 'en', 0, true],
    ['¿es el {p} el producto más vendido?', 'es', 1, false],
    ['¿el producto {p} es lo que más se vende?', 'es', 0, true],
    ['is {p} the number one product?', 'en', 2, false],
    ['¿el {p} es nuestro producto estrella?', 'es', 1, false],
  ] as const)('"%s" (%s) for the product in place %i answers yes: %s', async (template, lang, index, yes) => {
    const asked = products[index]!;
    const r = await server().ask(template.replace('{p}', String(asked.id)));
    expect({ intent: r.intent, product: r.entities.product_id }).toEqual({
      intent: 'top_products',
      product: asked.id,
    });
    expect(r.answer).toMatch(yes ? (lang === 'es' ? /^Sí,/ : /^Yes\b/) : /^No\b/);
    expect(r.answer).toContain(chatNumber(asked.units, lang));
    if (!yes) expect(r.answer).toContain(String(products[0]!.id));
  });

  it('"¿está entre los N mejores?" says yes within the top N and no past it', async () => {
    const second = customers[1]!;
    const yes = await server().ask(`¿el ${second.id} está entre los 3 mejores clientes?`);
    expect(yes.answer).toMatch(/^Sí, está entre los 3 mejores clientes/);
    const fifth = customers[4]!;
    const no = await server().ask(`is ${fifth.id} in the top 3 customers?`);
    expect(no.answer).toMatch(/^No, it is not among the top 3 customers/);
  });

  it('an unknown customer is said to be unknown, with no verdict', async () => {
    const r = await server().ask('¿el cliente 999999 es el mejor cliente?');
    expect(r.answered).toBe(false);
    expect(r.answer).toMatch(/No conozco al cliente 999999/);
  });

  it('"¿el 100026 es mayorista?" is still what kind of customer it is', async () => {
    const r = await server().ask('¿el 100026 es mayorista?');
    expect(r.intent).toBe('customer_info');
  });
});
