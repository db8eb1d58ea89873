import type { RunStore, TaskInstance } from '@sodai/pipeline';
import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { say } from '../format.ts';
import { recordedRetrain } from './recorded-decisions.ts';
import { retrainWords } from './retrain-words.ts';

/** "a, b y c" / "a, b and c". */
function listed(names: readonly string[], lang: Lang): string {
  return names.length === 1
    ? names[0]!
    : `${names.slice(0, -1).join(', ')} ${say(lang, 'y', 'and')} ${names.at(-1)!}`;
}

/**
 * Why training was skipped, from the decision `should_retrain` recorded, in the question's
 * language; empty when it recorded none.
 */
async function whyNotTrained(
  store: RunStore,
  runId: string,
  decider: TaskInstance | undefined,
  lang: Lang,
): Promise<string> {
  const decision = await recordedRetrain(store, runId, decider);
  if (!decision || decision.retrain) return '';
  const why = retrainWords(decision, lang);
  return say(lang, `: no se reentrenó porque ${why}`, `: no retraining because ${why}`);
}

/**
 * The tasks of a run said in words: which ran and which were skipped, and, when training was one of
 * the skipped, why. The table lists them too, but "¿qué tareas corrió?" is asked of the text, and a
 * skipped `train` is the branch's decision, not a fault.
 *
 * @example
 * await tasksThatRanWords(store, runId, tasks, 'es');
 * // ' Corrieron 9 tareas: ingest, validate, …; se saltaron train, gate, …: no se reentrenó porque no hubo deriva ….'
 */
export async function tasksThatRanWords(
  store: RunStore,
  runId: string,
  tasks: readonly TaskInstance[],
  lang: Lang,
): Promise<string> {
  const ran = tasks.filter((t) => t.state === 'success').map((t) => t.taskId);
  const skipped = tasks.filter((t) => t.state === 'skipped').map((t) => t.taskId);
  if (ran.length === 0 && skipped.length === 0) return '';
  const ranText =
    ran.length > 0
      ? say(
          lang,
          `${ran.length === 1 ? 'Corrió' : 'Corrieron'} ${countOf(ran.length, lang, NOUN.task)}: ${listed(ran, lang)}`,
          `${countOf(ran.length, lang, NOUN.task)} ran: ${listed(ran, lang)}`,
        )
      : say(lang, 'No terminó ninguna tarea', 'No task finished');
  const why = skipped.includes('train')
    ? await whyNotTrained(
        store,
        runId,
        tasks.find((t) => t.taskId === 'should_retrain'),
        lang,
      )
    : '';
  const skippedText =
    skipped.length > 0
      ? say(
          lang,
          `; ${skipped.length === 1 ? 'se saltó' : 'se saltaron'} ${listed(skipped, lang)}${why}`,
          `; skipped: ${listed(skipped, lang)}${why}`,
        )
      : say(lang, '; no se saltó ninguna', '; none was skipped');
  return ` ${ranText}${skippedText}.`;
}
