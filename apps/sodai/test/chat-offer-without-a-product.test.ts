import { beforeAll, describe, expect, it } from 'vitest';
import { busiestCustomer, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué le ofrezco al 181101 que no sea el 1370?" explained why 1370 is
// recommended to him: the product named to be left out was read as the one asked about. An offer
// "que no sea / aparte del / besides / other than" a product is now the customer's recommendations
// without it, as many as asked; "¿por qué le recomiendas el 1370?" keeps its explanation.
const server = useChatServer();

interface Rec {
  readonly product: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: { readonly recommendations?: readonly Rec[] };
}

let customer = 0;
let first = 0;
let usual: readonly number[] = [];
beforeAll(async () => {
  customer = await busiestCustomer(server());
  const r = await server().ask<Reply>(`¿qué le ofrezco al cliente ${customer}?`, 'es');
  usual = (r.data.recommendations ?? []).map((x) => x.product);
  first = usual[0]!;
});

describe('an offer without a product', () => {
  it.each([
    ['¿qué le ofrezco al {c} que no sea el {p}?', 'es'],
    ['what else can I offer {c} besides {p}?', 'en'],
    ['¿qué le ofrezco al cliente {c} aparte del producto {p}?', 'es'],
  ] as const)('%s', async (template, lang) => {
    const r = await server().ask<Reply>(
      template.replace('{c}', String(customer)).replace('{p}', String(first)),
      lang,
    );
    expect(r.intent).toBe('recommend');
    const got = (r.data.recommendations ?? []).map((x) => x.product);
    expect(got).not.toContain(first);
    expect(got.length).toBe(usual.length);
    // The same ranking, one further down: the usual offer without the product left out.
    expect(got.slice(0, usual.length - 1)).toEqual(usual.slice(1));
  });

  it('why a product is recommended is still its explanation', async () => {
    const r = await server().ask<Reply>(`¿por qué le recomiendas el ${first} al ${customer}?`, 'es');
    expect(r.intent).toBe('explain_recommendation');
  });
});
