import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';
import { addDays, mondayOf, monthEnd, monthStart } from './days.ts';
import { findPeriods } from './periods.ts';

/** Calendar phrases of event times, counted from today (not from the data's last day). */
const CALENDAR: readonly {
  readonly re: RegExp;
  readonly make: (today: string, lang: Lang) => ChatPeriod;
}[] = [
  {
    re: /\b(?:hoy|today)\b/,
    make: (today, lang) => ({ from: today, to: today, label: say(lang, 'hoy', 'today') }),
  },
  {
    re: /\b(?:ayer|yesterday)\b/,
    make: (today, lang) => {
      const day = addDays(today, -1);
      return { from: day, to: day, label: say(lang, 'ayer', 'yesterday') };
    },
  },
  {
    re: /\b(?:(?:la )?semana (?:pasada|anterior)|(?:la )?ultima semana|last week|previous week)\b/,
    make: (today, lang) => {
      const monday = addDays(mondayOf(today), -7);
      return { from: monday, to: addDays(monday, 6), label: say(lang, 'la semana pasada', 'last week') };
    },
  },
  {
    re: /\b(?:esta semana|this week)\b/,
    make: (today, lang) => ({
      from: mondayOf(today),
      to: today,
      label: say(lang, 'esta semana', 'this week'),
    }),
  },
  {
    re: /\b(?:(?:el )?mes (?:pasado|anterior)|(?:el )?ultimo mes|last month|previous month)\b/,
    make: (today, lang) => {
      const [y, m] = today.split('-').map(Number) as [number, number];
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return {
        from: monthStart(py, pm),
        to: monthEnd(py, pm),
        label: say(lang, 'el mes pasado', 'last month'),
      };
    },
  },
  {
    re: /\b(?:este mes|this month|en lo que va del mes|so far this month)\b/,
    make: (today, lang) => ({
      from: `${today.slice(0, 8)}01`,
      to: today,
      label: say(lang, 'este mes', 'this month'),
    }),
  },
];

/**
 * The time of events a question names (batches loaded, pipeline runs), counted from `today`: they
 * happen now, whatever days the data's rows are of, so "este mes" is today's month even when the
 * data end long before, and "el mes pasado" the calendar month before it. "Desde el 1 de
 * noviembre" runs from that day to today. Undefined when the question names no time.
 *
 * @example
 * eventPeriod('lotes cargados el mes pasado', '2026-11-30', 'es'); // { from: '2026-10-01', to: '2026-10-31', … }
 * eventPeriod('batches since november 10', '2026-11-30', 'en'); // { from: '2026-11-10', to: '2026-11-30', … }
 */
export function eventPeriod(text: string, today: string, lang: Lang): ChatPeriod | undefined {
  for (const rule of CALENDAR) if (rule.re.test(text)) return rule.make(today, lang);
  const found = findPeriods(text, today, lang)[0];
  if (!found) return undefined;
  const before = text.slice(0, found.start);
  if (!/\b(?:desde|since|a partir del?|after|despues del?|from)\s*(?:el|la|los|the)?\s*$/.test(before))
    return found.period;
  const from = found.period.from;
  return {
    from,
    to: today,
    label: say(lang, `desde el ${formatDay(from, lang)}`, `since ${formatDay(from, lang)}`),
  };
}
