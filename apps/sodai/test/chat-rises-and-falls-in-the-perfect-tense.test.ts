import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuáles son los clientes que más han caído este trimestre?" was refused:
// the words of falling were the simple past ("cayeron", "bajaron"), never the perfect tense Spanish
// speakers use as much ("han caído", "han bajado", "ha disminuido", "han subido"). Those now rank the
// customers, products or brands by their change, down or up as said.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly entities: { readonly direction?: 'up' | 'down'; readonly group_by?: string };
  readonly data: {
    readonly customers?: readonly unknown[];
    readonly products?: readonly unknown[];
    readonly brands?: readonly unknown[];
  };
}

describe('rises and falls in the perfect tense', () => {
  it.each([
    ['¿cuáles son los clientes que más han caído este trimestre?', 'down', 'customers'],
    ['¿qué clientes han disminuido sus compras este mes?', 'down', 'customers'],
    ['¿qué productos han bajado más este mes?', 'down', 'products'],
    ['¿qué marcas han subido más?', 'up', 'brands'],
  ] as const)('%s', async (q, direction, listed) => {
    const r = await server().ask<Reply>(q, 'es');
    expect(r.intent).toBe('movers');
    expect(r.entities.direction ?? 'up').toBe(direction);
    expect(r.data[listed]).toBeDefined();
  });
});
