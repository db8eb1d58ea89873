import { describe, expect, it } from 'vitest';
import { findPeriods } from '../src/chat/understanding/periods.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "what did we sell the most of in the first week of December?" and "ventas
// de la segunda semana de noviembre" answered for the whole month: "la primera semana de diciembre"
// was no period. The n-th (or last) week of a month is now the Monday–Sunday week whose Thursday is
// the month's n-th, so each week belongs to the month holding most of its days (as ISO weeks do).
const server = useChatServer();

describe('the n-th week of a month', () => {
  it.each([
    ['la primera semana de diciembre de 2024', 'es', '2024-12-02', '2024-12-08'],
    ['the last week of november 2024', 'en', '2024-11-25', '2024-12-01'],
    ['la ultima semana de diciembre', 'es', '2024-12-23', '2024-12-29'],
    ['second week of october', 'en', '2024-10-07', '2024-10-13'],
    ['la tercera semana de febrero', 'es', '2024-02-12', '2024-02-18'],
    ['the fifth week of february', 'en', '2024-02-26', '2024-03-03'],
  ] as const)('%s', (text, lang, from, to) => {
    // findPeriods reads normalized text (no accents), as understanding passes it.
    const [found] = findPeriods(text, '2024-12-31', lang);
    expect(found?.period).toMatchObject({ from, to });
  });

  it('a month with four such weeks has no fifth: the month is read instead', () => {
    const [found] = findPeriods('la quinta semana de abril', '2024-12-31', 'es');
    expect(found?.period).toMatchObject({ from: '2024-04-01', to: '2024-04-30' });
  });

  it.each([
    ['ventas de la segunda semana de febrero', 'es', 'sales_trend', '2024-02-05', '2024-02-11'],
    [
      'what did we sell the most of in the first week of march?',
      'en',
      'top_products',
      '2024-03-04',
      '2024-03-10',
    ],
  ] as const)('%s', async (q, lang, intent, from, to) => {
    const r = await server().ask<{
      intent: string;
      answer: string;
      entities: { period?: { from: string; to: string } };
    }>(q, lang);
    expect(r.intent).toBe(intent);
    expect(r.entities.period).toMatchObject({ from, to });
    const [want] = await queryRows(
      server().fx.store.connection,
      intent === 'sales_trend'
        ? `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}'`
        : `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
           GROUP BY product_id ORDER BY u DESC LIMIT 1`,
    );
    expect(r.answer).toContain(chatNumber(Number(want!.u), lang));
  });
});
