import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, chatPercent, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué porcentaje de los clientes compró en diciembre?" answered with the
// sales split by package, and "what share of our customers ordered in the last 2 weeks?" with the
// customer master split by type: a share and a purchase verb read as a share of the sales. The share
// of the customers (or of a type of them) who bought is now given against those registered, its
// count beside it, checked against SQL over the same store.
const server = useChatServer();

interface Answer {
  readonly registered: number;
  readonly buying_in_scope?: number;
  readonly not_buying?: number;
  readonly share_of_registered?: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: Answer;
}

describe('the share of the customers who bought', () => {
  it.each([
    ['¿qué porcentaje de los clientes compró en marzo?', 'es', '2024-03-01', '2024-03-31', 'TRUE', false],
    [
      'what share of our restaurants ordered in april?',
      'en',
      '2024-04-01',
      '2024-04-30',
      `c.customer_type = 'RESTAURANT'`,
      false,
    ],
    [
      'what percentage of customers bought cans in february?',
      'en',
      '2024-02-01',
      '2024-02-29',
      `p.package = 'LATA'`,
      false,
    ],
    [
      '¿qué porcentaje de los mayoristas no compró en abril?',
      'es',
      '2024-04-01',
      '2024-04-30',
      `c.customer_type = 'MAYORISTA'`,
      true,
    ],
  ] as const)('%s', async (q, lang, from, to, where, notBought) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('count_customers');
    const byType = where.startsWith('c.');
    const [want] = await queryRows(
      server().fx.store.connection,
      `SELECT (SELECT count(*) FROM customers c WHERE ${byType ? where : 'TRUE'})::DOUBLE AS registered,
              count(DISTINCT t.customer_id)::DOUBLE AS buyers
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}`,
    );
    const registered = Number(want!.registered);
    const part = notBought ? registered - Number(want!.buyers) : Number(want!.buyers);
    expect(r.data.registered).toBe(registered);
    expect(r.data.share_of_registered).toBeCloseTo(part / registered, 9);
    expect(r.answer).toContain(`${chatPercent(part / registered, lang)} (${chatNumber(part, lang)})`);
    expect(r.answer).toContain(chatNumber(registered, lang));
  });

  it.each([
    ['¿qué porcentaje de clientes son restaurantes?', 'customer_mix'],
    ['¿qué porcentaje de las ventas compraron los restaurantes?', 'sales_share'],
    ['what percentage of cans did restaurants buy?', 'sales_share'],
  ] as const)('%s is still another share', async (q, intent) => {
    expect((await server().ask<Reply>(q)).intent).toBe(intent);
  });
});
