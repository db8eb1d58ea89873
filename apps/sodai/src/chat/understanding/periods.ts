import type { ChatPeriod, Lang } from '../../contract/api.ts';
import {
  addDays,
  daysBetween,
  lastCompleteMonth,
  lastCompleteWeek,
  monthEnd,
  monthStart,
  mondayOf,
  toDate,
} from './days.ts';
import { formatDay, formatMonth, say } from '../format.ts';
import { HOLIDAY_RULES } from './holiday-periods.ts';
import { RELATIVE_RULES } from './periods-relative.ts';
import { ONE_TO_TWENTY } from './number-words.ts';

/** A period found in a question, with where it was written (to keep its numbers out of ids). */
export interface FoundPeriod {
  readonly period: ChatPeriod;
  readonly start: number;
  readonly end: number;
}

const MONTHS: Record<string, number> = {
  enero: 1,
  january: 1,
  jan: 1,
  ene: 1,
  febrero: 2,
  february: 2,
  feb: 2,
  marzo: 3,
  march: 3,
  mar: 3,
  abril: 4,
  april: 4,
  apr: 4,
  abr: 4,
  mayo: 5,
  may: 5,
  junio: 6,
  june: 6,
  jun: 6,
  julio: 7,
  july: 7,
  jul: 7,
  agosto: 8,
  august: 8,
  aug: 8,
  ago: 8,
  septiembre: 9,
  setiembre: 9,
  september: 9,
  sep: 9,
  sept: 9,
  octubre: 10,
  october: 10,
  oct: 10,
  noviembre: 11,
  november: 11,
  nov: 11,
  diciembre: 12,
  december: 12,
  dec: 12,
  dic: 12,
};
/** Months said in full, all but "may" (also a verb). */
const FULL_MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|june|july|august|september|october|november|december';
const MONTH_WORD = `(${FULL_MONTHS}|may|ene|feb|mar|abr|apr|jun|jul|ago|aug|sept|sep|oct|nov|dic|dec)`;

/** A month said in full ("april", "marzo"): the other side of "may vs april". */
const FULL_MONTH = new RegExp(`\\b(?:${FULL_MONTHS})\\b`);

/** "May" the verb: before a pronoun or a verb ("may I", "customers may buy"). */
const MODAL_MAY =
  /\bmay\s+(?:i|we|you|they|he|she|it|be|buy|sell|order|need|want|have|like|stop|purchase|also|not|get|see|ask|know)\b/;

/**
 * Whether "may" (English) or "mar" (a Spanish abbreviation, and the sea) names the month: after a
 * word that places or compares it ("in may", "vs may"), before a year ("may 2024"), or beside a
 * month said in full ("compare may against april"), and never as a verb ("may I", "may buy").
 */
function readAsMonth(word: string, m: RegExpExecArray, question: string): boolean {
  if (word === 'may' && MODAL_MAY.test(question)) return false;
  if (m[0] !== word && !m[0].startsWith(word)) return true;
  if (m[2]) return true;
  return FULL_MONTH.test(question.replace(m[0], ' '));
}
const NUMBER_WORDS: Record<string, number> = { a: 1, ...ONE_TO_TWENTY };
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;

const countOf = (word: string): number => NUMBER_WORDS[word] ?? Number(word);

export interface PeriodRule {
  readonly re: RegExp;
  /** `question`: the whole normalized question (`m.input` has the periods found before blanked). */
  readonly make: (m: RegExpExecArray, anchor: string, lang: Lang, question: string) => ChatPeriod | undefined;
  /** "last week", "last month": the one before another period the question names as the same days. */
  readonly past?: true;
}

/** "el 15 mar 2024" / "on Mar 15, 2024": a day named by its date, as people write it (not ISO). */
const dayLabel = (day: string, lang: Lang) =>
  say(lang, `el ${formatDay(day, lang)}`, `on ${formatDay(day, lang)}`);

