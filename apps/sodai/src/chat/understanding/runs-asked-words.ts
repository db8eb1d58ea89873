/** Runs as several things: "corridas", "ejecuciones", "runs", "veces que corrió". */
const RUNS =
  /\b(?:corridas|ejecuciones|runs|jobs|veces (?:que )?(?:corrio|se ejecuto|ha corrido)|times (?:it |the pipeline )?ran)\b/;

/** One run asked to be named among others: "¿qué corrida falló?", "which run failed?". */
const WHICH_RUN = /\b(?:que|cual|which|what) (?:corrida|ejecucion|run|job)\b/;

/** A count or a list asked for. */
const COUNT_OR_LIST =
  /\b(?:cuant[oa]s|how many|number of|numero de|cantidad de|que|cuales|which|what|list\w*|lista\w*)\b/;

/** Failing: "fallaron", "falló", "fallidas", "failed", "con error". */
const FAILED =
  /\b(?:fall(?:aron|o|idas?|ando)|failed|failing|failures?|con errores?|with errors?|errored|rot[oa]s?|broke)\b/;

/** What a question about several pipeline runs asks: the runs of a time, or only the failed ones. */
export interface RunsAsked {
  readonly text: string;
  readonly failed: boolean;
}

/**
 * Whether a pipeline question asks about runs in the plural ("¿cuántas corridas fallaron este
 * mes?", "how many runs failed?", "¿qué corrida falló?", "runs this week") rather than the last run.
 * `namesPeriod`: the question names a time.
 *
 * @example
 * runsAsked('cuantas corridas fallaron este mes', true); // { text: …, failed: true }
 * runsAsked('como salio la ultima corrida', false); // undefined
 */
export function runsAsked(text: string, namesPeriod: boolean): RunsAsked | undefined {
  const failed = FAILED.test(text);
  const plural = RUNS.test(text) && (namesPeriod || COUNT_OR_LIST.test(text) || failed);
  return plural || (WHICH_RUN.test(text) && failed) ? { text, failed } : undefined;
}
