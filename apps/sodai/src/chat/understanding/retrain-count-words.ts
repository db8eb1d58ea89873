/**
 * How often, not whether: "¿cuántas veces se reentrenó el modelo?", "how many times was it
 * retrained this month?", "¿con qué frecuencia se reentrena?", "número de reentrenamientos".
 */
// Plural nouns arrive singular ("reentrenamiento"): the text is read after plurals are folded.
const HOW_OFTEN =
  /\b(?:cuantas veces|cuantos (?:re)?entrenamientos?|numero de (?:re)?entrenamientos?|cantidad de (?:re)?entrenamientos?|con que frecuencia|cada cuanto|how many times|how often|how many (?:re)?train(?:ing)?s?|number of (?:re)?train(?:ing)?s?)\b/;

/**
 * Whether a question about retraining asks how many times it happened (counted over the weekly
 * runs of a time) rather than what the last run decided. The text is lowercase without accents.
 *
 * @example
 * asksRetrainCount('cuantas veces se reentreno el modelo este mes'); // true
 * asksRetrainCount('se reentreno el modelo?'); // false
 */
export function asksRetrainCount(text: string): boolean {
  return HOW_OFTEN.test(text);
}

/** Training in any form: the model's own verb and noun, or new models made. */
const TRAINING =
  /\b(?:re-?entren\w*|entren\w*|retrain\w*|re-?train\w*|trained|training|modelos? nuevos?|new models?)\b/;

/**
 * Whether a question asks how often the model was trained ("¿cuántas veces se entrenó el modelo?",
 * "how often does it retrain?"), which the retrain words alone miss when it says "trained".
 *
 * @example
 * asksHowOftenTrained('cuantas veces se entreno el modelo'); // true
 * asksHowOftenTrained('cuantas veces compro el 1002'); // false
 */
export function asksHowOftenTrained(text: string): boolean {
  return HOW_OFTEN.test(text) && TRAINING.test(text);
}
