import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import { addDays, mondayOf, toDate } from './days.ts';
import type { PeriodRule } from './periods.ts';

/**
 * Holidays a sales force names instead of dates, the same in any country: Christmas, Christmas Eve,
 * New Year's Eve and New Year. Each is the latest one the data reach (its first day on or before
 * the last day with data), or that of a year named ("navidad 2023", "christmas last year"). No
 * country's own holidays: which ones a customer keeps is not in the data.
 */
interface Holiday {
  /** The holiday's words, normalized (no accents, lower case). */
  readonly words: string;
  /** Its days in `year` (New Year runs into the next). */
  readonly days: (year: number) => { readonly from: string; readonly to: string };
  /** What the period is called, with the word before it ("en Nochebuena"): the year follows. */
  readonly es: string;
  readonly en: string;
  /** New Year is named by the year it opens: "Año Nuevo 2025" is 31 Dec 2024 – 1 Jan 2025. */
  readonly opensYear?: true;
}

/**
 * Christmas is its week, Monday to Sunday, as a distributor's weeks are: the orders for it fall on
 * the days before the 25th as much as on it. The eves and New Year are their days: New Year is New
 * Year's Eve and New Year's Day, the two days it is kept.
 */
const HOLIDAYS: readonly Holiday[] = [
  {
    words: 'nochebuena|noche buena|christmas eve|xmas eve',
    days: (year) => ({ from: `${year}-12-24`, to: `${year}-12-24` }),
    es: 'en Nochebuena',
    en: 'on Christmas Eve',
  },
  {
    words:
      '(?:la\\s+)?semana\\s+de\\s+(?:la\\s+)?navidad(?:es)?|navidad(?:es)?|(?:the\\s+)?week\\s+of\\s+christmas|christmas(?:\\s+week)?|xmas(?:\\s+week)?',
    days: (year) => {
      const monday = mondayOf(`${year}-12-25`);
      return { from: monday, to: addDays(monday, 6) };
    },
    es: 'la semana de Navidad',
    en: 'Christmas week',
  },
  {
    words: 'nochevieja|noche vieja|new\\s+year\\s*s?\\s+eve',
    days: (year) => ({ from: `${year}-12-31`, to: `${year}-12-31` }),
    es: 'en Nochevieja',
    en: "on New Year's Eve",
  },
  {
    words: '(?:el\\s+)?ano\\s+nuevo|new\\s+year\\s*s?(?:\\s+day)?',
    days: (year) => ({ from: `${year}-12-31`, to: `${year + 1}-01-01` }),
    es: 'en Año Nuevo',
    en: "at New Year's",
    opensYear: true,
  },
];

/** A year after the holiday: "navidad 2023", "navidad de 2023", "christmas of 2023", "… last year". */
const YEAR_AFTER =
  '(?:\\s+(?:(?:del?|of)\\s+)?(20\\d{2})|\\s+(?:del?\\s+ano\\s+(?:pasado|anterior)|(?:of\\s+)?last\\s+year))?';

/** The latest year whose holiday starts on or before `anchor`, the last day with data. */
function latestYear(holiday: Holiday, anchor: string): number {
  const year = toDate(anchor).getUTCFullYear();
  return holiday.days(year).from <= anchor ? year : year - 1;
}

function holidayPeriod(holiday: Holiday, m: RegExpExecArray, anchor: string, lang: Lang): ChatPeriod {
  const latest = latestYear(holiday, anchor);
  const lastYear = /\b(?:pasado|anterior|last year)$/.test(m[0]);
  const named = m[1] ? Number(m[1]) - (holiday.opensYear ? 1 : 0) : undefined;
  const start = named ?? (lastYear ? latest - 1 : latest);
  const year = holiday.opensYear ? start + 1 : start;
  return { ...holiday.days(start), label: say(lang, `${holiday.es} de ${year}`, `${holiday.en} ${year}`) };
}

/** The holidays as period rules, tried before the others ("año nuevo" is no "año"). */
export const HOLIDAY_RULES: readonly PeriodRule[] = HOLIDAYS.map((holiday) => ({
  re: new RegExp(`\\b(?:${holiday.words})${YEAR_AFTER}\\b`),
  make: (m, anchor, lang) => holidayPeriod(holiday, m, anchor, lang),
}));
