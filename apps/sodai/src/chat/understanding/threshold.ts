import { distance } from 'fastest-levenshtein';
import type { ChatThreshold } from '../../contract/api.ts';
import { readNumber } from './number-words.ts';

/**
 * Words that set a bar before a number, each with its comparison. Longer ones first where one
 * contains another ("no más de" before "más de"); a match further left wins anyway.
 */
const COMPARATORS: readonly (readonly [Exclude<ChatThreshold['op'], 'between'>, string])[] = [
  ['lte', 'no mas de|not more than|no more than|a lo mas|como maximo|maximo|at most|up to|hasta'],
  [
    'gte',
    'no menos de|not less than|no fewer than|al menos|at least|como minimo|minimo|por lo menos|a lo menos',
  ],
  [
    'gt',
    // "more then": the typo as common as the word.
    'mas de|more than|more then|over|above|mayor(?:es)? (?:a|que|de)|superior(?:es)? a|por encima de|arriba de|sobre|exceeding',
  ],
  [
    'lt',
    'menos de|less than|less then|fewer than|fewer then|under|below|menor(?:es)? (?:a|que|de)|inferior(?:es)? a|por debajo de|bajo',
  ],
];
const COMPARATOR = new RegExp(
  `(?:^|\\s)(?:${COMPARATORS.map(([op, words]) => `(?<${op}>${words})`).join('|')})\\s+`,
  'g',
);

/** "entre 10 y 50 unidades", "between 3 and 5 orders": a range, its noun (if any) after it. */
const BETWEEN = /(?:^|\s)(?:entre|between)\s+(\d+(?:\.\d+)?)\s+(?:y|and|a|to)\s+(\d+(?:\.\d+)?)(?:\s+(\w+))?/;

/** "más de dos veces" said in one word: "more than twice". */
const TIMES: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

/** What the number counts, by the noun after it ("100 unidades", "5 pedidos", "3 productos distintos"). */
const MEASURES: readonly (readonly [ChatThreshold['of'], RegExp])[] = [
  ['units', /^(?:unidades|unidad|units?|uds?|unid|u|cajas?|boxes|bultos)$/],
  [
    'orders',
    // "Más de una vez": the singular too, after "una".
    /^(?:pedidos?|ordenes|orden|orders?|compras?|purchases?|vez|veces|times|transacciones|transactions?)$/,
  ],
  ['customers', /^(?:clientes?|customers?|compradores|buyers|tiendas|locales|negocios)$/],
  ['products', /^(?:productos?|products?|articulos?|skus?|referencias?|items?)$/],
];

/** The measure nouns as words, for typos of them. */
const MEASURE_WORDS: readonly (readonly [string, ChatThreshold['of']])[] = [
  ...['unidades', 'unidad', 'units', 'unit', 'cajas', 'boxes'].map((w) => [w, 'units'] as const),
  ...['pedidos', 'pedido', 'ordenes', 'orders', 'compras', 'vez', 'veces', 'times'].map(
    (w) => [w, 'orders'] as const,
  ),
  ...['clientes', 'customers'].map((w) => [w, 'customers'] as const),
  ...['productos', 'products'].map((w) => [w, 'products'] as const),
];

/** After the number, a noun that makes it no quantity bought: a time, a size, a share. */
const NOT_A_QUANTITY =
  /^(?:semanas?|weeks?|dias?|days?|mes|meses|months?|anos?|years?|horas?|hours?|litros?|liters?|litres?|l|lt|ml|cc|percent|por)$/;

/** "distintos", "different": what may follow a products or customers noun and says nothing more. */
const DISTINCT = /^(?:distint[oa]s|diferentes|different|distinct|unic[oa]s|unique)$/;

/** A threshold found, and the question without it (so its number is no id or count). */
export interface FoundThreshold {
  readonly threshold: ChatThreshold;
  readonly text: string;
}

/**
 * The quantity bar a normalized question sets: a number after "más de", "menos de", "over", "under",
 * "at least", "como máximo"… (or before "o más" / "or more"), with what it counts. A number the data
 * knows as an id (`isId`) is a bar only when a quantity noun follows ("más de 100010" is no bar);
 * one followed by a time or size ("más de 3 semanas", "más de 2 litros") never is.
 *
 * @example
 * findThreshold('cuantos clientes compran mas de 100 unidades', () => false);
 * // { threshold: { op: 'gt', value: 100, of: 'units' }, text: 'cuantos clientes compran' }
 */
