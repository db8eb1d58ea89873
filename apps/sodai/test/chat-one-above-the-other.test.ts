import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { brandNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿se vende más la marca 44 que la 31?" listed brand 44's products (reading
// 31 as how many), "is brand 44 doing better than brand 31?" and "¿a la marca 44 le va mejor que a la
// 31?" were refused, "¿el 181101 compra más que el 188331?" described the first customer alone, and
// "¿los restaurantes compran más que los mayoristas?" ranked restaurants. One thing set above another
// ("más … que", "better than", the second brand's noun left out) now compares the two side by side;
// a question asking which customers or products ("¿qué clientes compran más latas que botellas?",
// "¿qué clientes compraron más que el mes pasado?") is not read as two sides.
const server = useChatServer();

let a = '';
let b = '';
let c1 = 0;
let c2 = 0;
beforeAll(async () => {
  const brands = await queryRows(
    server().fx.store.connection,
    `SELECT p.brand FROM transactions t JOIN products p USING (product_id) GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 2`,
  );
  [a, b] = brands.map((r) => brandNumber(String(r.brand))) as [string, string];
  const customers = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY sum(items) DESC, 1 LIMIT 2`,
  );
  [c1, c2] = customers.map((r) => Number(r.id)) as [number, number];
});

interface Reply {
  readonly intent: string;
  readonly answered: boolean;
  readonly data: {
    readonly compared?: string;
    readonly items?: readonly { readonly id?: string | number; readonly value?: string }[];
  };
}

const fill = (q: string) =>
  q.replace('{a}', a).replace('{b}', b).replace('{c1}', String(c1)).replace('{c2}', String(c2));

describe('one thing set above another', () => {
  it.each([
    ['¿se vende más la marca {a} que la {b}?', 'es', 'brands'],
    ['¿a la marca {a} le va mejor que a la {b}?', 'es', 'brands'],
    ['is brand {a} doing better than brand {b}?', 'en', 'brands'],
    ['¿cuál vende más, la marca {a} o la {b}?', 'es', 'brands'],
    ['¿el {c1} compra más que el {c2}?', 'es', 'customers'],
    ['¿los restaurantes compran más que los mayoristas?', 'es', 'customer_type'],
    ['did we sell more cans than bottles in april?', 'en', 'package'],
  ] as const)('%s', async (q, lang, compared) => {
    const r = await server().ask<Reply>(fill(q), lang);
    expect(r.answered).toBe(true);
    expect(r.data.compared).toBe(compared);
    const ids = (r.data.items ?? []).map((i) => String(i.id ?? i.value));
    const want =
      compared === 'brands'
        ? [`Brand ${a}`, `Brand ${b}`]
        : compared === 'customers'
          ? [String(c1), String(c2)]
          : compared === 'customer_type'
            ? ['RESTAURANT', 'MAYORISTA']
            : ['LATA', 'BOTELLA'];
    expect(ids).toEqual(want);
  });

  it.each([
    ['¿qué clientes compran más latas que botellas?'],
    ['¿qué clientes compraron más que el mes pasado?'],
    ['¿vendimos más de 100 unidades la semana pasada?'],
  ] as const)('%s is not two sides', async (q) => {
    const r = await server().ask<Reply>(q, 'es');
    expect(r.data.compared).toBeUndefined();
  });
});
