import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "What does 1002 normally get?" got the customer's history and "¿cuántas filas se cargaron?" was
// not understood: the usual basket took "usually / normalmente" but not "normally / generally / por
// lo general", and the loads took rows rejected or arrived, not rows loaded. Both are read now.
const server = useChatServer();

describe('"normally" is the usual basket, rows loaded are the last load', () => {
  it.each([
    ['what does customer 100001 normally get', 'customer_basket', 'en'],
    ['que pide por lo general el cliente 100001', 'customer_basket', 'es'],
    ['what does 100001 generally order', 'customer_basket', 'en'],
    ['cuantas filas se cargaron', 'last_batch', 'es'],
    ['how many rows were loaded', 'last_batch', 'en'],
  ] as const)('%s', async (q, intent, lang) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, lang: r.lang }).toEqual({ q, intent, lang });
  });
});
