import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿se cargaron bien los datos de esta semana?" and "¿se cargaron los
// datos?" were refused, where "did the data load ok?" and "¿cargó bien el último archivo?" gave the
// last load: "cargaron … datos" named no load. A load of the data said with its verb now asks for the
// last batch, and a rise in sales ("¿subieron las ventas?") stays a sales question.
const server = useChatServer();

describe('whether the data loaded', () => {
  it.each([
    '¿se cargaron bien los datos de esta semana?',
    '¿se cargaron los datos?',
    '¿ya se subieron los datos?',
    '¿los datos ya se cargaron?',
    '¿se ingresaron los datos de la semana?',
  ])('%s', async (q) => {
    const r = await server().ask(q, 'es');
    expect(r.intent).toBe('last_batch');
    expect(r.answered).toBe(true);
  });

  it('a rise in sales is still about sales', async () => {
    const r = await server().ask('¿subieron las ventas este mes?', 'es');
    expect(r.intent).toBe('sales_trend');
  });
});
