import { describe, expect, it } from 'vitest';
import type { ChatDataSource } from '../src/chat/data-source.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import { loadVocabulary } from '../src/chat/vocabulary.ts';

// "&" was dropped as punctuation: "cans & bottles" kept bottles alone. A question now reads it as its
// "y" / "and"; a brand whose name holds one ("Agua & Sol") must still be found, written with "&" or
// with the word.
const data: ChatDataSource = {
  query: (sql) =>
    Promise.resolve(
      sql.includes('DISTINCT brand FROM products')
        ? [{ brand: 'Agua & Sol' }, { brand: 'Brand 7' }]
        : sql.includes('min(purchase_date)')
          ? [{ first: '2024-01-01', last: '2024-12-31' }]
          : [],
    ),
};

describe('"&" in a question', () => {
  it.each([
    ['ventas de la marca agua & sol', 'es'],
    ['ventas de la marca agua y sol', 'es'],
    ['sales of brand Agua & Sol', 'en'],
    ['sales of agua and sol last month', 'en'],
  ] as const)('"%s" names the brand with the "&" in its name', async (q, lang) => {
    const vocab = await loadVocabulary(data);
    expect({ q, brand: understand(q, vocab, lang, undefined).entities.brand }).toEqual({
      q,
      brand: 'Agua & Sol',
    });
  });
});
