import type { Lang } from '../contract/api.ts';

/**
 * The answer language: `?lang=` when given, else the first of es/en in Accept-Language (in the
 * header's order, weights ignored as browsers list preferred languages first), else Spanish — the
 * distributor's language.
 *
 * @example
 * import { resolveLang } from './language.ts';
 * resolveLang(undefined, 'en-US,en;q=0.9,es;q=0.8'); // 'en'
 */
export function resolveLang(query: Lang | undefined, acceptLanguage: string | undefined): Lang {
  if (query) return query;
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'es' || tag === 'en') return tag;
    }
  }
  return 'es';
}
