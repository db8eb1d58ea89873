import { asksSameTimeLastYear, sameTimeLastYear } from './same-time-last-year.ts';
import type { ChatAttribute, ChatEntities, Lang } from '../../contract/api.ts';
import type { Vocabulary } from '../vocabulary.ts';
import {
  CATEGORY_WORDS,
  CUSTOMER_TYPE_WORDS,
  PACKAGE_WORDS,
  SEGMENT_WORDS,
  SUB_CATEGORY_WORDS,
  type WordMap,
} from './catalog-words.ts';
import { calendarYear, findPeriods, isRecentYear } from './periods.ts';
import { idRatherThanYear, yearAfterPlural } from './id-or-year.ts';
import { brandNamed } from './brand-named.ts';
import { readNumber } from './number-words.ts';

/** An id as written, before its role is known. */
export interface WrittenId {
  readonly text: string;
  readonly value: number;
  readonly role: 'customer' | 'product' | undefined;
}

/** What the entity pass found: the contract's entities plus ids whose role needs the intent. */
export interface FoundEntities {
  readonly entities: ChatEntities;
  /** Ids written without "cliente"/"producto" before them, in order. */
  readonly bareIds: readonly WrittenId[];
  /** An id as written when it is not a safe integer (answered as unknown, never rounded). */
  readonly customerText?: string;
  readonly productText?: string;
  /** Where in the text each attribute's value was named ("ventas de Brand 7 en lata": brand, then package). */
  readonly at: Partial<Record<ChatAttribute, number>>;
}

const CUSTOMER_WORD =
  /^(cliente|clientes|customer|customers|client|clients|tienda|tiendas|shop|shops|store|stores|negocio|local|account|cuenta)$/;
const PRODUCT_WORD =
  /^(producto|productos|product|products|articulo|articulos|item|items|sku|skus|referencia|ref|codigo)$/;
/** A role word naming one customer or product, whose number is its id whatever it looks like. */
const SINGLE_ROLE =
  /^(cliente|customer|client|tienda|shop|store|negocio|local|account|cuenta|producto|product|articulo|item|sku|referencia|ref|codigo)$/;
