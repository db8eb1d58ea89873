import type { Lang } from '../../contract/api.ts';
import { formatNumber, say } from '../format.ts';

/**
 * One part of the drift check's English verdict: "features: 12 of 41 columns drifted (…)", "this
 * week's lines: 2 of 5 columns drifted (…)", or, in older runs, the count alone.
 */
const PART = /(?:^|;\s*)(?:(features|this week's lines):\s*)?(\d+) of (\d+) columns drifted/g;

/** What each part compared, in words. */
const WHAT: Readonly<Record<'features' | 'lines' | 'columns', Readonly<Record<Lang, string>>>> = {
  features: { es: 'variables del modelo', en: 'model features' },
  lines: { es: 'columnas de las compras de la semana', en: "columns of the week's purchase lines" },
  columns: { es: 'variables', en: 'features' },
};

/**
 * The drift check's detail (written in English for the run's log, with tests and thresholds per
 * column) said in the answer's language: how many of what moved, "se movieron 12 de 41 variables
 * del modelo y 2 de 5 columnas de las compras de la semana". Which features and how far is the drift
 * answer's ("¿qué cambió en los datos?"). A detail in no known form is quoted in English and pointed
 * to that answer in Spanish, never quoted in English there.
 *
 * @example
 * driftDetailWords("features: 12 of 41 columns drifted (29.3% >= 25%): a, b; this week's lines: 0 of 5 columns drifted (0% < 25%)", 'es');
 * // 'se movieron 12 de 41 variables del modelo'
 */
export function driftDetailWords(detail: string, lang: Lang): string {
  const parts = [...detail.matchAll(PART)].map((m) => ({
    what: m[1] === 'features' ? WHAT.features : m[1] === undefined ? WHAT.columns : WHAT.lines,
    moved: Number(m[2]),
    of: Number(m[3]),
  }));
  const moved = parts.filter((p) => p.moved > 0);
  const said = (moved.length > 0 ? moved : parts).map(
    (p) =>
      `${formatNumber(p.moved, lang)} ${say(lang, 'de', 'of')} ${formatNumber(p.of, lang)} ${p.what[lang]}`,
  );
  if (said.length === 0) return say(lang, 'el detalle está en «¿qué cambió en los datos?»', detail);
  const joined = said.join(say(lang, ' y ', ' and '));
  const one = moved.length === 1 && moved[0]!.moved === 1;
  return say(lang, `${one ? 'se movió' : 'se movieron'} ${joined}`, `${joined} moved`);
}
