import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "q productos le faltan al 176403" got the customer's summary and "what is
// customer 176403 missing" an offer; "¿qué no ha pedido este mes el 176403?" listed what it skipped
// in the data's last (two-day) week, not in the month. Products that a customer lacks ("le faltan",
// "missing", "le falta este mes", "le falta por pedir") now list its usual products skipped, and a
// period of up to a month is checked as asked. Guards: the bare "¿qué le falta al X?" stays advice
// (what else to sell him), missing data is no product skipped, and "did X stop buying?" its history.
const server = useChatServer();

let customer = 0;

beforeAll(async () => {
  // The customer with most purchase days: it has usual products to check.
  const [row] = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id FROM transactions WHERE items > 0
     GROUP BY 1 ORDER BY count(DISTINCT purchase_date) DESC, 1 LIMIT 1`,
  );
  customer = Number(row!.id);
});

/** The first and last day of the month the data end in. */
function lastMonth(): { from: string; to: string } {
  const to = server().lastDay;
  return { from: `${to.slice(0, 8)}01`, to };
}

describe('the products a customer is missing', () => {
  it.each([
    ['q productos le faltan al {c}', 'es'],
    ['what is customer {c} missing', 'en'],
    ['¿qué no ha pedido este mes el {c}?', 'es'],
    // Not tuned on.
    ['que cosas le faltan al cliente {c}', 'es'],
    ['q le falta por pedir al {c}', 'es'],
    ["what's {c} missing this week?", 'en'],
    ['which products is customer {c} missing', 'en'],
    ['q no a pedido el {c} esta semana', 'es'],
    ['que le falta al {c} en su pedido', 'es'],
    ['what hasnt customer {c} ordered this week', 'en'],
  ] as const)('"%s" lists its usual products skipped', async (q, lang) => {
    const question = q.replace('{c}', String(customer));
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'customer_history', lang);
    expect({ question, skipped: 'skipped' in r.data }).toEqual({ question, skipped: true });
  });

  it.each([
    ['¿qué no ha pedido este mes el {c}?', 'es'],
    ['what did customer {c} skip this month?', 'en'],
  ])('"%s" checks the month asked, not its last week', async (q) => {
    const r = await server().ask(q.replace('{c}', String(customer)));
    const { week } = r.data as { week: { from: string; to: string } };
    expect({ from: week.from, to: week.to }).toEqual(lastMonth());
  });

  it.each([
    ['¿qué le falta al {c}?', 'recommend'],
    ['what data is missing for customer {c}?', undefined],
    ['¿el cliente {c} dejó de comprar?', 'customer_history'],
    ['¿qué compró el {c} este mes?', 'customer_history'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const question = q.replace('{c}', String(customer));
    const r = await server().ask(question);
    expect({ question, skipped: 'skipped' in r.data }).toEqual({ question, skipped: false });
    if (intent) expect(r.intent).toBe(intent);
  });
});
