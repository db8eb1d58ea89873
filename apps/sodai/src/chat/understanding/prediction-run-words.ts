/** Predictions as a thing made and counted: "predicciones", "pronósticos", "predictions", "forecasts". */
const PREDICTION_NOUN = /\b(?:predicc?ion(?:es)?|pronosticos?|predictions?|forecasts|scores)\b/;

/** Predicting as something a run or a model did: "predijo", "se predijo", "predicted", "scored". */
const PREDICTED = /\b(?:predij\w*|predecid\w*|pronostic[oó]|predict|predicted|forecasted|scored|puntu[oó])\b/;

/** A count asked for. */
const HOW_MANY = /\b(?:cuant[oa]s|how many|numero de|number of|total de|cantidad de)\b/;

/**
 * A count of something else the model predicts ("¿cuántos clientes predice que comprarán?", "how
 * many units will it predict?"): the model's advice, not what a run made.
 */
const HOW_MANY_OF_OTHERS =
  /\b(?:cuant[oa]s|how many|numero de|number of|total de|cantidad de) (?:clientes|customers|productos|products|unidades|units|pedidos|orders|compras|purchases|cajas|cases)\b/;

/** The run, the pipeline or the week it ran for. */
const RUN =
  /\b(?:corridas?|ejecucion\w*|runs?|pipeline|proceso|job|semana\w*|week\w*|ultim[oa]|last|latest)\b/;

/** A model, version or scorer named as what served. */
const MODEL = /\b(?:modelos?|models?|versions?|version|campeon|champion|scorer)\b/;

/** Which model or version: "¿qué modelo…?", "con qué versión", "which model version". */
const WHICH_MODEL =
  /\b(?:que|cual|which|what)\s+(?:\w+\s+)?(?:modelos?|models?|versions?|version|campeon|champion)\b/;

/** Serving, using or making the predictions. */
const SERVED =
  /\b(?:predij\w*|predicted|sirvio|served|serving|uso|usaron|usado|utilizo|used|scored|hizo las predicciones|made the predictions|genero las predicciones|generated the predictions|estaba (?:en produccion|sirviendo)|was (?:in production|live))\b/;

/** A week or a day: the week the question is about. */
const WEEK = /\b(?:semana|week|\d{4}-\d{2}-\d{2})\b/;

/** How good the predictions were ("¿cuántas predicciones acertó?"): the model's performance, not a count. */
const QUALITY =
  /\b(?:acert\w*|aciert\w*|atin\w*|correct\w*|right|wrong|errad\w*|equivoc\w*|hit|missed|precis\w*|accura\w*|f1|buen[oa]s?|good|bien|well)\b/;

/** What a question about the weekly runs' predictions asks. */
export type PredictionRunAsked = 'count' | 'model';

/**
 * Whether a question asks what the weekly runs predicted rather than what the model predicts for a
 * customer: how many predictions a run made ("¿cuántas predicciones hizo la última corrida?", "how
 * many predictions did the weekly run make?"), or which model made a week's ("¿qué modelo predijo
 * la semana del 16 de diciembre?", "which model version served the week of Dec 9?"). A question
 * naming a customer or a product is not asked here (the caller does not ask it).
 *
 * @example
 * predictionRunAsked('cuantas predicciones hizo la ultima corrida', false); // 'count'
 * predictionRunAsked('que modelo predijo la semana del 16 de diciembre', true); // 'model'
 * predictionRunAsked('que modelo esta en produccion', false); // undefined
 */
export function predictionRunAsked(text: string, namesPeriod: boolean): PredictionRunAsked | undefined {
  if (QUALITY.test(text)) return undefined;
  const aboutAWeek = namesPeriod || WEEK.test(text);
  // "¿Qué versión hizo las predicciones de la semana del 23?": the predictions name what was made.
  const served = SERVED.test(text) || (WHICH_MODEL.test(text) && PREDICTION_NOUN.test(text));
  if (MODEL.test(text) && served && aboutAWeek) return 'model';
  if (
    HOW_MANY.test(text) &&
    !HOW_MANY_OF_OTHERS.test(text) &&
    (PREDICTION_NOUN.test(text) || (PREDICTED.test(text) && RUN.test(text)))
  )
    return 'count';
  return undefined;
}