/** Words that may sit between "cliente" and its number ("cliente número 7", "customer id 7"). */
const FILLER = /^(n|no|nro|num|numero|number|id|codigo|code|el|la|al|del|de|the|#)$/;
const COUNT_NOUN =
  /^(productos|products|clientes|customers|items|articulos|skus|marcas|brands|recomendaciones|recommendations|sugerencias|suggestions|opciones|options|ideas|referencias|tiendas|shops|stores|cosas|things|picks)$/;
/** A number just before one of these is how many to list: "los 10 mejores", "the five best", "los 3 más vendidos". */
const RANKED =
  /^(mejores|best|top|primeros|primeras|first|principales|mayores|biggest|largest|peores|worst|mas|most|menos|least)$/;
/** A number just after one of these is how many to list: "top 5", "los primeros diez". */
const COUNT_ROLE = /^(top|primeros|primeras|first|mejores|best)$/;

/** A preposition between a noun and a number: "al", "del", "de". */
const PREPOSITION = /^(al|del|de)$/;

/**
 * The word that says what the number at `i` is ("cliente", "top"), looking past fillers ("cliente
 * número 7"). A plural noun with a preposition between ("le faltan productos al 176403", "clientes
 * del 1370") names what is listed, and the number is whom or what they belong to: no role, left to
 * the ids the data knows.
 */
function roleBefore(words: readonly string[], i: number): string {
  const prevWords: string[] = [];
  for (let j = i - 1; j >= 0 && prevWords.length < 3; j--) {
    prevWords.push(words[j]!);
    if (!FILLER.test(words[j]!)) break;
  }
  const role = prevWords.find((w) => !FILLER.test(w)) ?? '';
  const plural = (CUSTOMER_WORD.test(role) || PRODUCT_WORD.test(role)) && !SINGLE_ROLE.test(role);
  return plural && prevWords.some((w) => PREPOSITION.test(w)) ? '' : role;
}

/** Each word map's phrases compiled once (a question is read against all of them). */
const COMPILED = new WeakMap<WordMap, readonly (readonly [RegExp, string])[]>();
function compiled(words: WordMap): readonly (readonly [RegExp, string])[] {
  let list = COMPILED.get(words);
  if (!list) {
    list = words.map(
      ([phrase, value]) =>
        [new RegExp(`(?:^|\\s)${phrase.replace(/[-/]/g, '\\$&')}(?=\\s|$)`), value] as const,
    );
    COMPILED.set(words, list);
  }
  return list;
}

function findWord(text: string, words: WordMap): { value: string; at: number; length: number } | undefined {
  for (const [re, value] of compiled(words)) {
    const m = re.exec(text);
    if (m) return { value, at: m.index, length: m[0].length };
  }
  return undefined;
}

const blank = (text: string, at: number, length: number) =>
  text.slice(0, at) + ' '.repeat(length) + text.slice(at + length);

/**
 * Finds the entities of a normalized, spell-corrected question: ids with their role where the
 * words say it ("producto 20230 al cliente 101252"), catalog values, sizes, counts and periods.
 *
 * @example
 * extractEntities('por que recomiendas el producto 20230 al cliente 101252', vocab, 'es').entities;
 * // { product_id: 20230, customer_id: 101252 }
 */
export function extractEntities(text: string, vocab: Vocabulary, lang: Lang): FoundEntities {
  const entities: { -readonly [K in keyof ChatEntities]: ChatEntities[K] } = {};
  const at: Partial<Record<ChatAttribute, number>> = {};
  let rest = ` ${text} `;

  // "top 10 de diciembre": the number after "top" is how many, not a day of the month.
  const top = /(?:^|\s)top (\d{1,2})(?=\s|$)/.exec(rest);
  if (top) {
    entities.count = Number(top[1]);
    rest = blank(rest, top.index, top[0].length);
  }

  const anchor = vocab.lastDay;
  if (anchor) {
    // "Historial del 2019" when 2019 is a customer and no data are of 2019: the customer.
    const periods = findPeriods(rest, anchor, lang).filter(
      (p) => !idRatherThanYear(rest.slice(p.start, p.end), vocab),
    );
    const [first, second] = periods;
    if (first) entities.period = first.period;
    if (second) entities.compare_to = second.period;
    // "Este mes vs el mismo mes del año pasado": "del año pasado" read alone is the whole year.
    if (first && asksSameTimeLastYear(rest)) entities.compare_to = sameTimeLastYear(first.period, lang);
    for (const p of periods) rest = blank(rest, p.start, p.end - p.start);
  }

  // Sizes before ids: "0.25 l", "250 ml", "medio litro", "litro y medio".
  const size =
    /(?:^|\s)(\d+(?:\.\d+)?)\s?(l|lt|lts|litro|litros|liter|liters|litre|litres|ml|cc)(?=\s|$)/.exec(rest);
  if (size) {
    const v = Number(size[1]);
    entities.size_litres = size[2] === 'ml' || size[2] === 'cc' ? v / 1000 : v;
    at.size = size.index;
    rest = blank(rest, size.index, size[0].length);
  } else {
    const andAHalf = /\blitro y medio\b|\bliter and a half\b/.exec(rest);
    const spoken = andAHalf ?? /\bmedio litro\b|\bhalf (?:a )?liter\b|\bhalf (?:a )?litre\b/.exec(rest);
    if (spoken) {
      entities.size_litres = andAHalf ? 1.5 : 0.5;
      at.size = spoken.index;
    }
  }

  // Brands: "Brand 7" written whole, or "marca 7" for a brand named "<word> 7".
  const brand = brandNamed(rest, vocab);
  if (brand) {
    entities.brand = brand.brand;
    at.brand = brand.at;
    rest = blank(rest, brand.at, brand.length);
  }

  for (const [key, words] of [
    ['customer_type', CUSTOMER_TYPE_WORDS],
    ['category', CATEGORY_WORDS],
    ['sub_category', SUB_CATEGORY_WORDS],
    ['segment', SEGMENT_WORDS],
    ['package', PACKAGE_WORDS],
  ] as const) {
    const hit = findWord(rest, words);
    if (hit) {
      entities[key] = hit.value;
      at[key] = hit.at;
      rest = blank(rest, hit.at, hit.length);
    }
  }

  // A type the data holds that the words above do not name, by its own name, singular or plural.
  if (entities.customer_type === undefined) {
    const names = [...(vocab.customerTypes ?? [])].sort((a, b) => b[0].length - a[0].length);
    for (const [name, type] of names) {
      const m = new RegExp(`(?:^|\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:s|es)?(?=\\s|$)`).exec(
        rest,
      );
      if (m) {
        entities.customer_type = type;
        at.customer_type = m.index;
        rest = blank(rest, m.index, m[0].length);
        break;
      }
    }
  }

  const words = rest.trim().split(/\s+/).filter(Boolean);
  const bareIds: WrittenId[] = [];
  let customerText: string | undefined;
  let productText: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1] ?? '';
    if (!/^\d+$/.test(word)) {
      if (/^top\d{1,2}$/.test(word)) entities.count = Number(word.slice(3));
      const spelled = readNumber(words, i);
      if (!spelled) continue;
      // "los diez mejores clientes", "top fifteen", "cliente cien mil uno".
      const after = words[i + spelled.length] ?? '';
      const role = roleBefore(words, i);
      const text = words.slice(i, i + spelled.length).join(' ');
      i += spelled.length - 1;
      // "un producto", "cuéntame un chiste": "un", "una", "one" alone are articles, not numbers.
      if (spelled.value === 1 && spelled.length === 1 && !COUNT_ROLE.test(role)) continue;
      if (COUNT_NOUN.test(after) || RANKED.test(after) || COUNT_ROLE.test(role)) {
        entities.count = spelled.value;
      } else if (CUSTOMER_WORD.test(role)) entities.customer_id ??= spelled.value;
      else if (PRODUCT_WORD.test(role)) entities.product_id ??= spelled.value;
      else if (spelled.length > 1 && spelled.value >= 1000) {
        bareIds.push({ text, value: spelled.value, role: undefined });
      }
      continue;
    }
    const role = roleBefore(words, i);
    const value = Number(word);
    if (word.length <= 2 && (COUNT_NOUN.test(next) || RANKED.test(next) || COUNT_ROLE.test(role))) {
      entities.count = value;
      continue;
    }
    if (word.length <= 2 && COUNT_NOUN.test(next)) continue;
    if (/^(semanas|weeks|dias|days|meses|months|veces|times|anos|years)$/.test(next)) continue;
    // "Ventas 2024", "top products 2024", "2024 vs 2023": a year that no id is, unless one customer
    // or product is named before it ("cliente 2024" asks for that id, and says it is unknown).
    // After a plural noun ("top productos 2024") the year wins even over an id of the same number.
    if (
      anchor &&
      !SINGLE_ROLE.test(role) &&
      (yearAfterPlural(role) || (!vocab.customerIds.has(value) && !vocab.productIds.has(value))) &&
      isRecentYear(value, anchor)
    ) {
      const year = calendarYear(value, lang);
      if (!entities.period) entities.period = year;
      else entities.compare_to ??= year;
      continue;
    }
    if (CUSTOMER_WORD.test(role)) {
      if (entities.customer_id === undefined) {
        entities.customer_id = value;
        if (!Number.isSafeInteger(value)) customerText = word;
      }
    } else if (PRODUCT_WORD.test(role)) {
      if (entities.product_id === undefined) {
        entities.product_id = value;
        if (!Number.isSafeInteger(value)) productText = word;
      }
    } else if (
      word.length <= 2 &&
      !vocab.customerIds.has(value) &&
      !vocab.productIds.has(value) &&
      !/^(semana|semanas|week|weeks|mes|month|dia|day|ano|year|dic|dec)$/.test(words[i - 1] ?? '')
    ) {
      // "dame 3 para el 1002": a one- or two-digit number that is no id is how many to show (the
      // first one); never an id, which would answer "I do not know customer 2".
      entities.count ??= value;
    } else {
      bareIds.push({ text: word, value, role: undefined });
    }
  }
  return {
    entities,
    bareIds,
    at,
    ...(customerText ? { customerText } : {}),
    ...(productText ? { productText } : {}),
  };
}
