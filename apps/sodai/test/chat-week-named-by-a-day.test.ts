import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "ventas de la semana del 13 de mayo" gave the sales of 13 May alone: the
// day was read and "la semana del" dropped. A week named by one of its days ("la semana del 13 de
// mayo", "the week of May 13", "la semana que empieza el 6 de mayo") is the Monday–Sunday week
// holding that day; its total is checked against SQL over the same store. A day alone stays a day.
const server = useChatServer();

interface Answer {
  readonly total?: {
    readonly units: number;
    readonly period: { readonly from: string; readonly to: string };
  };
}

async function unitsBetween(from: string, to: string, where = 'TRUE'): Promise<number> {
  const [row] = await queryRows(
    server().fx.store.connection,
    `SELECT sum(t.items)::DOUBLE AS units FROM transactions t JOIN products p USING (product_id)
     WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}`,
  );
  return Number(row!.units);
}

describe('a week named by one of its days', () => {
  it.each([
    ['ventas de la semana del 13 de mayo', 'es', '2024-05-13', 'TRUE'],
    ['¿cuánto vendimos la semana del 15 de mayo?', 'es', '2024-05-13', 'TRUE'],
    ['sales for the week of may 13', 'en', '2024-05-13', 'TRUE'],
    ['how many units did we sell the week of 2024-04-08?', 'en', '2024-04-08', 'TRUE'],
    ['ventas de latas la semana que empieza el 6 de mayo', 'es', '2024-05-06', "p.package = 'LATA'"],
    ['units sold in the week of the 22nd of april', 'en', '2024-04-22', 'TRUE'],
  ] as const)('%s', async (q, lang, monday, where) => {
    const r = await server().ask(q, lang);
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    expect({
      q,
      intent: r.intent,
      period: r.entities.period && [r.entities.period.from, r.entities.period.to],
    }).toEqual({
      q,
      intent: 'sales_trend',
      period: [monday, sunday],
    });
    const units = await unitsBetween(monday, sunday, where);
    expect(units).toBeGreaterThan(0);
    expect((r.data as Answer).total?.units).toBeCloseTo(units, 6);
    expect(r.answer).toContain(chatNumber(units, lang));
  });

  it('a day alone is still that day', async () => {
    const r = await server().ask('ventas del 13 de mayo', 'es');
    expect(r.entities.period).toMatchObject({ from: '2024-05-13', to: '2024-05-13' });
  });
});
