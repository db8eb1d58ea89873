import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browserLanguage, rememberLanguage } from './detect-language.ts';
import { interpolate, type Dictionary, type Lang, type MessageKey } from './dictionary.ts';
import { en } from './en.ts';
import { es } from './es.ts';

const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { es, en };

/** What a component needs to speak the user's language. */
export interface I18n {
  readonly lang: Lang;
  /** The BCP 47 locale numbers and dates are written in (`es-ES`, `en-US`). */
  readonly locale: string;
  setLang(lang: Lang): void;
  /** The message for `key`, placeholders filled. */
  t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  /**
   * The message for a key built at run time (a task id, a check id, an error code), or `fallback`
   * when the dictionaries have no such key: data the UI has no words for yet shows as it came.
   */
  tOr(key: string, fallback: string, vars?: Readonly<Record<string, string | number>>): string;
  /** Numbers in the user's locale. */
  num(value: number, digits?: number): string;
  /** A share 0–1 as a percentage. */
  pct(value: number, digits?: number): string;
  /**
   * A moment (ISO text or epoch ms) as a day and a time that cannot be misread: the month in words
   * ("6 Dec 2026, 00:00", "6 dic 2026, 0:00"), never 12/6/2026, which an English reader outside the
   * US and every Spanish reader takes for the 12th of June.
   */
  dateTime(value: string | number): string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Provides the language (initially from the browser, or `initial`) and keeps `<html lang>` in step.
 *
 * @example
 * <I18nProvider initial="en"><App /></I18nProvider>
 */
export function I18nProvider({ initial, children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? browserLanguage());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    rememberLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    const locale = lang === 'es' ? 'es-ES' : 'en-US';
    return {
      lang,
      locale,
      setLang,
      t: (key, vars) => interpolate(dict[key], vars),
      tOr: (key, fallback, vars) =>
        Object.hasOwn(dict, key) ? interpolate(dict[key as MessageKey], vars) : fallback,
      num: (v, digits = 0) =>
        v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      dateTime: (v) =>
        new Date(v).toLocaleString(lang === 'es' ? 'es-ES' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        }),
      pct: (v, digits = 1) =>
        v.toLocaleString(locale, {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its messages; throws outside an `I18nProvider`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
