import { describe, expect, it } from 'vitest';
import { bestSellingBrand, brandNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cómo le está yendo a la marca 44?" was refused: "cómo viene / cómo va"
// asked for a trend, but not "cómo le está yendo", "cómo les fue" or "how is … performing". Those now
// give the sales of what they name (its weekly trend, or the period's total when a period is named).
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly entities: { readonly brand?: string; readonly customer_type?: string };
}

describe('how something is going', () => {
  it.each([
    ['¿cómo le está yendo a la marca {b}?', 'es', 'brand'],
    ['how is brand {b} performing?', 'en', 'brand'],
    ['¿cómo les fue a los restaurantes en marzo?', 'es', 'customer_type'],
    ['how did restaurants perform in april?', 'en', 'customer_type'],
  ] as const)('%s', async (q, lang, named) => {
    const brand = await bestSellingBrand(server());
    const r = await server().ask<Reply>(q.replace('{b}', brandNumber(brand)), lang);
    expect(r.intent).toBe('sales_trend');
    expect(r.entities[named]).toBe(named === 'brand' ? brand : 'RESTAURANT');
  });
});
