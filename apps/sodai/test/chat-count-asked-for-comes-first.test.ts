import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "¿Cuántos clientes compraron latas el mes pasado?" opened with the registered customers and gave the
// number asked for in its third sentence: a count question's first words are the count it asks for.
const server = useChatServer();
const ask = (message: string) => server().ask(message);

/** Distinct `what` (buyers by default) in [from, to] matching a condition over products p and customers c. */
async function buyers(from: string, to: string, where: string, what = 't.customer_id'): Promise<number> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT count(DISTINCT ${what})::DOUBLE AS n
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE ${where} AND t.purchase_date >= DATE '${from}' AND t.purchase_date <= DATE '${to}'`,
  );
  return Number(r!.n);
}

describe('a count question answers with the count first', () => {
  it.each([
    ['¿cuántos clientes compraron latas el mes pasado?', 'es', "p.package = 'LATA'"],
    ['how many customers bought cans last month?', 'en', "p.package = 'LATA'"],
    ['¿cuántos restaurantes compraron la semana pasada?', 'es', "c.customer_type = 'RESTAURANT'"],
    [
      'cuantos mayoristas compraron jugos el mes pasado',
      'es',
      "c.customer_type = 'MAYORISTA' AND p.sub_category = 'JUGOS'",
    ],
  ] as const)('"%s"', async (q, lang, where) => {
    const reply = await ask(q);
    const p = reply.entities.period!;
    const n = await buyers(p.from, p.to, where);
    expect(reply.intent).toBe('count_customers');
    expect(reply.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
    expect(reply.data).toMatchObject({ buying_in_scope: n });
  });

  it.each([
    ['¿cuántos productos se vendieron el mes pasado?', 'es', 'TRUE', 't.product_id'],
    ['how many brands did restaurants buy last month?', 'en', "c.customer_type = 'RESTAURANT'", 'p.brand'],
  ] as const)('"%s"', async (q, lang, where, what) => {
    const reply = await ask(q);
    const p = reply.entities.period!;
    const n = await buyers(p.from, p.to, where, what);
    expect(reply.intent).toBe('count_products');
    expect(reply.answer.startsWith(`${chatNumber(n, lang)} `)).toBe(true);
    expect(reply.data).toMatchObject({ sold_in_scope: n });
  });

  it('"¿cuántos clientes hay?" still opens with the registered customers', async () => {
    const [r] = await queryRows(server().fx.store.connection, 'SELECT count(*)::DOUBLE AS n FROM customers');
    expect((await ask('¿cuántos clientes hay?')).answer).toMatch(new RegExp(`^Hay ${Number(r!.n)} `));
  });
});
