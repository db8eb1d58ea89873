/** Training again: "reentrenó", "re-entrenar", "retrained", "volvió a entrenar", "entrenó de nuevo". */
const RETRAIN =
  /\b(?:re-?entren\w*|retrain\w*|re-?train\w*|volvi\w* a entrenar\w*|entren\w* (?:de nuevo|otra vez|again)|trained again)\b/;

/**
 * The gate that decides between the new model and the champion: "el gate", "la compuerta", "was
 * the challenger promoted?". "Promoción" alone is a sales promotion: only a model promoted counts.
 */
const GATE =
  /\b(?:gate|compuerta|challenger|retador|(?:promovi\w*|promoted?|promocion\w*|promotion) (?:(?:del |el |al |the |a |un |new |nuevo )?(?:modelo|model|challenger|retador))|(?:modelo|model|challenger|retador)\w* (?:nuevo |new )?(?:(?:was|fue|se) )?(?:promovi\w*|promoted?|promociono))\b/;

/**
 * Training that did not happen: "¿por qué se saltó el entrenamiento?", "¿por qué no se entrenó?",
 * "why was training skipped?", "why didn't it train?". The run's decision not to retrain answers it.
 */
const NOT_TRAINED =
  /\b(?:(?:salt\w*|skip\w*|omiti\w*) (?:el |the )?(?:entrenamiento|training)|(?:entrenamiento|training) (?:(?:was|got|fue|se) )?(?:salt\w*|skipped|omitid\w*)|no (?:se )?(?:re)?entren\w*|(?:did not|didn t|didnt|was not|wasn t|wasnt) (?:\w+ ){0,2}(?:re)?train\w*)\b/;

/**
 * "¿Cuándo fue el último reentrenamiento?", "when was the last retrain?": asked of the past, the
 * "when" is the run that last trained, which the decision's answer names.
 */
const WHEN_LAST =
  /\b(?:cuando|when)\b(?!.*\b(?:proxim\w*|next|siguiente)\b).*\b(?:ultim[oa]s?|last|latest|previous|anterior)\b/;

/** "When will it retrain?" asks for the next run; "when was it trained?" for the model's date. */
const WHEN = /\b(?:cuando|when|proxim\w*|next|siguiente)\b/;

/**
 * Retraining told in the past ("when was the model retrained?", "¿cuándo se reentrenó?", "¿cuándo
 * lo volvieron a entrenar?"): the run that last retrained, as "the last retrain" is. Training alone
 * in the past ("when was it trained?") stays the model's date; the future stays the next run.
 */
const RETRAINED =
  /\b(?:re-?trained|re-?entreno|re-?entrenaron|re-?entrenamos|re-?entrenad[oa]|volvi(?:o|eron|mos) a entrenar|trained again|entren\w* (?:de nuevo|otra vez)|did (?:\w+ ){0,3}re-?train\w*)\b/;
const FUTURE = /\b(?:proxim\w*|next|siguiente|will|va a|van a)\b/;

/**
 * Whether a question asks what the weekly run decided about the model: whether it trained a new
 * one and why, and what the gate did with it ("¿se reentrenó el modelo?", "what did the gate
 * decide?"), not when the next run is nor what a customer or product is predicted.
 *
 * @example
 * asksRetrainDecision('se reentreno el modelo por que', false); // true
 * asksRetrainDecision('cuando se reentrena el modelo', false); // false
 * asksRetrainDecision('cuando fue el ultimo reentrenamiento', false); // true
 * asksRetrainDecision('when was the model retrained', false); // true
 */
export function asksRetrainDecision(text: string, namesCustomerOrProduct: boolean): boolean {
  const pastRetrain = RETRAINED.test(text) && !FUTURE.test(text);
  if (namesCustomerOrProduct || (WHEN.test(text) && !WHEN_LAST.test(text) && !pastRetrain)) return false;
  return RETRAIN.test(text) || GATE.test(text) || NOT_TRAINED.test(text);
}

/**
 * Whether a question about the run's model decision asks what the gate did ("¿qué decidió el
 * gate?", "was the new model promoted?") rather than whether it retrained: its answer opens with
 * the gate's decision.
 *
 * @example
 * asksAboutTheGate('que decidio el gate'); // true
 * asksAboutTheGate('se reentreno el modelo y que dijo el gate'); // false
 */
export function asksAboutTheGate(text: string): boolean {
  return GATE.test(text) && !RETRAIN.test(text);
}
