import type { Lang } from './dictionary.ts';

const STORAGE_KEY = 'sodai.lang';

/**
 * The language to start in: the user's last choice, else the browser's first preference that we
 * speak, else Spanish (the distributor's language).
 *
 * @example
 * detectLanguage(['en-GB', 'es'], null); // 'en'
 */
export function detectLanguage(preferred: readonly string[], stored: string | null): Lang {
  if (stored === 'es' || stored === 'en') return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

/** Reads the stored choice and the browser's languages (guarded: storage may be blocked). */
export function browserLanguage(): Lang {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return detectLanguage(preferred, stored);
}

/** Remembers the user's choice for the next visit. */
export function rememberLanguage(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or blocked storage: the toggle still works for this visit.
  }
}
