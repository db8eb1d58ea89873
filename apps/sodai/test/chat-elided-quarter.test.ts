import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "compara el primer trimestre con el segundo" compared the first quarter
// with the three months before it: "el segundo", its noun said once already, was read as no period.
// An ordinal whose noun is left out after a quarter (or half) is named is that kind of period too,
// so both quarters are compared; the figures are checked against SQL over the same store.
const server = useChatServer();

interface Side {
  readonly period: { readonly from: string; readonly to: string };
  readonly units: number;
}

async function units(side: Side): Promise<number> {
  const [row] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(items), 0)::DOUBLE AS units FROM transactions
     WHERE purchase_date BETWEEN DATE '${side.period.from}' AND DATE '${side.period.to}'`,
  );
  return Number(row!.units);
}

const Q1 = ['2024-01-01', '2024-03-31'];
const Q2 = ['2024-04-01', '2024-06-30'];

describe('a quarter named by its ordinal alone, after another quarter', () => {
  it.each([
    ['compara el primer trimestre con el segundo', 'es', Q1, Q2],
    ['ventas del segundo trimestre frente al primero', 'es', Q2, Q1],
    ['¿cómo le fue al primer trimestre vs el segundo en ventas?', 'es', Q1, Q2],
    ['compare the first quarter with the second one', 'en', Q1, Q2],
    ['how did Q1 do against the second?', 'en', Q1, Q2],
  ] as const)('%s', async (q, lang, first, second) => {
    const r = await server().ask(q, lang);
    const { period, compare_to } = r.entities;
    expect({
      q,
      intent: r.intent,
      period: period && [period.from, period.to],
      compare_to: compare_to && [compare_to.from, compare_to.to],
    }).toEqual({ q, intent: 'compare_periods', period: first, compare_to: second });
    const d = r.data as { current: Side; previous: Side };
    expect(d.current.units).toBeCloseTo(await units(d.current), 6);
    expect(d.previous.units).toBeCloseTo(await units(d.previous), 6);
    expect(d.current.units).toBeGreaterThan(0);
    expect(d.previous.units).toBeGreaterThan(0);
  });

  it('an ordinal after no quarter or half names no period', async () => {
    const r = await server().ask('compara marzo con el segundo', 'es');
    expect(r.entities.compare_to).toBeUndefined();
  });
});
