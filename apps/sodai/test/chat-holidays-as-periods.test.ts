import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué clientes compraron más en navidad?" ranked the last four weeks,
// "sales on christmas week" and "ventas de año nuevo" gave the last twelve weeks: a holiday was no
// period. Christmas (Navidad, Christmas week) is now its Monday–Sunday week, Nochebuena / Christmas
// Eve 24 December, Nochevieja / New Year's Eve 31 December, Año Nuevo / New Year's 31 December and
// 1 January; each the latest the data reach (the fixture ends on 19 May 2024) or of the year
// named, and said in the answer's period label. No country's own holidays.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: {
    readonly period?: { readonly from: string; readonly to: string; readonly label: string };
  };
  readonly data: { readonly customers?: readonly { readonly customer: number; readonly units: number }[] };
}

describe('holidays as periods', () => {
  it.each([
    [
      '¿qué clientes compraron más en navidad?',
      'es',
      'top_customers',
      '2023-12-25',
      '2023-12-31',
      'la semana de Navidad de 2023',
    ],
    ['sales on christmas week', 'en', 'sales_trend', '2023-12-25', '2023-12-31', 'Christmas week 2023'],
    [
      'ventas de la semana de navidad del año pasado',
      'es',
      'sales_trend',
      '2022-12-19',
      '2022-12-25',
      'la semana de Navidad de 2022',
    ],
    ['ventas de año nuevo', 'es', 'sales_trend', '2023-12-31', '2024-01-01', 'en Año Nuevo de 2024'],
    ["best customers at new year's", 'en', 'top_customers', '2023-12-31', '2024-01-01', "at New Year's 2024"],
    [
      'top products on christmas eve',
      'en',
      'top_products',
      '2023-12-24',
      '2023-12-24',
      'on Christmas Eve 2023',
    ],
    [
      '¿cuánto vendimos en nochebuena?',
      'es',
      'sales_trend',
      '2023-12-24',
      '2023-12-24',
      'en Nochebuena de 2023',
    ],
    ["new year's eve sales", 'en', 'sales_trend', '2023-12-31', '2023-12-31', "on New Year's Eve 2023"],
  ] as const)('%s', async (q, lang, intent, from, to, label) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent, period: r.entities.period }).toEqual({
      q,
      intent,
      period: { from, to, label },
    });
    // A label opening the answer starts with a capital.
    expect(r.answer.toLowerCase()).toContain(label.toLowerCase());
  });

  it('the best customers at New Year are those of 31 Dec – 1 Jan', async () => {
    const r = await server().ask<Reply>('¿qué clientes compraron más en año nuevo?', 'es');
    const [top] = await queryRows(
      server().fx.store.connection,
      `SELECT customer_id::DOUBLE AS customer, sum(items)::DOUBLE AS units FROM transactions
       WHERE purchase_date BETWEEN DATE '2023-12-31' AND DATE '2024-01-01'
       GROUP BY 1 HAVING sum(items) > 0 ORDER BY units DESC, customer LIMIT 1`,
    );
    expect(r.data.customers?.[0]?.customer).toBe(Number(top!.customer));
  });

  it.each([
    ['clientes nuevos este año', 'es', '2024-01-01'],
    ['new customers this year', 'en', '2024-01-01'],
    ['ventas de la semana pasada', 'es', '2024-05-13'],
  ] as const)('%s keeps its period', async (q, lang, from) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, from: r.entities.period?.from }).toEqual({ q, from });
  });
});
