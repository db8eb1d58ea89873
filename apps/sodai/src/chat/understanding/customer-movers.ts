import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { addDays, monthEnd, mondayOf } from './days.ts';
import { GROUP_RE } from './intent-words.ts';

/** "Who", "quién": customers asked for without a customer noun. */
const WHO = /\b(?:quien(?:es)?|who|whom)\b/;

/** The sales as a whole, named before the customers: then their trend is asked. */
const SALES_NOUN = /\b(?:ventas|sales|compras|purchases)\b/;

/** "Which / qué / cuál … ": the customers themselves are asked for. */
const WHICH = /\b(?:quien(?:es)?|who|which|cual(?:es)?|que (?:clientes?|mayoristas|restaurantes|tiendas))\b/;

/** "Less", "más": buying more or less, which with "than before" is a change. */
const MORE_OR_LESS = /\b(?:less|more|fewer|menos|mas)\b/;

/** Buying less: "bought less", "compraron menos", "fewer orders". */
const LESS = /\b(?:less|fewer|menos)\b/;

/** "More … than last month", "menos … que antes": the period compared with, said after "more / less". */
const THAN_BEFORE =
  /\b(?:less|more|fewer|menos|mas)\b.*\b(?:than|que|vs|versus|frente a\w*|contra|comparado con|compared (?:to|with))\b.*\b(?:before|antes|anterior|pasad[oa]|last|previous|prior|ultim[oa])\b/;

/** "Lately", "últimamente": more or less than before, the recent weeks against those before them. */
const LATELY = /\b(?:lately|recently|these days|ultimamente|recientemente|estos dias|estas semanas)\b/;

/** Buying said of the past: "compraban", "solían pedir", "used to buy", "before", "antes". */
const USED_TO =
  /\b(?:compraban|compraba|pedian|pedia|llevaban|llevaba|gastaban|solian|solia|used to|antes|before|previously|formerly|earlier)\b/;

/** Buying said of now: "ahora", "now", "these days", "hoy en dia". */
const NOW = /\b(?:ahora|now|nowadays|these days|hoy en dia|actualmente|currently|today)\b/;

/** A lot, or more: "mucho", "bastante", "a lot", "lots", "more". */
const MUCH = /\b(?:mucho|muchos|muchas|bastante|harto|a lot|lots|much|more|mas|plenty)\b/g;

/** Little, or less: "poco", "casi nada", "little", "less", "hardly anything". */
const LITTLE = /\b(?:poco|pocos|poca|pocas|menos|casi nada|little|less|fewer|few|hardly|barely)\b/g;

/**
 * "¿Hay clientes que compraban mucho y ahora compran poco?", "customers who used to buy a lot but
 * now buy little": buying then and now set against each other, a fall when the much is said first
 * and the little after, a rise the other way round. Nothing when the question says no then and now.
 *
 * @example
 * shiftThenAndNow('clientes que compraban mucho y ahora compran poco'); // 'down'
 * shiftThenAndNow('customers who used to buy little and now buy a lot'); // 'up'
 */
export function shiftThenAndNow(text: string): 'up' | 'down' | undefined {
  if (!USED_TO.test(text) || !NOW.test(text)) return undefined;
  const much = [...text.matchAll(MUCH)].map((m) => m.index);
  const little = [...text.matchAll(LITTLE)].map((m) => m.index);
  if (much.length === 0 || little.length === 0) return undefined;
  return Math.min(...much) < Math.min(...little) ? 'down' : 'up';
}

/** What the rules know besides the words. */
export interface CustomerMoverSignals {
  readonly namesCustomerOrProduct: boolean;
  readonly hasCustomerType: boolean;
  readonly hasTwoPeriods: boolean;
}

/**
 * Whether a question ranks customers by how their buying changed ("which wholesalers bought less
 * this month than last month?", "¿cuál es el cliente que más ha crecido?", "customers whose
 * purchases are falling"): the customers (a customer noun before any product noun, a customer type,
 * or "who") are its subject, and it names a rise or fall, or buying more or less than before.
 * A change of one customer is that customer's history; of products, the product movers.
 *
 * @example
 * asksCustomerMovers('cual es el cliente que mas ha crecido', { namesCustomerOrProduct: false, hasCustomerType: false, hasTwoPeriods: false }); // true
 */
export function asksCustomerMovers(text: string, s: CustomerMoverSignals): boolean {
  if (s.namesCustomerOrProduct) return false;
  const c = text.search(GROUP_RE.customer);
  const p = text.search(GROUP_RE.product);
  const customersFirst = c >= 0 && (p < 0 || c < p);
  const aboutCustomers = customersFirst || (p < 0 && (s.hasCustomerType || WHO.test(text)));
  if (!aboutCustomers) return false;
  // "¿Están creciendo las ventas de los restaurantes?" asks their trend, not which of them grew.
  const sales = text.search(SALES_NOUN);
  if (sales >= 0 && (c < 0 || sales < c) && !WHICH.test(text)) return false;
  const changed =
    GROUP_RE.rising.test(text) ||
    GROUP_RE.falling.test(text) ||
    GROUP_RE.movers.test(text) ||
    shiftThenAndNow(text) !== undefined ||
    (MORE_OR_LESS.test(text) && (s.hasTwoPeriods || THAN_BEFORE.test(text) || LATELY.test(text)));
  return changed;
}

/** Whether the change asked for is a fall ("bought less", "cayeron", "dropping"). */
export function asksFallers(text: string): boolean {
  // "Compraban menos y ahora compran más" says "less" of before: the order says which way.
  const shift = shiftThenAndNow(text);
  if (shift !== undefined) return shift === 'down';
  return GROUP_RE.falling.test(text) || (LESS.test(text) && !GROUP_RE.rising.test(text));
}

/**
 * "Than last month", "que la semana pasada", "respecto al mes pasado": the one period named is what
 * the change is measured from.
 */
const THAN_A_PERIOD =
  /\b(?:than|que|vs|versus|frente a\w*|contra|comparado con|compared (?:to|with)|respecto (?:a|al|de|del)|en comparacion (?:con|a|al))(?: (?:in|en|el|la|the|del|de la))? (?:last|previous|prior|(?:mes|semana|ano|month|week|year) (?:pasad[oa]|anterior))\b/;

/**
 * "Which customers bought less than last month?" names one period, the one compared with: the
 * period asked is then the days after it, up to the data's last day ("this month" so far); none
 * when the data end inside the period named.
 *
 * @example
 * periodSinceNamed('bought less than last month', { from: '2024-11-01', to: '2024-11-30', label: 'last month' }, '2024-12-15', 'en');
 * // { from: '2024-12-01', to: '2024-12-15', label: 'this month' }
 */
export function periodSinceNamed(
  text: string,
  named: ChatPeriod,
  lastDay: string,
  lang: Lang,
): ChatPeriod | undefined {
  if (!THAN_A_PERIOD.test(text)) return undefined;
  const from = addDays(named.to, 1);
  if (from > lastDay) return undefined;
  const isMonth =
    named.from.slice(8) === '01' &&
    named.to === monthEnd(Number(named.from.slice(0, 4)), Number(named.from.slice(5, 7)));
  const isWeek = mondayOf(named.from) === named.from && addDays(named.from, 6) === named.to;
  const label = isMonth
    ? lang === 'es'
      ? 'este mes'
      : 'this month'
    : isWeek
      ? lang === 'es'
        ? 'esta semana'
        : 'this week'
      : lang === 'es'
        ? 'desde entonces'
        : 'since then';
  return { from, to: lastDay, label };
}
