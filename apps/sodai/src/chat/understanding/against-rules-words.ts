/** The simple rules the model must beat, however they are called: "reglas", "baseline", "heurística". */
const RULES = /\b(?:reglas?|rules?|baselines?|heuristic\w*|heuristicas?)\b/;

/**
 * Whether a question about how good the model is asks about it against the simple rules ("¿le gana
 * el modelo a las reglas por semana?", "model vs rules"): the answer then compares the two week by
 * week, not the model's last week alone.
 *
 * @example
 * asksAgainstTheRules('el modelo le gana a las reglas por semana'); // true
 * asksAgainstTheRules('que tan bueno es el modelo'); // false
 */
export function asksAgainstTheRules(text: string): boolean {
  return RULES.test(text);
}
