import { beforeAll, describe, expect, it } from 'vitest';
import { busiestCustomer, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuánto gastó el 181101 en diciembre?" answered with his units and orders
// and said nothing of money, which a reader could take for an amount. A question about spending is
// still answered with what the data holds, and now says the data has no prices: units, not money.
const server = useChatServer();

let customer = 0;
beforeAll(async () => {
  customer = await busiestCustomer(server());
});

describe('spending, answered in units', () => {
  it.each([
    ['¿cuánto gastó el {c} en abril?', 'es', 'No hay precios en los datos'],
    ['how much did customer {c} spend in april?', 'en', 'The data has no prices'],
  ] as const)('%s', async (template, lang, words) => {
    const r = await server().ask(template.replace('{c}', String(customer)), lang);
    expect(r.answered).toBe(true);
    expect(r.answer).toContain(words);
  });

  it('a question about units says nothing of prices', async () => {
    const r = await server().ask(`¿cuántas unidades compró el ${customer} en abril?`, 'es');
    expect(r.answer).not.toContain('No hay precios');
  });
});
