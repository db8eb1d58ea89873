import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import { addDays, lastCompleteMonth, lastCompleteWeek, monthEnd, monthStart, toDate } from './days.ts';
import { ONE_TO_TWENTY } from './number-words.ts';
import type { PeriodRule } from './periods.ts';

/**
 * Periods counted back from the data's last day that a sales force names without dates: "la
 * semana antepasada", "hace 3 semanas", "el trimestre pasado", "Q4", "en lo que va del año",
 * "el primer semestre". Tried before the general rules, which would read "the week before last"
 * as "the week before".
 */

const COUNT_WORDS: Record<string, number> = { a: 1, ...ONE_TO_TWENTY };
const COUNT = `(\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})`;
const countOf = (word: string): number => COUNT_WORDS[word] ?? Number(word);

function shiftMonths(range: { from: string }, back: number): { from: string; to: string } {
  const d = toDate(range.from);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + 1;
  return { from: monthStart(y, m), to: monthEnd(y, m) };
}

/** Quarter `q` (1–4) of `year`. */
function quarter(year: number, q: number): { from: string; to: string } {
  return { from: monthStart(year, 3 * q - 2), to: monthEnd(year, 3 * q) };
}

const QUARTER_WORDS: Record<string, number> = {
  primer: 1,
  primero: 1,
  first: 1,
  segundo: 2,
  second: 2,
  tercer: 3,
  tercero: 3,
  third: 3,
  cuarto: 4,
  fourth: 4,
};

const ORDINAL_ES = ['primer', 'segundo', 'tercer', 'cuarto'];

/** An ordinal a quarter or half is named by ("primer", "second"). */
const ORDINAL = Object.keys(QUARTER_WORDS).join('|');

/** A quarter or half named by its ordinal ("el primer trimestre", "Q1", "first half"): its kind. */
const ORDINAL_PERIOD = new RegExp(`\\b(?:${ORDINAL})\\s+(trimestre|quarter|semestre|half)\\b|\\bq[1-4]\\b`);

/**
 * What may follow an ordinal whose noun is left out ("con el segundo en ventas", "the second one of
 * 2024"): the question goes on, whereas "el segundo cliente" names something else.
 */
const AFTER_AN_ELIDED_NOUN = 'de|del|en|por|para|y|e|vs|versus|con|que|of|in|by|for|and|with|than|20\\d{2}';

/** Quarter `q` of the anchor's year, or of the year before when it has not started yet. */
function namedQuarter(q: number, anchor: string, lang: Lang): ChatPeriod {
  const a = toDate(anchor);
  const year = 3 * q - 2 <= a.getUTCMonth() + 1 ? a.getUTCFullYear() : a.getUTCFullYear() - 1;
  return {
    ...quarter(year, q),
    label: say(lang, `el ${ORDINAL_ES[q - 1]!} trimestre de ${year}`, `in Q${q} ${year}`),
  };
}

/** The first or second half of the anchor's year (the second, of the year before until July). */
function namedHalf(first: boolean, anchor: string, lang: Lang): ChatPeriod {
  const a = toDate(anchor);
  const year = first || a.getUTCMonth() >= 6 ? a.getUTCFullYear() : a.getUTCFullYear() - 1;
  return {
    from: monthStart(year, first ? 1 : 7),
    to: monthEnd(year, first ? 6 : 12),
    label: say(
      lang,
      `el ${first ? 'primer' : 'segundo'} semestre de ${year}`,
      `the ${first ? 'first' : 'second'} half of ${year}`,
    ),
  };
}

