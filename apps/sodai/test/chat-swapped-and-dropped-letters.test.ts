import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// Two neighbouring letters swapped ("vetnas", "cuatnos", "smeana", "whne") count as two edits, so
// a word of under eight letters was never corrected; a letter left out of a word of five ("pasda",
// "ultmo") was not either, where no edit is allowed. "La semana pasda" then read as this week. One
// swap back, or one letter added back, that gives the only known word is now taken; changing a
// letter of a short word still is not ("mayor" stays "mayor").
const server = useChatServer();

describe('swapped and dropped letters', () => {
  it.each([
    ['vnetas de la semana psada', 'sales_trend', 'la semana pasada'],
    ['ventas de la smeana pasda', 'sales_trend', 'la semana pasada'],
    ['cuatnos clientes hay', 'count_customers', undefined],
    ['whne was the last retrain', 'pipeline_last_run', undefined],
    ['top 5 porductos de la semana psada', 'top_products', 'la semana pasada'],
  ] as const)('%s', async (q, intent, period) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered, period: r.entities.period?.label }).toEqual({
      q,
      intent,
      // With no run store, the last retrain is still answered by the model serving and its date.
      answered: true,
      period,
    });
  });

  it('"ultmo pedido" is the last order', async () => {
    const r = await server().ask('ultmo pedido del cliente 100001');
    expect({
      intent: r.intent,
      last: 'last_order' in (r.data as object) || /último pedido/.test(r.answer),
    }).toEqual({
      intent: 'customer_history',
      last: true,
    });
  });
});
