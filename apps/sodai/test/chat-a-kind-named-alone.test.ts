import { beforeAll, describe, expect, it } from 'vitest';
import { bestSellingBrand, brandNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Latas de la marca 24", "cans of brand 24", "marca 24" alone said the question could not be
// answered: no word of them asks anything. A question whose every word names a kind of product
// (brand, package, category …) or links them with a time now gets that kind's sales; a word that
// names nothing ("¿quién es el dueño de la marca 24?") still gets the honest "I can't answer".
const server = useChatServer();

let brand = '';

beforeAll(async () => {
  brand = await bestSellingBrand(server(), "p.package = 'LATA'");
});

describe('a kind of product named alone', () => {
  it.each([
    ['latas de la marca {n}', 'es', 'LATA'],
    ['cans of brand {n}', 'en', 'LATA'],
    ['marca {n}', 'es', undefined],
    ['brand {n} cans last month', 'en', 'LATA'],
  ] as const)('%s', async (q, lang, pkg) => {
    const asked = q.replace('{n}', brandNumber(brand));
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, 'sales_trend', lang);
    expect({ asked, brand: r.entities.brand, package: r.entities.package }).toEqual({
      asked,
      brand,
      package: pkg,
    });
  });

  it('a word that names nothing keeps the honest answer', async () => {
    const q = `quien es el dueño de la marca ${brandNumber(brand)}`;
    const r = await server().ask(q);
    expect({ intent: r.intent, answered: r.answered }).toEqual({ intent: 'unknown', answered: false });
  });
});
