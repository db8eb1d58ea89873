import type { Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';

/** How `sodai train` describes a version (jobs/train.ts): written in English, read here as data. */
const TRAINED =
  /^trained on (\d{4}-\d{2}-\d{2})…(\d{4}-\d{2}-\d{2}), tested on the week from (\d{4}-\d{2}-\d{2})$/;

/**
 * A version's training weeks in the asked language, from its registry description. A description
 * not in that form (an older version, one edited by hand) is free text: given as it is in English and
 * left out of a Spanish answer rather than mixing languages.
 *
 * @example
 * describeTraining('trained on 2024-01-29…2024-12-02, tested on the week from 2024-12-23', 'es');
 * // 'Entrenado con las semanas del 29 ene 2024 al 2 dic 2024 y probado en la del 23 dic 2024.'
 */
export function describeTraining(description: string | undefined, lang: Lang): string {
  if (!description) return '';
  const m = TRAINED.exec(description.trim());
  if (!m) return lang === 'en' ? `Data: ${description}.` : '';
  const [from, to, test] = [m[1]!, m[2]!, m[3]!].map((d) => formatDay(d, lang));
  return say(
    lang,
    `Entrenado con las semanas del ${from} al ${to} y probado en la del ${test}.`,
    `Trained on the weeks from ${from} to ${to} and tested on the week from ${test}.`,
  );
}
