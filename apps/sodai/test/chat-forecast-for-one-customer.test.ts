import { describe, expect, it } from 'vitest';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué productos va a comprar el cliente 164064?" and "¿cuál es la
// probabilidad de que el cliente 164064 compre algo la próxima semana?" answered with that customer's
// past purchases. A forecast asked of one customer is now the model's advice for them, and the advice
// says how many products the model expects the customer to buy that week (the sum of their candidates'
// probabilities, checked against /recommend here) and how many clear the threshold.
const server = useChatServer();
const CUSTOMER = 100001;

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly customer_id?: number };
  readonly data: { readonly expected_products?: number; readonly above_threshold?: number };
}
interface Recommended {
  readonly threshold?: number;
  readonly recommendations: readonly { readonly score: number; readonly source: string }[];
}

describe('a forecast asked of one customer', () => {
  it.each([
    [`¿qué productos va a comprar el cliente ${CUSTOMER}?`, 'es'],
    [`¿cuál es la probabilidad de que el cliente ${CUSTOMER} compre algo la próxima semana?`, 'es'],
    [`what is customer ${CUSTOMER} likely to buy next week?`, 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('recommend');
    expect(r.entities.customer_id).toBe(CUSTOMER);

    const all = (
      await server().app.inject({
        method: 'POST',
        url: '/recommend',
        payload: { customer_id: CUSTOMER, k: 50 },
      })
    ).json<Recommended>();
    const scored = all.recommendations.filter((x) => x.source === 'model');
    // Every candidate is in the list (popular fill-ins come after the last one), so their sum is whole.
    expect(scored.length).toBeLessThan(all.recommendations.length);
    const expected = scored.reduce((sum, x) => sum + x.score, 0);
    expect(r.data.expected_products).toBeCloseTo(expected, 4);
    expect(r.answer).toContain(chatNumber(expected, lang, 1));
  });

  it('what the customer bought is still their history', async () => {
    const r = await server().ask<Reply>(`¿qué compró el cliente ${CUSTOMER} el mes pasado?`, 'es');
    expect(r.intent).toBe('customer_history');
  });
});
