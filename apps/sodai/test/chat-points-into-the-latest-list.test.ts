import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// Asked of the real data in one conversation: "¿cuáles son los mejores clientes de diciembre?", then
// "¿qué compra el primero?" was refused and "¿y el segundo?" repeated the ranking. A follow-up that
// points at one of the latest list by its place now reads as if it had named that customer or
// product; the list stays the one pointed into while the answers about its members list other things,
// and "¿por qué el segundo?" after advice explains the advice's second product.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly entities: {
    readonly customer_id?: number;
    readonly product_id?: number;
    readonly period?: { readonly from: string };
  };
  readonly data: {
    readonly customers?: readonly { readonly customer: number }[];
    readonly products?: readonly { readonly product: number }[];
    readonly recommendations?: readonly { readonly product: number }[];
  };
}

const conversation = () => {
  const sid = `points-${randomUUID()}`;
  return (q: string) => server().inSession<Reply>(q, sid);
};

describe('a follow-up that points into the latest list', () => {
  it('customers of a ranking, one after another, then advice and why', async () => {
    const ask = conversation();
    const ranking = await ask('¿cuáles son los mejores clientes de marzo?');
    expect(ranking.intent).toBe('top_customers');
    const ids = (ranking.data.customers ?? []).map((c) => c.customer);
    expect(ids.length).toBeGreaterThanOrEqual(3);

    const first = await ask('¿qué compra el primero?');
    expect(first.entities.customer_id).toBe(ids[0]);
    const second = await ask('¿y el segundo?');
    expect(second.entities.customer_id).toBe(ids[1]);
    const advice = await ask('¿qué le ofrezco al tercero?');
    expect(advice.intent).toBe('recommend');
    expect(advice.entities.customer_id).toBe(ids[2]);

    const offered = (advice.data.recommendations ?? []).map((r) => r.product);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    const why = await ask('¿por qué el segundo?');
    expect(why.intent).toBe('explain_recommendation');
    expect(why.entities).toMatchObject({ customer_id: ids[2], product_id: offered[1] });
  });

  it('products of a ranking, in English', async () => {
    const ask = conversation();
    const ranking = await ask('top products in april');
    const ids = (ranking.data.products ?? []).map((p) => p.product);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const buyers = await ask('who bought the first one?');
    expect(buyers.intent).toBe('product_buyers');
    expect(buyers.entities.product_id).toBe(ids[0]);
    const third = await ask('and the third product?');
    expect(third.entities.product_id).toBe(ids[2]);
  });

  it('a first quarter or a first of the month is a period, not a place in the list', async () => {
    const ask = conversation();
    await ask('¿cuáles son los mejores clientes de marzo?');
    const quarter = await ask('¿y en el primer trimestre?');
    expect(quarter.intent).toBe('top_customers');
    expect(quarter.entities.customer_id).toBeUndefined();
    expect(quarter.entities.period?.from).toBe('2024-01-01');
  });

  it('with no list before, nothing is pointed at', async () => {
    const ask = conversation();
    const r = await ask('¿qué compra el primero?');
    expect(r.entities.customer_id).toBeUndefined();
  });
});