/** "del 8 abr 2024 al 14 abr 2024" / "Apr 8, 2024 to Apr 14, 2024". */
const rangeLabel = (from: string, to: string, lang: Lang) =>
  say(
    lang,
    `del ${formatDay(from, lang)} al ${formatDay(to, lang)}`,
    `${formatDay(from, lang)} to ${formatDay(to, lang)}`,
  );

/** A named month: in the anchor's year, or the year before when it has not started yet. */
function namedMonth(month: number, year: number | undefined, anchor: string): { from: string; to: string } {
  const a = toDate(anchor);
  const y = year ?? (month <= a.getUTCMonth() + 1 ? a.getUTCFullYear() : a.getUTCFullYear() - 1);
  return { from: monthStart(y, month), to: monthEnd(y, month) };
}

function dayOf(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

const yearOfAnchor = (anchor: string) => toDate(anchor).getUTCFullYear();

/**
 * The days from one day of a month to another: the end's year as written (or the start's, the year
 * after when the months wrap: "del 15 de diciembre de 2023 al 10 de enero"), else the latest with that
 * month by the anchor; the start's as written, or the end's (the year before when the months wrap). A start month left out is the end's ("del 1 al 15 de
 * marzo"). Nothing when a day does not exist or the start comes after the end.
 */
function dayRange(
  fromDay: string,
  fromMonthWord: string | undefined,
  fromYear: string | undefined,
  toDay: string,
  toMonthWord: string,
  toYear: string | undefined,
  anchor: string,
  lang: Lang,
): ChatPeriod | undefined {
  const toMonth = MONTHS[toMonthWord]!;
  const fromMonth = fromMonthWord === undefined ? toMonth : MONTHS[fromMonthWord]!;
  const wraps = fromMonth > toMonth;
  const endYear = toYear
    ? Number(toYear)
    : fromYear
      ? Number(fromYear) + (wraps ? 1 : 0)
      : namedMonthYear(toMonth, anchor);
  const startYear = fromYear ? Number(fromYear) : wraps ? endYear - 1 : endYear;
  const from = dayOf(startYear, fromMonth, Number(fromDay));
  const to = dayOf(endYear, toMonth, Number(toDay));
  if (!from || !to || from > to) return undefined;
  return { from, to, label: rangeLabel(from, to, lang) };
}

/** "la semana del 13 may 2024" / "the week of May 13, 2024". */
const weekLabel = (monday: string, lang: Lang) =>
  say(lang, `la semana del ${formatDay(monday, lang)}`, `the week of ${formatDay(monday, lang)}`);

/** The Monday–Sunday week holding `day` (a date people name the week by, usually its Monday). */
function weekOf(day: string | undefined, lang: Lang): ChatPeriod | undefined {
  if (!day) return undefined;
  const monday = mondayOf(day);
  return { from: monday, to: addDays(monday, 6), label: weekLabel(monday, lang) };
}

/**
 * "La semana del", "la semana que empieza el" (any tense: the speller may turn "empieza" into
 * "empiezo"), "the week of", "the week starting (on)".
 */
const WEEK_OF_ES = '(?:la\\s+)?semana\\s+(?:del?|que\\s+(?:empie|comien|arranc|inici)\\w*\\s+el)';
const WEEK_OF_EN = '(?:the\\s+)?week\\s+(?:of|starting|beginning|commencing)(?:\\s+on)?(?:\\s+the)?';

const WEEK_ORDINALS: Record<string, number> = {
  primera: 1,
  primer: 1,
  '1a': 1,
  '1ra': 1,
  first: 1,
  '1st': 1,
  segunda: 2,
  '2a': 2,
  '2da': 2,
  second: 2,
  '2nd': 2,
  tercera: 3,
  tercer: 3,
  '3a': 3,
  '3ra': 3,
  third: 3,
  '3rd': 3,
  cuarta: 4,
  '4a': 4,
  '4ta': 4,
  fourth: 4,
  '4th': 4,
  quinta: 5,
  fifth: 5,
  '5th': 5,
  ultima: -1,
  last: -1,
  final: -1,
};
const WEEK_ORDINAL = `(${Object.keys(WEEK_ORDINALS).join('|')})`;

/**
 * The n-th Monday–Sunday week of a month, counting the weeks whose Thursday falls in it (so each
 * week belongs to the month holding most of its days, as ISO weeks belong to years); -1 is the
 * last. Nothing when the month has no such n-th week.
 */
function nthWeekOfMonth(n: number, year: number, month: number): { from: string; to: string } | undefined {
  const thursdays: string[] = [];
  for (let d = monthStart(year, month); d <= monthEnd(year, month); d = addDays(d, 1))
    if (toDate(d).getUTCDay() === 4) thursdays.push(d);
  const thursday = n < 0 ? thursdays[thursdays.length + n] : thursdays[n - 1];
  if (!thursday) return undefined;
  const monday = addDays(thursday, -3);
  return { from: monday, to: addDays(monday, 6) };
}

/**
 * A week named by one of its days: the whole Monday–Sunday week, not that day. Read before the
 * day rules, which would take "13 de mayo" alone.
 */
const WEEK_OF_A_DAY: readonly PeriodRule[] = [
  {
    // "la primera semana de diciembre (de 2024)", "the last week of november", "2nd week of may 2024".
    re: new RegExp(
      `\\b(?:(?:la|el|the)\\s+)?${WEEK_ORDINAL}\\s+(?:semana|week)\\s+(?:del?|of|in)\\s+(?:(?:el\\s+)?mes\\s+de\\s+)?${MONTH_WORD}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang) => {
      const n = WEEK_ORDINALS[m[1]!]!;
      const month = MONTHS[m[2]!]!;
      const year = m[3] ? Number(m[3]) : namedMonthYear(month, anchor);
      const week = nthWeekOfMonth(n, year, month);
      if (!week) return undefined;
      const monthName = formatMonth(monthStart(year, month), lang);
      const [es, en] =
        n < 0
          ? ['la última semana', 'the last week']
          : [
              `la ${['primera', 'segunda', 'tercera', 'cuarta', 'quinta'][n - 1]!} semana`,
              `the ${['first', 'second', 'third', 'fourth', 'fifth'][n - 1]!} week`,
            ];
      return { ...week, label: say(lang, `${es} de ${monthName}`, `${en} of ${monthName}`) };
    },
  },
  {
    // "la semana del 13 de mayo (de 2024)", "week of 13 may", "the week of the 13th of may".
    re: new RegExp(
      `\\b(?:${WEEK_OF_ES}|${WEEK_OF_EN})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:de\\s+|of\\s+)?${MONTH_WORD}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang) => {
      const month = MONTHS[m[2]!]!;
      return weekOf(dayOf(m[3] ? Number(m[3]) : namedMonthYear(month, anchor), month, Number(m[1])), lang);
    },
  },
  {
    // "the week of may 13(th)(, 2024)".
    re: new RegExp(
      `\\b(?:${WEEK_OF_ES}|${WEEK_OF_EN})\\s+${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang) => {
      const month = MONTHS[m[1]!]!;
      return weekOf(dayOf(m[3] ? Number(m[3]) : namedMonthYear(month, anchor), month, Number(m[2])), lang);
    },
  },
  {
    // "la semana del 2024-05-13", "the week of 2024-05-13".
    re: new RegExp(`\\b(?:${WEEK_OF_ES}|${WEEK_OF_EN})\\s+(\\d{4})-(\\d{2})-(\\d{2})\\b`),
    make: (m, _a, lang) => weekOf(dayOf(Number(m[1]), Number(m[2]), Number(m[3])), lang),
  },
];

const RULES: readonly PeriodRule[] = [
  ...HOLIDAY_RULES,
  {
    // "diciembre del año pasado", "march last year": that month of the year before the data's last,
    // read before "el año pasado" alone would take the whole year.
    re: new RegExp(
      `\\b${MONTH_WORD}\\s+(?:del?\\s+)?ano\\s+(?:pasado|anterior)\\b|\\b${MONTH_WORD}\\s+(?:of\\s+)?(?:last|previous)\\s+year\\b|\\b(?:last|previous)\\s+years?\\s+(?:s\\s+)?${MONTH_WORD}\\b`,
    ),
    make: (m, anchor, lang) => {
      const month = MONTHS[(m[1] ?? m[2] ?? m[3])!]!;
      const range = namedMonth(month, yearOfAnchor(anchor) - 1, anchor);
      const name = formatMonth(range.from, lang);
      return { ...range, label: say(lang, `en ${name}`, `in ${name}`) };
    },
  },
  ...RELATIVE_RULES,
  ...WEEK_OF_A_DAY,
  {
    // "entre el 1 y el 15 de marzo", "del 1 al 15 de marzo", "from march 1 to march 15" are rare;
    // ISO ranges are what people paste: "del 2024-03-01 al 2024-03-15".
    re: /\b(?:del?|from|entre(?: el)?|between)\s+(\d{4}-\d{2}-\d{2})\s+(?:al?|to|until|hasta(?: el)?|y(?: el)?|and)\s+(\d{4}-\d{2}-\d{2})\b/,
    make: (m, _a, lang) =>
      m[1]! <= m[2]! ? { from: m[1]!, to: m[2]!, label: rangeLabel(m[1]!, m[2]!, lang) } : undefined,
  },
  {
    // "del 8 de abril al 15 de mayo", "entre el 1 y el 15 de marzo (de 2024)": days of named months.
    re: new RegExp(
      `\\b(?:del?|desde(?:\\s+el)?|entre(?:\\s+el)?)\\s+(\\d{1,2})(?:\\s+de\\s+${MONTH_WORD})?(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\s+(?:al?|hasta(?:\\s+el)?|y(?:\\s+el)?)\\s+(\\d{1,2})\\s+de\\s+${MONTH_WORD}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang) => dayRange(m[1]!, m[2], m[3], m[4]!, m[5]!, m[6], anchor, lang),
  },
  {
    // "from march 1 to (march) 15", "between april 8 and may 15(, 2024)".
    re: new RegExp(
      `\\b(?:from|between)\\s+${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?\\s+(?:to|until|through|and)\\s+(?:${MONTH_WORD}\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang) => dayRange(m[2]!, m[1], m[3], m[5]!, m[4] ?? m[1]!, m[6], anchor, lang),
  },
  {
    re: new RegExp(
      `\\b(?:(?:las|los|the|past|last|ultimas|ultimos)\\s+)+${COUNT}\\s+(semanas|weeks|dias|days|meses|months)\\b`,
    ),
    make: (m, anchor, lang) => {
      const n = countOf(m[1]!);
      const unit = m[2]!;
      const days =
        unit.startsWith('sem') || unit.startsWith('week') ? 7 * n : unit.startsWith('d') ? n : 30 * n;
      const words =
        unit.startsWith('sem') || unit.startsWith('week')
          ? say(
              lang,
              n === 1 ? 'la última semana' : `las últimas ${n} semanas`,
              n === 1 ? 'the last week' : `the last ${n} weeks`,
            )
          : unit.startsWith('d')
            ? say(
                lang,
                n === 1 ? 'el último día' : `los últimos ${n} días`,
                n === 1 ? 'the last day' : `the last ${n} days`,
              )
            : say(
                lang,
                n === 1 ? 'el último mes' : `los últimos ${n} meses`,
                n === 1 ? 'the last month' : `the last ${n} months`,
              );
      return { from: addDays(anchor, 1 - days), to: anchor, label: words };
    },
  },
  {
    re: /\b(?:la\s+)?semana\s+(?:pasada|anterior)\b|\b(?:la\s+)?(?:ultima|pasada)\s+semana\b|\blast\s+week\b|\bprevious\s+week\b|\bthe\s+week\s+before\b/,
    make: (_m, anchor, lang) => ({
      ...lastCompleteWeek(anchor),
      label: say(lang, 'la semana pasada', 'last week'),
    }),
    past: true,
  },
  {
    // "Ventas de la semana": this week, unless another week is named after it.
    re: /\b(?:esta|this)\s+(?:semana|week)\b|\bde\s+la\s+semana\b(?!\s+(?:pasada|anterior|antepasada|proxima|siguiente|que|de|del)\b)/,
    make: (_m, anchor, lang) => ({
      from: mondayOf(anchor),
      to: anchor,
      label: say(lang, 'esta semana', 'this week'),
    }),
  },
  {
    re: /\b(?:el\s+)?mes\s+(?:pasado|anterior)\b|\b(?:el\s+)?ultimo\s+mes\b|\blast\s+month\b|\bprevious\s+month\b/,
    make: (_m, anchor, lang) => ({
      ...lastCompleteMonth(anchor),
      label: say(lang, 'el último mes', 'last month'),
    }),
    past: true,
  },
  {
    // "Ventas del mes": this month, unless another month is named after it.
    re: /\b(?:este|this)\s+(?:mes|month)\b|\bdel\s+mes\b(?!\s+(?:pasado|anterior|proximo|siguiente|que|de|del)\b)/,
    make: (_m, anchor, lang) => {
      const d = toDate(anchor);
      return {
        from: monthStart(d.getUTCFullYear(), d.getUTCMonth() + 1),
        to: anchor,
        label: say(lang, 'este mes', 'this month'),
      };
    },
  },
  {
    // "La peor semana del año": this year, unless a year or "pasado" follows (rules above and below).
    re: /\b(?:este|this)\s+(?:ano|year)\b|\bin\s+the\s+year\b|\bdel\s+ano\b(?!\s+(?:pasado|anterior|20\d{2}))/,
    make: (_m, anchor, lang) => ({
      from: `${yearOfAnchor(anchor)}-01-01`,
      to: anchor,
      label: say(lang, 'este año', 'this year'),
    }),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/,
    make: (m, _a, lang) => {
      const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
      return day ? { from: day, to: day, label: dayLabel(day, lang) } : undefined;
    },
  },
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/,
    make: (m, _a, lang) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const day = lang === 'en' ? dayOf(Number(m[3]), a, b) : dayOf(Number(m[3]), b, a);
      return day ? { from: day, to: day, label: dayLabel(day, lang) } : undefined;
    },
  },
  {
    // "el 5 de marzo (de 2024)", "5 march"
    re: new RegExp(`\\b(\\d{1,2})\\s+(?:de\\s+)?${MONTH_WORD}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\b`),
    make: (m, anchor, lang) => {
      const month = MONTHS[m[2]!]!;
      const year = m[3] ? Number(m[3]) : namedMonthYear(month, anchor);
      const day = dayOf(year, month, Number(m[1]));
      return day ? { from: day, to: day, label: dayLabel(day, lang) } : undefined;
    },
  },
  {
    // "march 5(th)(, 2024)"
    re: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?\\b`),
    make: (m, anchor, lang) => {
      const month = MONTHS[m[1]!]!;
      const year = m[3] ? Number(m[3]) : namedMonthYear(month, anchor);
      const day = dayOf(year, month, Number(m[2]));
      return day ? { from: day, to: day, label: dayLabel(day, lang) } : undefined;
    },
  },
  {
    // "desde noviembre", "since march": from the month's first day to the last day with data.
    re: new RegExp(
      `\\b(?:desde|since)\\s+(?:el\\s+mes\\s+de\\s+)?${MONTH_WORD}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang) => {
      const range = namedMonth(MONTHS[m[1]!]!, m[2] ? Number(m[2]) : undefined, anchor);
      if (range.from > anchor) return undefined;
      const name = formatMonth(range.from, lang);
      return { from: range.from, to: anchor, label: say(lang, `desde ${name}`, `since ${name}`) };
    },
  },
  {
    // "en diciembre", "in march 2024", "diciembre de 2024"; a bare "mar" / "may": see readAsMonth.
    re: new RegExp(
      `\\b(?:(?:en|in|de|del|durante|during|for|vs|versus|con|with|y|and|contra|against)\\s+(?:el\\s+mes\\s+de\\s+)?)?${MONTH_WORD}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}))?\\b`,
    ),
    make: (m, anchor, lang, question) => {
      const word = m[1]!;
      const short = word.length <= 4 && !['mayo', 'june', 'july', 'junio', 'julio'].includes(word);
      if (word === 'may' || word === 'mar') {
        if (!readAsMonth(word, m, question)) return undefined;
      } else if (short && m[0] === word) return undefined;
      const month = MONTHS[word]!;
      const range = namedMonth(month, m[2] ? Number(m[2]) : undefined, anchor);
      const name = formatMonth(range.from, lang);
      return { ...range, label: say(lang, `en ${name}`, `in ${name}`) };
    },
  },
  {
    re: /\b(?:en|in|of|durante|during|del|de|year)\s+(?:(?:el\s+)?ano\s+|the\s+year\s+)?(20\d{2})\b/,
    make: (m, _a, lang) => calendarYear(Number(m[1]), lang),
  },
  {
    re: /\b(?:ayer|yesterday)\b/,
    make: (_m, anchor, lang) => ({
      from: anchor,
      to: anchor,
      label: say(lang, 'el último día con datos', 'the last day with data'),
    }),
  },
];

/** A whole calendar year, as "en 2024" names it. */
export function calendarYear(year: number, lang: Lang): ChatPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: say(lang, `en ${year}`, `in ${year}`) };
}

/**
 * Whether a bare number ("ventas 2024", "2024 vs 2023") reads as a year: one of the ten years up
 * to the data's last, as the question's other numbers (ids) are rarely so.
 */
export function isRecentYear(value: number, anchor: string): boolean {
  const last = yearOfAnchor(anchor);
  return value <= last && value > last - 10;
}

function namedMonthYear(month: number, anchor: string): number {
  const a = toDate(anchor);
  return month <= a.getUTCMonth() + 1 ? a.getUTCFullYear() : a.getUTCFullYear() - 1;
}

/**
 * Every period a normalized question names, in the order written, counted back from `anchor` (the
 * last day with data: "last week" is the last complete Monday–Sunday week of the data).
 *
 * @example
 * findPeriods('ventas de la semana pasada', '2024-12-31', 'es')[0].period;
 * // { from: '2024-12-23', to: '2024-12-29', label: 'la semana pasada' }
 */
export function findPeriods(text: string, anchor: string, lang: Lang): FoundPeriod[] {
  const found: (FoundPeriod & { readonly past: boolean })[] = [];
  let rest = text;
  for (const rule of RULES) {
    const re = new RegExp(rule.re.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest)) !== null) {
      const period = rule.make(m, anchor, lang, text);
      if (!period) continue;
      found.push({ period, start: m.index, end: m.index + m[0].length, past: rule.past === true });
      // Blank the match so a later, looser rule does not read it again.
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  // When the data end on a Sunday, "this week" is complete and is also the last complete week: in
  // "this week against last week", "last" then means the one before.
  const shifted = found.map(({ past, ...f }) =>
    past && found.some((o) => !o.past && o.period.from === f.period.from && o.period.to === f.period.to)
      ? { ...f, period: { ...previousPeriod(f.period, lang), label: f.period.label } }
      : f,
  );
  return shifted.sort((a, b) => a.start - b.start);
}

/**
 * The question with every period it names blanked out, so words inside a period ("last" in "last
 * week", "último" in "el último mes") are not read as asking something else.
 *
 * @example
 * withoutPeriods('what did 1002 buy last week', '2024-12-31', 'en'); // 'what did 1002 buy          '
 */
export function withoutPeriods(text: string, anchor: string, lang: Lang): string {
  return findPeriods(text, anchor, lang).reduce(
    (rest, p) => rest.slice(0, p.start) + ' '.repeat(p.end - p.start) + rest.slice(p.end),
    text,
  );
}

/** How many whole calendar months a period spans (from a 1st to a month's last day), if it does. */
function wholeMonths(p: ChatPeriod): number | undefined {
  const from = toDate(p.from);
  const to = toDate(p.to);
  if (from.getUTCDate() !== 1 || monthEnd(to.getUTCFullYear(), to.getUTCMonth() + 1) !== p.to)
    return undefined;
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
}

/** The period just before `p`, of the same length (what "compared with before" means). */
export function previousPeriod(p: ChatPeriod, lang: Lang): ChatPeriod {
  const length = daysBetween(p.from, p.to) + 1;
  const from = toDate(p.from);
  // Months counted from January of the period's year (out of range is another year: Date carries).
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + 1;
  // Whole calendar months (a month, a quarter, a half, a year): as many whole months before, so Q3
  // is set against Q2 (1 Apr – 30 Jun), not the 92 days before 1 July, and a leap year against the
  // year before, not its 366 days.
  const months = wholeMonths(p);
  if (months !== undefined) {
    const aligned = (month - 1) % months === 0;
    return {
      from: monthStart(year, month - months),
      to: monthEnd(year, month - 1),
      label:
        months === 1
          ? say(lang, 'el mes anterior', 'the month before')
          : months === 12 && month === 1
            ? say(lang, 'el año anterior', 'the year before')
            : months === 3 && aligned
              ? say(lang, 'el trimestre anterior', 'the quarter before')
              : months === 6 && aligned
                ? say(lang, 'el semestre anterior', 'the half-year before')
                : say(lang, `los ${months} meses anteriores`, `the ${months} months before`),
    };
  }
  // A second half-year so far past its first quarter (1 July to 19 November): the same days of the
  // first half. From 1 January the same span is also the year so far, set against the days before it.
  if (from.getUTCDate() === 1 && month === 7 && p.to < monthEnd(year, 12) && length > 92) {
    const start = monthStart(year, month - 6);
    return {
      from: start,
      to: addDays(start, length - 1),
      label: say(lang, 'los mismos días del semestre anterior', 'the same days of the half-year before'),
    };
  }
  // A quarter so far (1 April to 19 May): the same days of the quarter before, from its first day.
  if (from.getUTCDate() === 1 && (month - 1) % 3 === 0 && p.to < monthEnd(year, month + 2) && length > 31) {
    const start = monthStart(year, month - 3);
    return {
      from: start,
      to: addDays(start, length - 1),
      label: say(lang, 'los mismos días del trimestre anterior', 'the same days of the quarter before'),
    };
  }
  // A month so far (the data end on the 15th): the same days of the month before, not the 15 days
  // just before it, so a month's start is compared with a month's start.
  if (from.getUTCDate() === 1 && p.to < monthEnd(year, month)) {
    const start = monthStart(year, month - 1);
    const prevEnd = monthEnd(year, month - 1);
    const end = addDays(start, length - 1);
    return {
      from: start,
      to: end < prevEnd ? end : prevEnd,
      label: say(lang, 'los mismos días del mes anterior', 'the same days of the month before'),
    };
  }
  // One day ("ayer", "el 31 de diciembre"): the same weekday a week before, as sales swing by weekday.
  if (length === 1) {
    return {
      from: addDays(p.from, -7),
      to: addDays(p.from, -7),
      label: say(lang, 'el mismo día de la semana anterior', 'the same weekday of the week before'),
    };
  }
  // A week so far (Monday to Wednesday): the same weekdays of the week before.
  if (length < 7 && mondayOf(p.from) === p.from) {
    return {
      from: addDays(p.from, -7),
      to: addDays(p.to, -7),
      label: say(lang, 'los mismos días de la semana anterior', 'the same days of the week before'),
    };
  }
  // A Monday-to-Sunday week's predecessor is "la semana anterior", as people say it.
  const isWeek = length === 7 && mondayOf(p.from) === p.from;
  return {
    from: addDays(p.from, -length),
    to: addDays(p.from, -1),
    label: isWeek
      ? say(lang, 'la semana anterior', 'the week before')
      : say(lang, 'el período anterior', 'the period before'),
  };
}
