import type { Lang } from '../../contract/api.ts';
import { agree } from '../count-words.ts';
import { formatNumber, say } from '../format.ts';

/**
 * The weekly run logs why it retrained or kept the champion in English (the retrain policy's
 * reasons). These are the policy's reasons, said in the question's language; a reason none of them
 * matches is quoted as logged.
 */
const REASONS: readonly (readonly [RegExp, (m: RegExpMatchArray, lang: Lang) => string])[] = [
  [
    /^forced by the run parameters/,
    (_, lang) =>
      say(lang, 'se pidió a mano en los parámetros de la corrida', 'it was forced by the run parameters'),
  ],
  [
    /^training disabled by the run parameters/,
    (_, lang) =>
      say(
        lang,
        'la corrida se lanzó con el entrenamiento desactivado (--retrain never)',
        'the run was started with training turned off (--retrain never)',
      ),
  ],
  [
    /^there is no champion yet/,
    (_, lang) => say(lang, 'todavía no había un modelo campeón', 'there was no champion model yet'),
  ],
  [
    /^the champion was trained on another feature contract/,
    (_, lang) =>
      say(
        lang,
        'el campeón se entrenó con otro contrato de variables',
        'the champion was trained on another feature contract',
      ),
  ],
  [/^drift: (.*)$/s, (m, lang) => say(lang, `hubo deriva de datos (${m[1]})`, `the data drifted (${m[1]})`)],
  [
    /^the champion is ([\d.]+) weeks of data old \(limit (\d+)\)/,
    (m, lang) =>
      say(
        lang,
        `el campeón ya tenía ${weeks(m[1]!, lang)} de datos (el límite es ${m[2]})`,
        `the champion was ${weeks(m[1]!, lang)} of data old (the limit is ${m[2]})`,
      ),
  ],
  [
    /^(no drift|drift \(model\.retrainOnDrift is off\)) and the champion is ([\d.]+) weeks of data old/,
    (m, lang) =>
      m[1] === 'no drift'
        ? say(
            lang,
            `no hubo deriva de datos y el campeón tiene solo ${weeks(m[2]!, lang)} de datos`,
            `there was no data drift and the champion is only ${weeks(m[2]!, lang)} of data old`,
          )
        : say(
            lang,
            `hubo deriva, pero reentrenar por deriva está apagado (model.retrainOnDrift), y el campeón tiene ${weeks(m[2]!, lang)} de datos`,
            `there was drift, but retraining on drift is off (model.retrainOnDrift), and the champion is ${weeks(m[2]!, lang)} of data old`,
          ),
  ],
];

/** "1 semana", "4,5 semanas"; "1 week", "4.5 weeks". */
const weeks = (n: string, lang: Lang) =>
  `${formatNumber(Number(n), lang)} ${agree(Number(n), lang === 'es' ? ['semana', 'semanas'] : ['week', 'weeks'], 1)}`;

/**
 * Why the weekly run retrained or kept the champion, in the question's language.
 *
 * @example
 * retrainReasonWords('there is no champion yet', 'es'); // 'todavía no había un modelo campeón'
 */
export function retrainReasonWords(reason: string, lang: Lang): string {
  for (const [pattern, words] of REASONS) {
    const m = reason.match(pattern);
    if (m) return words(m, lang);
  }
  return say(lang, `«${reason}»`, `"${reason}"`);
}
