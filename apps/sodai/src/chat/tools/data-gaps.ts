import { countOf, NOUN } from '../count-words.ts';
import { formatDay, say } from '../format.ts';
import { addDays, mondayOf } from '../understanding/days.ts';
import { noTransactions, table } from './answers.ts';
import type { Tool } from './toolbox.ts';

/** The weeks of a span the data lacks: none sold at all, or (whole weeks) fewer days than usual. */
export interface WeekGaps {
  /** Monday-to-Sunday weeks the span touches. */
  readonly weeks: number;
  /** Days with sales in most whole weeks: what a week short of days is measured against. */
  readonly usual: number;
  /** Mondays of the weeks with no sale on any of their days in the span. */
  readonly missing: readonly string[];
  /** Whole weeks with some sales but fewer days with sales than usual. */
  readonly short: readonly { readonly week: string; readonly days: number }[];
}

/**
 * The weeks of [from, to] the data lacks, from the days with sales (YYYY-MM-DD). A week the span
 * cuts is judged missing only when none of its days in the span sold: fewer days is what a cut
 * week has anyway.
 *
 * @example
 * weekGaps(['2024-01-01', '2024-01-15'], '2024-01-01', '2024-01-21').missing; // ['2024-01-08']
 */
export function weekGaps(daysWithSales: readonly string[], from: string, to: string): WeekGaps {
  const sold = new Set(daysWithSales);
  const weeks: { monday: string; inSpan: number; sold: number }[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    let inSpan = 0;
    let soldDays = 0;
    for (let i = 0; i < 7; i++) {
      const day = addDays(monday, i);
      if (day < from || day > to) continue;
      inSpan += 1;
      if (sold.has(day)) soldDays += 1;
    }
    weeks.push({ monday, inSpan, sold: soldDays });
  }
  const whole = weeks.filter((w) => w.inSpan === 7 && w.sold > 0);
  const usual = mostCommon(whole.map((w) => w.sold)) ?? 7;
  return {
    weeks: weeks.length,
    usual,
    missing: weeks.filter((w) => w.sold === 0).map((w) => w.monday),
    short: whole.filter((w) => w.sold < usual).map((w) => ({ week: w.monday, days: w.sold })),
  };
}

/** The value most often seen, the larger on a tie; undefined for none. */
function mostCommon(values: readonly number[]): number | undefined {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of seen) {
    const bestCount = best === undefined ? -1 : seen.get(best)!;
    if (n > bestCount || (n === bestCount && v > best!)) best = v;
  }
  return best;
}

/** How many weeks a sentence names; the table and data have them all. */
const NAMED = 8;

/**
 * "Is data missing for any week?", "¿hay semanas sin ventas?": the weeks of the data's span (or of
 * the period asked, within the data) with no sale at all, and the whole weeks with fewer days of
 * sales than the usual week. A week with no sale may be a week not loaded: the data cannot tell a
 * shop that sold nothing from a file that never came, so it is said as weeks without sales.
 */
export const dataGapsTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const first = vocab.firstDay;
  const last = vocab.lastDay;
  if (!first || !last) return noTransactions(lang);
  const asked = req.entities.period;
  const from = asked && asked.from > first ? asked.from : first;
  const to = asked && asked.to < last ? asked.to : last;
  const rows =
    from <= to
      ? await box.data.query(
          `SELECT DISTINCT purchase_date::DATE::VARCHAR AS day FROM transactions
           WHERE purchase_date::DATE BETWEEN $1::DATE AND $2::DATE`,
          [from, to],
        )
      : [];
  const g = weekGaps(
    rows.map((r) => String(r.day)),
    from,
    to,
  );
  const span = say(
    lang,
    `Del ${formatDay(from, lang)} al ${formatDay(to, lang)}`,
    `From ${formatDay(from, lang)} to ${formatDay(to, lang)}`,
  );
  const weekOf = (monday: string) =>
    say(lang, `la del ${formatDay(monday, lang)}`, `the week of ${formatDay(monday, lang)}`);
  const listed = (mondays: readonly string[]) =>
    mondays.slice(0, NAMED).map(weekOf).join(', ') + (mondays.length > NAMED ? ' …' : '');
  const usualDays = countOf(g.usual, lang, NOUN.day);
  const missingSentence =
    g.missing.length === 0
      ? say(
          lang,
          `${span} no hay ninguna semana sin ventas: ${g.weeks === 1 ? 'la semana tiene' : `las ${g.weeks} semanas tienen`} ventas (lo habitual, ${usualDays} con ventas por semana).`,
          `${span} there is no week without sales: ${g.weeks === 1 ? 'the week has' : `all ${g.weeks} weeks have`} sales (usually ${usualDays} with sales a week).`,
        )
      : say(
          lang,
          `${span}, ${countOf(g.missing.length, lang, NOUN.week)} de ${g.weeks} no ${g.missing.length === 1 ? 'tiene' : 'tienen'} ninguna venta: ${listed(g.missing)}. Puede ser una semana sin cargar o sin ventas; los datos no lo distinguen.`,
          `${span}, ${countOf(g.missing.length, lang, NOUN.week)} of ${g.weeks} ${g.missing.length === 1 ? 'has' : 'have'} no sale at all: ${listed(g.missing)}. It may be a week not loaded or one with no sales; the data cannot tell.`,
        );
  const shortWeeks = g.short
    .slice(0, NAMED)
    .map((w) => `${weekOf(w.week)} (${countOf(w.days, lang, NOUN.day)})`)
    .join(', ');
  const shortSentence =
    g.short.length === 0
      ? ''
      : ' ' +
        say(
          lang,
          `Con menos días con ventas que lo habitual (${g.usual}): ${shortWeeks}.`,
          `With fewer days with sales than usual (${g.usual}): ${shortWeeks}.`,
        );
  const flagged = [...g.missing.map((week) => ({ week, days: 0 })), ...g.short]
    .sort((a, b) => a.week.localeCompare(b.week))
    .map((w) => [formatDay(w.week, lang), String(w.days)]);
  return {
    text: missingSentence + shortSentence,
    answered: true,
    basedOn: [
      say(lang, 'días con ventas en la tabla de transacciones', 'days with sales in the transactions table'),
      say(lang, 'semanas de lunes a domingo', 'Monday-to-Sunday weeks'),
    ],
    ...(flagged.length
      ? {
          table: table(
            [
              [say(lang, 'Semana del', 'Week of'), false],
              [say(lang, 'Días con ventas', 'Days with sales'), true],
            ],
            flagged,
          ),
        }
      : {}),
    data: { from, to, weeks: g.weeks, usual_days: g.usual, missing_weeks: g.missing, short_weeks: g.short },
  };
};
