import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { previousPeriod } from '../src/chat/understanding/periods.ts';
import { chatDay, chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuántas latas vendimos este semestre?" counted the last 12 weeks: "este
// semestre" was no period, and neither was "el semestre pasado". The half-year the data end in (so
// far) and the last complete one are periods now; a second half-year so far past its first quarter is
// set against the same days of the first. The fixture's data end in May 2024.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly period?: Period };
  readonly data: { readonly total?: { readonly units: number; readonly period: Period } };
}

const units = async (p: Period) => {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT sum(items)::DOUBLE AS u FROM transactions WHERE purchase_date BETWEEN DATE '${p.from}' AND DATE '${p.to}'`,
  );
  return Number(r!.u);
};

describe('half-years named from the data', () => {
  it('a second half-year so far is set against the same days of the first', () => {
    expect(previousPeriod({ from: '2024-07-01', to: '2024-11-19', label: 'este semestre' }, 'es')).toEqual({
      from: '2024-01-01',
      to: '2024-05-21',
      label: 'los mismos días del semestre anterior',
    });
  });

  it.each([
    ['¿cuánto vendimos este semestre?', 'es'],
    ['sales this half', 'en'],
  ] as const)('%s is the half-year so far', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_trend');
    expect(r.data.total!.period).toMatchObject({ from: '2024-01-01', to: server().lastDay });
    expect(r.answer).toContain(chatNumber(await units({ from: '2024-01-01', to: server().lastDay }), lang));
  });

  it.each([
    ['ventas del semestre pasado', 'es'],
    ['sales last half-year', 'en'],
  ] as const)('%s is the last complete half-year', async (q, lang) => {
    // Before the fixture's data begin: the period is read, and said to hold no data.
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('sales_trend');
    expect(r.entities.period).toMatchObject({ from: '2023-07-01', to: '2023-12-31' });
    expect(r.answer).toContain(chatDay('2023-07-01', lang));
  });
});
