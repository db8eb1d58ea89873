/**
 * The days of the week in sales questions: "¿qué día de la semana se vende más?" (sales split by
 * weekday) and "which customers order on mondays?" (who buys on one weekday), over normalized,
 * spell-corrected text.
 */
import { peakAsked } from './peak-period-words.ts';

/** ISO weekday (1 = Monday … 7 = Sunday) of each day name, singular and plural, es and en. */
const DAYS: Readonly<Record<string, number>> = {
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  sabados: 6,
  domingo: 7,
  domingos: 7,
  monday: 1,
  mondays: 1,
  tuesday: 2,
  tuesdays: 2,
  wednesday: 3,
  wednesdays: 3,
  thursday: 4,
  thursdays: 4,
  friday: 5,
  fridays: 5,
  saturday: 6,
  saturdays: 6,
  sunday: 7,
  sundays: 7,
};

/** The day names and weekday words, whole, for the speller's lexicon. */
export const WEEKDAY_WORDS: readonly string[] = [...Object.keys(DAYS), 'weekday', 'weekdays'];

/**
 * A habit on a weekday, not one date: "los lunes", "on mondays", "every monday", "cada martes"
 * ("el lunes" is a date the period rules read).
 */
const ON_A_WEEKDAY = new RegExp(
  `\\b(?:los|on|every|cada|todos los|en|the) (${Object.keys(DAYS).join('|')})\\b|\\b(mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\\b`,
);

/** The days of the week as what is asked: "qué día de la semana", "which weekday", "por día". */
const WEEKDAY_ASKED = /\b(?:dias? de la semana|days? of (?:the )?week|weekdays?|por dias? de|by day of)\b/;

/** "¿Qué día se vende más?", "which day is best?": a day asked with a ranking or a habit. */
const WHICH_DAY = /\b(?:que|cual|which|what|en que) (?:es el )?(?:dias?|days?)\b/;
const RANKED =
  /\b(?:mas|most|menos|least|best|mejor\w*|peor\w*|worst|busiest|suele\w*|usually|normalmente|normally|habitualmente)\b/;

/** Orders (or purchases, visits of the truck) counted, not units: "¿qué día hay más pedidos?". */
const COUNTS_ORDERS = /\b(?:pedidos?|ordenes|orders?|compras|purchases)\b/;
/** The quietest day asked for: "¿qué día se vende menos?", "which weekday has the fewest orders?". */
const FEWEST =
  /\b(?:menos|least|fewest|fewer|lowest|slowest|quietest|worst|peor\w*|mas (?:flojo|bajo|tranquilo)|minimo)\b/;

/**
 * How a split by weekday is ranked: by orders when orders are what is counted, and the quietest day
 * first when the question asks for it.
 *
 * @example
 * weekdayRanking('que dia de la semana hay menos pedidos'); // { byOrders: true, fewest: true }
 */
export function weekdayRanking(text: string): { readonly byOrders: boolean; readonly fewest: boolean } {
  return { byOrders: COUNTS_ORDERS.test(text), fewest: FEWEST.test(text) };
}

/**
 * The weekday a question asks about as a habit ("which customers order on mondays?"), ISO 1-7.
 *
 * @example
 * weekdayNamed('which customers order on mondays'); // 1
 * weekdayNamed('que le ofrezco al 1002 el lunes'); // undefined
 */
export function weekdayNamed(text: string): number | undefined {
  const m = ON_A_WEEKDAY.exec(text);
  const day = m?.[1] ?? m?.[2];
  return day === undefined ? undefined : DAYS[day];
}

/**
 * Whether a question asks how sales spread over the days of the week ("¿qué día de la semana se
 * vende más?", "sales by weekday", "¿qué día pide más el cliente 1002?").
 *
 * @example
 * asksWeekdaySplit('que dia de la semana se vende mas'); // true
 */
export function asksWeekdaySplit(text: string): boolean {
  if (WEEKDAY_ASKED.test(text)) return true;
  // "¿Cuál es el día con más ventas de diciembre?", "the best day": one date of the calendar is
  // ranked, which the peak day answers, not a weekday.
  if (peakAsked(text)?.grain === 'day') return false;
  // "¿Qué día compró el 1002 por última vez?" asks a date, not the weekdays.
  return WHICH_DAY.test(text) && RANKED.test(text);
}

/**
 * Whether a question asks which day (or days) of the week, without a ranking: "¿qué días compra el
 * 1002?", "which day does 1002 order?" (with a customer named, that customer's weekdays).
 *
 * @example
 * asksWhichDay('que dias compra el cliente 1002'); // true
 */
function asksWhichDay(text: string): boolean {
  return WHICH_DAY.test(text) || WEEKDAY_ASKED.test(text);
}

/** "¿Qué compra el 1002 los lunes?", "what does 1002 order on mondays?": what, not which day. */
const WHAT_IS_BOUGHT =
  /\b(?:que|what|cuales) (?:productos?|products?|compr\w*|pid\w*|llev\w*|did|does|do|buys?|bought|orders?)\b/;

/**
 * Whether a question about one customer asks on which weekdays it orders ("¿el cliente 1002 suele
 * comprar los lunes?", "which day does 1002 order?"), rather than what it buys on one.
 *
 * @example
 * asksCustomersDays('el cliente 1002 suele comprar los lunes'); // true
 * asksCustomersDays('que compra el cliente 1002 los lunes'); // false
 */
export function asksCustomersDays(text: string): boolean {
  return asksWhichDay(text) || (weekdayNamed(text) !== undefined && !WHAT_IS_BOUGHT.test(text));
}