export const RELATIVE_RULES: readonly PeriodRule[] = [
  {
    re: /\b(?:la\s+)?semana\s+antepasada\b|\b(?:la\s+)?antepenultima\s+semana\b|\bthe\s+week\s+before\s+last\b/,
    make: (_m, anchor, lang) => {
      const last = lastCompleteWeek(anchor);
      return {
        from: addDays(last.from, -7),
        to: addDays(last.to, -7),
        label: say(lang, 'la semana antepasada', 'the week before last'),
      };
    },
  },
  {
    re: /\b(?:el\s+)?mes\s+antepasado\b|\bthe\s+month\s+before\s+last\b/,
    make: (_m, anchor, lang) => ({
      ...shiftMonths(lastCompleteMonth(anchor), 1),
      label: say(lang, 'el mes antepasado', 'the month before last'),
    }),
  },
  {
    // "hace 2 semanas" is the complete week two weeks back, not the last fortnight.
    re: new RegExp(
      `\\bhace\\s+${COUNT}\\s+(semanas?|meses|mes|dias?)\\b|\\b${COUNT}\\s+(weeks?|months?|days?)\\s+ago\\b`,
    ),
    make: (m, anchor, lang) => {
      const n = countOf(m[1] ?? m[3]!);
      const unit = (m[2] ?? m[4]!).slice(0, 3);
      if (n < 1) return undefined;
      if (unit === 'sem' || unit === 'wee') {
        const last = lastCompleteWeek(anchor);
        const back = 7 * (n - 1);
        return {
          from: addDays(last.from, -back),
          to: addDays(last.to, -back),
          label: say(
            lang,
            n === 1 ? 'hace una semana' : `hace ${n} semanas`,
            n === 1 ? 'a week ago' : `${n} weeks ago`,
          ),
        };
      }
      if (unit === 'mes' || unit === 'mon') {
        return {
          ...shiftMonths(lastCompleteMonth(anchor), n - 1),
          label: say(
            lang,
            n === 1 ? 'hace un mes' : `hace ${n} meses`,
            n === 1 ? 'a month ago' : `${n} months ago`,
          ),
        };
      }
      const day = addDays(anchor, -n);
      return {
        from: day,
        to: day,
        label: say(lang, n === 1 ? 'hace un día' : `hace ${n} días`, n === 1 ? 'a day ago' : `${n} days ago`),
      };
    },
  },
  {
    re: /\b(?:este|this)\s+(?:trimestre|quarter)\b/,
    make: (_m, anchor, lang) => {
      const d = toDate(anchor);
      const q = Math.floor(d.getUTCMonth() / 3) + 1;
      return {
        from: quarter(d.getUTCFullYear(), q).from,
        to: anchor,
        label: say(lang, 'este trimestre', 'this quarter'),
      };
    },
  },
  {
    re: /\b(?:el\s+)?trimestre\s+(?:pasado|anterior)\b|\b(?:el\s+)?ultimo\s+trimestre\b|\b(?:last|previous)\s+quarter\b/,
    make: (_m, anchor, lang) => {
      const d = toDate(anchor);
      let year = d.getUTCFullYear();
      let q = Math.floor(d.getUTCMonth() / 3) + 1;
      // The quarter holding the anchor counts only when the anchor is its last day.
      if (quarter(year, q).to !== anchor) q -= 1;
      if (q === 0) {
        q = 4;
        year -= 1;
      }
      return { ...quarter(year, q), label: say(lang, 'el último trimestre', 'last quarter') };
    },
  },
  {
    // "Este semestre", "this half": the half-year the data end in, so far.
    re: /\b(?:este|this)\s+(?:semestre|half(?:\s+of\s+the\s+year)?|half-year|semester)\b/,
    make: (_m, anchor, lang) => ({
      ...namedHalf(toDate(anchor).getUTCMonth() < 6, anchor, lang),
      to: anchor,
      label: say(lang, 'este semestre', 'this half-year'),
    }),
  },
  {
    // The last complete half-year: the one holding the anchor only when the anchor is its last day.
    re: /\b(?:el\s+)?semestre\s+(?:pasado|anterior)\b|\b(?:el\s+)?ultimo\s+semestre\b|\b(?:last|previous)\s+(?:half-year|semester)\b/,
    make: (_m, anchor, lang) => {
      const first = toDate(anchor).getUTCMonth() < 6;
      const own = namedHalf(first, anchor, lang);
      const { from, to } = own.to === anchor ? own : namedHalf(!first, anchor, lang);
      return { from, to, label: say(lang, 'el último semestre', 'the last half-year') };
    },
  },
  {
    re: /\bq([1-4])\b|\b(primer|primero|segundo|tercer|tercero|cuarto|first|second|third|fourth)\s+(?:trimestre|quarter)\b/,
    make: (m, anchor, lang) => namedQuarter(m[1] ? Number(m[1]) : QUARTER_WORDS[m[2]!]!, anchor, lang),
  },
  {
    re: /\b(primer|segundo|first|second)\s+(?:semestre|half)\b/,
    make: (m, anchor, lang) => namedHalf(m[1] === 'primer' || m[1] === 'first', anchor, lang),
  },
  {
    // "Compara el primer trimestre con el segundo", "first half vs the second one": the noun said
    // once is left out of the other ordinal, which names the same kind of period.
    re: new RegExp(
      `\\b(?:con|y|e|vs|versus|contra|frente(?:\\s+a)?|comparado\\s+con|and|with|against|to)\\s+(?:el|al|the)\\s+(${ORDINAL})(?:\\s+one)?(?=\\s*$|\\s+(?:${AFTER_AN_ELIDED_NOUN})\\b)`,
    ),
    make: (m, anchor, lang, question) => {
      const named = ORDINAL_PERIOD.exec(question);
      if (!named) return undefined;
      const kind = named[1] ?? 'quarter';
      const q = QUARTER_WORDS[m[1]!]!;
      if (kind === 'semestre' || kind === 'half')
        return q <= 2 ? namedHalf(q === 1, anchor, lang) : undefined;
      return namedQuarter(q, anchor, lang);
    },
  },
  {
    // The calendar year before the one the data end in, even when the data end on 31 December: on
    // that day "el año pasado" is still the year before, not the one just ending.
    re: /\b(?:el\s+|del\s+)?ano\s+(?:pasado|anterior)\b|\b(?:last|previous)\s+year\b|\bthe\s+year\s+before\b/,
    make: (_m, anchor, lang) => {
      const year = toDate(anchor).getUTCFullYear() - 1;
      return {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        label: say(lang, 'el año pasado', 'last year'),
      };
    },
  },
  {
    // Same periods, and labels, as "este año" / "este mes".
    re: /\ben\s+lo\s+que\s+va\s+del\s+(ano|mes)\b|\b(year|month)\s+to\s+date\b|\bso\s+far\s+this\s+(year|month)\b|\b(ytd|mtd)\b/,
    make: (m, anchor, lang) => {
      const unit = m[1] ?? m[2] ?? m[3] ?? m[4]!;
      const d = toDate(anchor);
      if (unit === 'ano' || unit === 'year' || unit === 'ytd') {
        return {
          from: `${d.getUTCFullYear()}-01-01`,
          to: anchor,
          label: say(lang, 'este año', 'this year'),
        };
      }
      return {
        from: monthStart(d.getUTCFullYear(), d.getUTCMonth() + 1),
        to: anchor,
        label: say(lang, 'este mes', 'this month'),
      };
    },
  },
];
