import { describe, expect, it } from 'vitest';
import { detectLang } from '../src/chat/understanding/detect-lang.ts';
import { useChatServer } from './chat-server.ts';

// "top marcas 2024" was answered in English: "top" counted as English and "marcas" (the list holds
// "marca") as nothing. "Top" is said in both languages, and a plural counts as its singular.
const server = useChatServer();
let session = 0;
const newSession = () => `short-lang-${String(session++).padStart(4, '0')}`;

describe('short questions say their language', () => {
  it.each([
    ['top marcas 2024', 'es'],
    ['top clientes', 'es'],
    ['top tipos de cliente', 'es'],
    ['marcas top', 'es'],
    ['top ventas diciembre', 'es'],
    ['mejores marcas', 'es'],
    ['top categorias', 'es'],
    ['alertas?', 'es'],
    // Guards: the same questions in English stay English.
    ['top brands 2024', 'en'],
    ['top customers', 'en'],
    ['best brands', 'en'],
    ['top sales december', 'en'],
    ['top products last month', 'en'],
    ['alerts?', 'en'],
    ['brands', 'en'],
    ['top energy drinks', 'en'],
    ['top bebidas energeticas', 'es'],
  ] as const)('%s → %s', (q, lang) => {
    expect(detectLang(q)).toBe(lang);
  });

  it.each(['top', 'top 10', 'top 2024', 'top prods'])('"%s" says no language of its own', (q) => {
    expect(detectLang(q)).toBeUndefined();
  });
});

describe('and are answered in it', () => {
  it.each([
    ['top marcas 2024', 'es'],
    ['top clientes', 'es'],
    ['top brands 2024', 'en'],
    ['top customers', 'en'],
  ] as const)('%s → %s', async (q, lang) => {
    const r = await server().inSession(q, newSession());
    expect({ q, lang: r.lang, answered: r.answered }).toEqual({ q, lang, answered: true });
  });
});
