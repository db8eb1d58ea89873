import type { RunRecord, RunStore } from '@sodai/pipeline';
import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatInstant, formatNumber, say } from '../format.ts';
import { addDays } from '../understanding/days.ts';
import { noPipelineAccess, table } from './answers.ts';
import type { Tool, ToolAnswer } from './toolbox.ts';

/** How many recent runs are searched for the weeks they predicted (a year of weekly runs). */
const RECENT_RUNS = 60;

/** What one run's `predict` task wrote: the week it predicted and what with. */
export interface PredictionRun {
  readonly run: RunRecord;
  /** The first day of the predicted week (the features' cutoff), YYYY-MM-DD. */
  readonly week: string;
  /** The registry version that scored, or null when a rule served. */
  readonly modelVersion: number | null;
  /** "xgboost v3", or the rule's name. */
  readonly scorer: string;
  /** Customer–product pairs scored. */
  readonly scored: number;
  /** Pairs at or above the decision threshold: the purchases predicted. */
  readonly predicted: number;
}

/** The predict task's output, when it has the shape the weekly DAG writes. */
function predictOutput(output: unknown): Omit<PredictionRun, 'run'> | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const o = output as Record<string, unknown>;
  if (typeof o.cutoff !== 'string' || typeof o.predicted !== 'number') return undefined;
  return {
    week: o.cutoff.slice(0, 10),
    modelVersion: typeof o.modelVersion === 'number' ? o.modelVersion : null,
    scorer: typeof o.scorer === 'string' ? o.scorer : '',
    scored: typeof o.scored === 'number' ? o.scored : 0,
    predicted: o.predicted,
  };
}

/**
 * The recent runs whose `predict` task finished, newest first. A run that failed before predicting
 * predicted nothing, so it is not "the last run's predictions".
 */
export async function predictionRuns(store: RunStore): Promise<PredictionRun[]> {
  const runs = await store.listRuns({ limit: RECENT_RUNS });
  const found: PredictionRun[] = [];
  for (const run of runs) {
    const [predict] = await store.taskInstances(run.id, ['predict']);
    const output = predict?.state === 'success' ? predictOutput(predict.output) : undefined;
    if (output) found.push({ run, ...output });
  }
  return found;
}

/** The newest run whose predicted week (7 days from its cutoff) meets `period`. */
function runOfPeriod(runs: readonly PredictionRun[], period: ChatPeriod): PredictionRun | undefined {
  return runs.find((r) => r.week <= period.to && addDays(r.week, 6) >= period.from);
}

/** "el modelo v3" / "model v3", or the rule that served when no model had passed the gate. */
function scorerWords(r: PredictionRun, lang: Lang): string {
  if (r.modelVersion !== null) return say(lang, `el modelo v${r.modelVersion}`, `model v${r.modelVersion}`);
  return say(lang, `la regla ${r.scorer}`, `the rule ${r.scorer}`);
}

function runSentence(r: PredictionRun, lang: Lang, named: boolean): string {
  const week = formatDay(r.week, lang);
  const when = formatInstant(r.run.startedAt ?? r.run.createdAt, lang);
  const predicted = countOf(r.predicted, lang, NOUN.prediction);
  const pairs = formatNumber(r.scored, lang);
  return named
    ? say(
        lang,
        `La semana del ${week} la predijo ${scorerWords(r, lang)}, en la corrida ${r.run.id} (${when}): ${predicted} de compra sobre ${pairs} pares cliente-producto evaluados.`,
        `The week of ${week} was predicted by ${scorerWords(r, lang)}, in run ${r.run.id} (${when}): ${predicted} of a purchase out of ${pairs} customer–product pairs scored.`,
      )
    : say(
        lang,
        `La última corrida que predijo (${r.run.id}, ${when}) hizo ${predicted} de compra para la semana del ${week}, sobre ${pairs} pares cliente-producto evaluados, con ${scorerWords(r, lang)}.`,
        `The last run that predicted (${r.run.id}, ${when}) made ${predicted} of a purchase for the week of ${week}, out of ${pairs} customer–product pairs scored, with ${scorerWords(r, lang)}.`,
      );
}

/**
 * What the weekly runs predicted: "¿cuántas predicciones hizo la última corrida?" gets the last
 * run's count of predicted purchases and the week it was for; "¿qué modelo predijo la semana del 16
 * de diciembre?" the run that predicted that week and the model version it used. Read from the
 * `predict` task's output in the run store, the record of what each run did.
 */
export const predictionRunsTool: Tool = async (box, req) => {
  const { lang } = req;
  if (!box.pipeline) return noPipelineAccess(lang);
  const runs = await predictionRuns(box.pipeline.store);
  const basedOn = [
    say(lang, 'registro de corridas del pipeline (tarea predict)', 'pipeline run store (predict task)'),
  ];
  if (runs.length === 0)
    return {
      text: say(lang, 'Ninguna corrida ha hecho predicciones todavía.', 'No run has made predictions yet.'),
      answered: true,
      basedOn,
      data: { runs: 0 },
    };
  const period = req.entities.period;
  const chosen = period ? runOfPeriod(runs, period) : runs[0];
  const recent = runs.slice(0, 8);
  const listed = table(
    [
      [say(lang, 'Semana predicha', 'Predicted week'), false],
      [say(lang, 'Modelo', 'Model'), false],
      [say(lang, 'Predicciones', 'Predictions'), true],
      [say(lang, 'Pares evaluados', 'Pairs scored'), true],
    ],
    (chosen ? [chosen] : recent).map((r) => [
      formatDay(r.week, lang),
      r.modelVersion !== null ? `v${r.modelVersion}` : r.scorer,
      formatNumber(r.predicted, lang),
      formatNumber(r.scored, lang),
    ]),
  );
  if (!chosen) return noRunForPeriod(runs, period!, lang, basedOn, listed);
  return {
    text: runSentence(chosen, lang, period !== undefined),
    answered: true,
    basedOn,
    table: listed,
    data: {
      run_id: chosen.run.id,
      week: chosen.week,
      model_version: chosen.modelVersion,
      scorer: chosen.scorer,
      predicted: chosen.predicted,
      scored: chosen.scored,
    },
  };
};

/** A week no recent run predicted: said, with the weeks they did predict. */
function noRunForPeriod(
  runs: readonly PredictionRun[],
  period: ChatPeriod,
  lang: Lang,
  basedOn: readonly string[],
  listed: ToolAnswer['table'],
): ToolAnswer {
  const weeks = runs.map((r) => r.week).sort();
  // A day names its week ("the week of Dec 9"); a longer period says itself.
  const asked =
    period.from === period.to
      ? say(
          lang,
          `la semana del ${formatDay(period.from, lang)}`,
          `the week of ${formatDay(period.from, lang)}`,
        )
      : period.label;
  const first = formatDay(weeks[0]!, lang);
  const last = formatDay(weeks.at(-1)!, lang);
  return {
    text: say(
      lang,
      `Ninguna de las últimas corridas predijo ${asked}: las semanas predichas van del ${first} al ${last}.`,
      `None of the recent runs predicted ${asked}: the predicted weeks go from ${first} to ${last}.`,
    ),
    answered: true,
    basedOn,
    ...(listed ? { table: listed } : {}),
    data: { week: null, predicted_weeks: weeks },
  };
}
