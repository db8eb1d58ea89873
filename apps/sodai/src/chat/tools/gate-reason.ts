import type { Lang } from '../../contract/api.ts';
import { formatNumber, say } from '../format.ts';

/** A score as the gate logged it (four decimals), in the question's language. */
const f4 = (x: string, lang: Lang) => formatNumber(Number(x), lang, 4);

/**
 * The gate logs its reason in English, built from its figures (`decideGate` in
 * model/champion-gate.ts). Each of its forms is rebuilt here from those figures, so a Spanish
 * question is not answered with an English quote.
 */
const REASONS: readonly (readonly [RegExp, (m: RegExpMatchArray, lang: Lang) => string])[] = [
  [
    /^F1 ([\d.]+) does not beat champion v(\d+) \(([\d.]+)\) by ([\d.]+)$/,
    (m, lang) =>
      say(
        lang,
        `su F1 ${f4(m[1]!, lang)} no supera al campeón v${m[2]} (${f4(m[3]!, lang)}) por el margen de ${formatNumber(Number(m[4]), lang, 4)}`,
        `its F1 ${f4(m[1]!, lang)} does not beat champion v${m[2]} (${f4(m[3]!, lang)}) by the margin of ${m[4]}`,
      ),
  ],
  [
    /^F1 ([\d.]+) does not beat (\S+) \(([\d.]+)\) by ([\d.]+)$/,
    (m, lang) =>
      say(
        lang,
        `su F1 ${f4(m[1]!, lang)} no supera a la regla ${m[2]} (${f4(m[3]!, lang)}) por el margen de ${formatNumber(Number(m[4]), lang, 4)}`,
        `its F1 ${f4(m[1]!, lang)} does not beat the rule ${m[2]} (${f4(m[3]!, lang)}) by the margin of ${m[4]}`,
      ),
  ],
  [
    /^NDCG@5 ([\d.]+) is below champion v(\d+) \(([\d.]+)\) by more than ([\d.]+)$/,
    (m, lang) =>
      say(
        lang,
        `su NDCG@5 ${f4(m[1]!, lang)} queda por debajo del campeón v${m[2]} (${f4(m[3]!, lang)}) en más de ${formatNumber(Number(m[4]), lang, 4)}: sus recomendaciones serían peores`,
        `its NDCG@5 ${f4(m[1]!, lang)} is below champion v${m[2]} (${f4(m[3]!, lang)}) by more than ${m[4]}: its recommendations would be worse`,
      ),
  ],
  [
    /^F1 ([\d.]+) beats (\S+) \(([\d.]+)\); no comparable champion$/,
    (m, lang) =>
      say(
        lang,
        `su F1 ${f4(m[1]!, lang)} supera a la regla ${m[2]} (${f4(m[3]!, lang)}) y no había un campeón comparable`,
        `its F1 ${f4(m[1]!, lang)} beats the rule ${m[2]} (${f4(m[3]!, lang)}) and there was no comparable champion`,
      ),
  ],
  [
    /^F1 ([\d.]+) beats champion v(\d+) \(([\d.]+)\) and (\S+) \(([\d.]+)\)$/,
    (m, lang) =>
      say(
        lang,
        `su F1 ${f4(m[1]!, lang)} supera al campeón v${m[2]} (${f4(m[3]!, lang)}) y a la regla ${m[4]} (${f4(m[5]!, lang)})`,
        `its F1 ${f4(m[1]!, lang)} beats champion v${m[2]} (${f4(m[3]!, lang)}) and the rule ${m[4]} (${f4(m[5]!, lang)})`,
      ),
  ],
];

/**
 * Why the gate promoted or rejected a challenger, in the question's language; undefined for a
 * reason none of its known forms matches (the caller quotes it as logged).
 *
 * @example
 * gateReasonWords('F1 0.6223 beats recent_frequency (0.5966); no comparable champion', 'es');
 * // 'su F1 0,6223 supera a la regla recent_frequency (0,5966) y no había un campeón comparable'
 */
export function gateReasonWords(reason: string, lang: Lang): string | undefined {
  for (const [pattern, words] of REASONS) {
    const m = reason.trim().match(pattern);
    if (m) return words(m, lang);
  }
  return undefined;
}