export function findThreshold(text: string, isId: (n: number) => boolean): FoundThreshold | undefined {
  const range = BETWEEN.exec(text);
  if (range) {
    const [low, high] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
    const noun = range[3];
    const of = measureOf(noun ?? '');
    if (noun === undefined || of || !NOT_A_QUANTITY.test(noun)) {
      // The noun goes with the range only when it says what is counted ("entre 10 y 50 latas" keeps "latas").
      const end = range.index + range[0].length - (of || noun === undefined ? 0 : noun.length);
      return {
        threshold: { op: 'between', value: low, to: high, of: of ?? 'units' },
        text: squeeze(`${text.slice(0, range.index)} ${text.slice(end)}`),
      };
    }
  }
  for (const m of text.matchAll(COMPARATOR)) {
    const op = (Object.keys(m.groups ?? {}) as Exclude<ChatThreshold['op'], 'between'>[]).find(
      (k) => m.groups?.[k] !== undefined,
    );
    if (!op) continue;
    const start = m.index + (m[0].startsWith(' ') ? 1 : 0);
    const after = text.slice(m.index + m[0].length).split(' ');
    const found = quantityAt(after, op, isId);
    if (!found) continue;
    const used = after.slice(0, found.words).join(' ');
    const end = m.index + m[0].length + used.length;
    return { threshold: found.threshold, text: squeeze(`${text.slice(0, start)} ${text.slice(end)}`) };
  }
  // "100 unidades o más", "5 orders or more", "100 o más unidades" ("100+").
  const suffix =
    /(?:^|\s)(\d+(?:\.\d+)?)\s+(?:(\w+)\s+)?(?:o|or)\s+(mas|more|menos|less|fewer)(?:\s+(\w+))?(?=\s|$)/.exec(
      text,
    );
  const suffixOf = suffix ? (measureOf(suffix[2] ?? '') ?? measureOf(suffix[4] ?? '')) : undefined;
  if (suffix && suffixOf) {
    const op = suffix[3] === 'mas' || suffix[3] === 'more' ? 'gte' : 'lte';
    // A noun after "o más" that counts nothing ("100 o más latas") stays in the question.
    const trailing = suffix[4] !== undefined && measureOf(suffix[4]) === undefined ? suffix[4].length : 0;
    return {
      threshold: { op, value: Number(suffix[1]), of: suffixOf },
      text: squeeze(
        `${text.slice(0, suffix.index)} ${text.slice(suffix.index + suffix[0].length - trailing)}`,
      ),
    };
  }
  return undefined;
}

/**
 * What a noun after a bar's number counts. Right after the number a noun is almost surely a measure,
 * so one edit off one is read as it ("vces", "unts", "pedids"), which the speller leaves to short
 * words it cannot tell apart elsewhere.
 */
function measureOf(word: string): ChatThreshold['of'] | undefined {
  const exact = MEASURES.find(([, re]) => re.test(word))?.[0];
  if (exact || word.length < 4) return exact;
  return MEASURE_WORDS.find(([w]) => Math.abs(w.length - word.length) <= 1 && distance(w, word) === 1)?.[1];
}

/** The number at the start of `words` and what it counts, with how many words they take. */
function quantityAt(
  words: readonly string[],
  op: ChatThreshold['op'],
  isId: (n: number) => boolean,
): { threshold: ChatThreshold; words: number } | undefined {
  const times = TIMES[words[0] ?? ''];
  if (times !== undefined) return { threshold: { op, value: times, of: 'orders' }, words: 1 };
  let value: number;
  let used: number;
  if (/^\d+(?:\.\d+)?$/.test(words[0] ?? '')) {
    value = Number(words[0]);
    used = 1;
    if (words[1] === 'mil' || words[1] === 'thousand') {
      value *= 1000;
      used = 2;
    }
  } else {
    const spelled = readNumber(words, 0);
    if (!spelled) return undefined;
    value = spelled.value;
    used = spelled.length;
  }
  // "más de 100 de las latas": "de" may sit between the number and its noun, and "more than 5
  // different products" an adjective.
  let nounAt = words[used] === 'de' || words[used] === 'of' ? used + 1 : used;
  if (DISTINCT.test(words[nounAt] ?? '')) nounAt++;
  const noun = words[nounAt] ?? '';
  if (NOT_A_QUANTITY.test(noun)) return undefined;
  const of = measureOf(noun);
  // "hasta 2024", "sobre 100010": a year or an id, unless a quantity noun says otherwise.
  if (!of && (isId(value) || isYear(value))) return undefined;
  const tail = of ? nounAt + 1 + (DISTINCT.test(words[nounAt + 1] ?? '') ? 1 : 0) : used;
  return { threshold: { op, value, of: of ?? 'units' }, words: tail };
}

const isYear = (n: number) => Number.isInteger(n) && n >= 1990 && n <= 2100;

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
