import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Qué marca creció más?" answered "Los marcas que más crecieron …": the article now agrees with
// what is ranked ("Las marcas", "Los productos"). Found asking the real-data server.
const server = useChatServer();

describe('brands that rose or fell, in Spanish, with their article', () => {
  it.each([
    ['que marca crecio mas', /^Las marcas que más crecieron /],
    ['¿qué marcas bajaron este mes?', /^Las marcas que más bajaron /],
    // Guards: products and English keep their words.
    ['que productos crecieron mas', /^Los productos que más crecieron /],
  ] as const)('"%s"', async (q, opening) => {
    const r = await server().ask(q, 'es');
    expectAnsweredAs(q, r, 'movers', 'es');
    expect({ q, answer: r.answer }).toEqual({ q, answer: expect.stringMatching(opening) });
  });

  it('"which brands are growing?" is unchanged', async () => {
    const r = await server().ask('which brands are growing?');
    expect(r.answer).toMatch(/^The brands that grew the most /);
  });
});
