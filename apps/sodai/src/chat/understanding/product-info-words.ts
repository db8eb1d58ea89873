/**
 * What one product is: its card. Part of the intent vocabulary ({@link INTENT_WORDS} in
 * intent-words.ts): each entry is a regular-expression fragment over normalized, spell-corrected
 * text, matched on word boundaries.
 */
export const PRODUCT_INFO_WORDS = {
  productInfo: [
    'que es el',
    'what is (?:the )?(?:product|item)',
    'info\\w*',
    'detalles?',
    'details?',
    'describe',
    'ficha',
    'datos del producto',
    'caracteristicas',
    // "What about product 20230?" is a follow-up asking the previous question of it, not its card.
    '(?<!(?:what|how) )about product',
    'tell me about',
  ],
} as const satisfies Record<string, readonly string[]>;
