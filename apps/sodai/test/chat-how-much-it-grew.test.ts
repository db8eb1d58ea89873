import { describe, expect, it } from 'vitest';
import { bestSellingBrand, brandNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuánto creció la marca 44 en el último trimestre?" counted the brand's
// products sold in the quarter: only present-tense growth words ("crece", "growing") asked for a
// trend. How much something grew, rose or fell in a period is its sales against the period before.
const server = useChatServer();

describe('how much a brand or the business grew or fell', () => {
  it.each([
    ['¿cuánto creció la marca {n} en marzo?', 'es'],
    ['¿cuánto cayeron las ventas de latas en abril?', 'es'],
    ['¿cuánto subieron las ventas en marzo?', 'es'],
    ['how much did brand {n} grow in march?', 'en'],
    ['by how much did sales fall in april?', 'en'],
    ['how much did can sales rise in march?', 'en'],
  ] as const)('%s', async (template, lang) => {
    const q = template.replace('{n}', brandNumber(await bestSellingBrand(server())));
    const r = await server().ask(q, lang);
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'sales_trend' });
    // The trend answer states the change against the period before.
    expect(r.answer).toMatch(lang === 'es' ? /% (?:más|menos) que/ : /(?:up|down) [\d.]+% on/);
  });

  it.each([
    ['¿qué marcas crecieron más en marzo?', 'movers'],
    ['which products grew the most last month?', 'movers'],
  ] as const)('%s still ranks what grew', async (q, intent) => {
    expect((await server().ask(q)).intent).toBe(intent);
  });
});
