import type { Lang, ProductAttributes } from '../contract/api.ts';
import { customerTypeWords, hasTypeWords, isFeminineType } from '../scoring/customer-type-words.ts';

export { customerTypeWords, isFeminineType };

const LOCALE: Record<Lang, string> = { es: 'es-ES', en: 'en-US' };

// One formatter per language and options for the life of the process: building an Intl formatter
// costs ICU tens of kilobytes of native memory that V8 does not weigh, so one per answer piled up
// between major collections (a 4-minute soak built 13,371 date formatters, 48 MB at the peak).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cachedFormatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = build()));
  return f;
}
const numberFormat = (lang: Lang, options: Intl.NumberFormatOptions) =>
  cachedFormatter(
    `number|${lang}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(LOCALE[lang], options),
  );
const dateFormat = (lang: Lang, options: Intl.DateTimeFormatOptions) =>
  cachedFormatter(
    `date|${lang}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(LOCALE[lang], options),
  );

/**
 * A number in the reader's locale, with its conventions (Spanish groups from five digits).
 *
 * @example
 * formatNumber(15690, 'es'); // '15.690'
 * formatNumber(0.25, 'es', 2); // '0,25'
 */
export function formatNumber(value: number, lang: Lang, maxDecimals = 0): string {
  return numberFormat(lang, { maximumFractionDigits: maxDecimals }).format(value);
}

/** A share as a percentage: 0.423 → "42,3 %" (es) / "42.3%" (en). */
export function formatPercent(share: number, lang: Lang, maxDecimals = 1): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: maxDecimals }).format(share);
}

/**
 * A package size in litres with as many decimals as it has (0.25 L stays "0,25 L", never "0,3 L").
 *
 * @example
 * formatLitres(0.25, 'es'); // '0,25 L'
 */
export function formatLitres(litres: number, lang: Lang): string {
  return `${numberFormat(lang, { maximumFractionDigits: 3 }).format(litres)} L`;
}

/** A day (YYYY-MM-DD) the way people write it: "5 mar 2024" / "Mar 5, 2024". */
export function formatDay(isoDay: string, lang: Lang): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDay;
  return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The month of a day (YYYY-MM-DD): "noviembre de 2024" / "November 2024". */
export function formatMonth(isoDay: string, lang: Lang): string {
  return dateFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

/** An instant as date and time in UTC. */
export function formatInstant(at: Date, lang: Lang): string {
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at);
}

const PACKAGE_WORDS: Record<string, Record<Lang, readonly [string, string]>> = {
  BOTELLA: { es: ['botella', 'botellas'], en: ['bottle', 'bottles'] },
  LATA: { es: ['lata', 'latas'], en: ['can', 'cans'] },
  TETRA: { es: ['tetra', 'tetras'], en: ['carton', 'cartons'] },
  KEG: { es: ['barril', 'barriles'], en: ['keg', 'kegs'] },
};

/** A package as people say it, singular or plural ("lata", "cans"); an unknown one in lower case. */
export function packageWords(pkg: string, lang: Lang, plural = false): string {
  return PACKAGE_WORDS[pkg]?.[lang][plural ? 1 : 0] ?? pkg.toLowerCase();
}

/**
 * How a sales rep names a product: "producto 20230 (Brand 7, botella 0,25 L)".
 *
 * @example
 * productLabel(20230, { brand: 'Brand 7', package: 'BOTELLA', size: 0.25, ... }, 'es');
 */
export function productLabel(id: number, a: ProductAttributes | undefined, lang: Lang): string {
  const word = lang === 'es' ? 'producto' : 'product';
  if (!a) return `${word} ${id}`;
  return `${word} ${id} (${productDescription(a, lang)})`;
}

/** "Brand 7, botella 0,25 L" */
export function productDescription(a: ProductAttributes, lang: Lang): string {
  const pack = a.package ? packageWords(a.package, lang) : null;
  const size = a.size === null ? null : formatLitres(a.size, lang);
  const body = [pack, size].filter((x) => x !== null).join(' ');
  return [a.brand, body || null].filter((x) => x !== null).join(', ');
}

/**
 * A customer type with its indefinite article, to say what one customer is: "un mayorista", "una
 * tienda de conveniencia", "a wholesaler"; a type the chat has no words for keeps its stored name.
 *
 * @example
 * aCustomerType('RESTAURANT', 'es'); // 'un restaurante'
 */
export function aCustomerType(type: string, lang: Lang): string {
  if (!hasTypeWords(type)) return say(lang, `un cliente de tipo ${type}`, `a ${type} customer`);
  const noun = customerTypeWords(type, lang, false);
  if (lang === 'es') return `${isFeminineType(type) ? 'una' : 'un'} ${noun}`;
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** A phrase as a sentence opens with it: "la semana pasada" → "La semana pasada". */
export function capitalize(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/**
 * "frente a la semana anterior", "frente al mes anterior" ("a el" contracts), "against the week
 * before": what a figure is set against.
 *
 * @example
 * against('el período anterior', 'es'); // 'frente al período anterior'
 */
export function against(label: string, lang: Lang): string {
  if (lang === 'en') return `against ${label}`;
  return label.startsWith('el ') ? `frente al ${label.slice(3)}` : `frente a ${label}`;
}

/** Picks the phrase of the answer's language. */
export function say(lang: Lang, es: string, en: string): string {
  return lang === 'es' ? es : en;
}
