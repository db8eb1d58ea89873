/**
 * The nouns a question names its subject with: customers (and what a salesperson calls them) and
 * products. Part of the intent vocabulary ({@link INTENT_WORDS} in intent-words.ts): each entry is
 * a regular-expression fragment over normalized, spell-corrected text, matched on word boundaries.
 */
export const SUBJECT_WORDS = {
  customer: [
    'clientes?',
    'customers?',
    'clients?',
    'tiendas?',
    'shops?',
    'stores?',
    'negocios?',
    'locales',
    'cuentas?',
    'accounts?',
    'compradores',
    'buyers',
  ],
  product: ['productos?', 'products?', 'articulos?', 'items?', 'skus?', 'referencias?'],
} as const satisfies Record<string, readonly string[]>;
