import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "compare q3 and q4 sales" answered "… against 244,291 units, 14,928 orders and 1,376 customers
// Q3 2024 (…)": a quarter's English label lacked the "in" a month's has ("in November 2024").
// The fixture's sales run from January to mid-May 2024, so the first two quarters are asked (the
// second, partial, is compared with as many days of the first).
const server = useChatServer();

describe('a quarter named in an answer', () => {
  it.each([
    ['compare q1 and q2 sales', 'en'],
    ['sales in the second quarter vs the first quarter', 'en'],
    ['first quarter vs second quarter', 'en'],
  ])('%s', async (q) => {
    const r = await server().ask(q);
    expect(r.intent).toBe('compare_periods');
    expect(r.answer).toMatch(/^In Q[12] 2024 \(/);
    expect(r.answer).toContain('Q1 2024 (');
    expect(r.answer).not.toMatch(/\b(?:customers|orders|units|against) Q[1-4]\b/);
  });

  it('in Spanish a quarter keeps its article: "el primer trimestre de 2024"', async () => {
    const r = await server().ask('compara las ventas del segundo trimestre con el primer trimestre');
    expect(r.intent).toBe('compare_periods');
    // Whole, or its first days when the second quarter is partly in the data.
    expect(r.answer).toMatch(/clientes (?:el|los primeros \d+ días del) primer trimestre de 2024 \(/);
  });
});
