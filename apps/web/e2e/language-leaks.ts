/**
 * Words that give away the other language. Small on purpose: each is common in one language and
 * never a word of the other (nor a product attribute or an id), so a hit is a real leak, not noise.
 * Technical names the product keeps in both languages (champion, F1, CSV, SodAI) are not listed.
 */
const ENGLISH_ONLY = new Set([
  'the',
  'and',
  'of',
  'with',
  'from',
  'for',
  'this',
  'that',
  'is',
  'are',
  'was',
  'not',
  'does',
  'beat',
  'beats',
  'week',
  'weeks',
  'customer',
  'customers',
  'product',
  'products',
  'rows',
  'passed',
  'failed',
  'rejected',
  'ingested',
  'skipped',
  'quarantined',
  'unknown',
  'duplicate',
  'share',
  'drifted',
  'reference',
  'features',
  'ingest',
  'validate',
  'predict',
  'export',
  'train',
  'gate',
  'manual',
  'scheduled',
  'success',
  'finished',
  'running',
  'ready',
  'archived',
  'new',
  'batches',
  'batch',
  'next',
  'when',
  'needed',
]);

const SPANISH_ONLY = new Set([
  'el',
  'la',
  'los',
  'las',
  'del',
  'que',
  'con',
  'para',
  'por',
  'una',
  'semana',
  'semanas',
  'cliente',
  'clientes',
  'producto',
  'productos',
  'filas',
  'modelo',
  'probabilidad',
  'comprará',
  'compras',
  'más',
  'también',
  'según',
  'hay',
  'está',
  'son',
  'sin',
  'mismo',
  'tipo',
  'lote',
  'deriva',
  'motivo',
]);

/** One word of the other language found on a page, with the text around it. */
export interface Leak {
  readonly word: string;
  readonly text: string;
}

/**
 * The words of `text` that belong to the language the UI is NOT speaking.
 *
 * @example
 * foreignWords('Filas aceptadas: 10 rows', 'es'); // [{ word: 'rows', text: 'Filas aceptadas: 10 rows' }]
 * foreignWords('Filas aceptadas', 'es'); // []
 */
export function foreignWords(text: string, uiLang: 'es' | 'en'): Leak[] {
  const foreign = uiLang === 'es' ? ENGLISH_ONLY : SPANISH_ONLY;
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const found = [...new Set(words.filter((w) => foreign.has(w)))];
  return found.map((word) => ({ word, text: text.trim().slice(0, 160) }));
}
