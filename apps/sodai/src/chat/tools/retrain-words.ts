import type { Lang } from '../../contract/api.ts';
import type { RetrainVerdict } from '../../contract/model-decisions.ts';
import { agree } from '../count-words.ts';
import { formatNumber, say } from '../format.ts';
import type { RecordedDecision } from './recorded-decisions.ts';
import { driftDetailWords } from './drift-detail-words.ts';

/** "1 semana", "4,5 semanas"; "1 week", "4.5 weeks" (a tenth of a week, as the run logs it). */
const weeks = (n: number, lang: Lang) =>
  `${formatNumber(n, lang, 1)} ${agree(n, lang === 'es' ? ['semana', 'semanas'] : ['week', 'weeks'], 1)}`;

/** "el campeón v3" when the run named it, else "el campeón". */
const theChampion = (version: number | undefined, lang: Lang) =>
  `${say(lang, 'el campeón', 'the champion')}${version === undefined ? '' : ` v${version}`}`;

function verdictWords(v: RetrainVerdict, lang: Lang): string {
  switch (v.kind) {
    case 'forced':
      return say(
        lang,
        'se pidió a mano en los parámetros de la corrida',
        'it was forced by the run parameters',
      );
    case 'disabled':
      return say(
        lang,
        'la corrida se lanzó con el entrenamiento desactivado (--retrain never)',
        'the run was started with training turned off (--retrain never)',
      );
    case 'no_champion':
      return say(lang, 'todavía no había un modelo campeón', 'there was no champion model yet');
    case 'incompatible_champion':
      return say(
        lang,
        `${theChampion(v.championVersion, lang)} se entrenó con otro contrato de variables`,
        `${theChampion(v.championVersion, lang)} was trained on another feature contract`,
      );
    case 'drift':
      return say(
        lang,
        `hubo deriva de datos (${driftDetailWords(v.detail, lang)})`,
        `the data drifted (${driftDetailWords(v.detail, lang)})`,
      );
    case 'stale_champion':
      return say(
        lang,
        `${theChampion(v.championVersion, lang)} ya tenía ${weeks(v.ageWeeks, lang)} de datos (el límite es ${v.maxAgeWeeks})`,
        `${theChampion(v.championVersion, lang)} was ${weeks(v.ageWeeks, lang)} of data old (the limit is ${v.maxAgeWeeks})`,
      );
    case 'fresh_champion':
      return v.driftIgnored
        ? say(
            lang,
            `hubo deriva, pero reentrenar por deriva está apagado (model.retrainOnDrift), y ${theChampion(v.championVersion, lang)} tiene ${weeks(v.ageWeeks, lang)} de datos`,
            `there was drift, but retraining on drift is off (model.retrainOnDrift), and ${theChampion(v.championVersion, lang)} is ${weeks(v.ageWeeks, lang)} of data old`,
          )
        : say(
            lang,
            `no hubo deriva de datos y ${theChampion(v.championVersion, lang)} tiene solo ${weeks(v.ageWeeks, lang)} de datos`,
            `there was no data drift and ${theChampion(v.championVersion, lang)} is only ${weeks(v.ageWeeks, lang)} of data old`,
          );
  }
}

/**
 * Why the weekly run retrained or kept the champion, in the question's language; a reason with no
 * verdict (an old log line in no known form) is quoted as logged.
 *
 * @example
 * retrainWords({ reason: 'there is no champion yet', verdict: { kind: 'no_champion' } }, 'es');
 * // 'todavía no había un modelo campeón'
 */
export function retrainWords(decision: RecordedDecision<RetrainVerdict>, lang: Lang): string {
  if (decision.verdict) return verdictWords(decision.verdict, lang);
  return say(lang, `«${decision.reason}»`, `"${decision.reason}"`);
}
