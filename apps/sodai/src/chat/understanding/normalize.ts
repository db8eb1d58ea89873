/**
 * Lower case, accents and opening marks removed, "%" spelt "percent", "> 100" / "+ de 50" spelt "más
 * de", punctuation turned into spaces
 * (decimal commas and points between digits kept), so "¿Cuántos?" and "cuantos" read alike.
 *
 * @example
 * normalize('¿Qué le ofrezco al cliente 101252?'); // 'que le ofrezco al cliente 101252'
 */
export function normalize(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "what % of customers": the sign is a word.
      .replace(/%/g, ' percent ')
      // "+ de 50", "> 100", "<= 5", "100+": a bar said with signs, as words ("más de 50").
      .replace(/>=|≥/g, ' al menos ')
      .replace(/<=|≤/g, ' como maximo ')
      .replace(/>/g, ' mas de ')
      .replace(/</g, ' menos de ')
      .replace(/(\d)\+/g, '$1 o mas ')
      .replace(/(^|\s)\+\s*(?=de\s|\d)/g, '$1 mas ')
      .replace(/(\d)[.,](\d)/g, '$1\u2024$2')
      .replace(/[^a-z0-9\u2024/-]+/g, ' ')
      .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
      .replace(/\u2024/g, '.')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The words of a normalized text. */
export function tokens(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}
