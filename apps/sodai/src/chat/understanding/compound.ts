/** Question words that open a second question after "y" / "and". */
const SECOND_QUESTION =
  /\s(?:y|e|and|tambien|also)\s+((?:(?:a|de|con|para|por|en|to|for|with|in)\s+)?(?:que|cual|cuales|cuando|cuanto|cuanta|cuantos|cuantas|como|quien|quienes|donde|por que|what|which|when|how|who|whom|why|where)\s+\S+(?:\s+\S+)*)$/;

/** A question cut in two where a second question starts ("¿qué le ofrezco al 1002 y cuándo compró?"). */
export interface CompoundParts {
  readonly first: string;
  readonly second: string;
}

/**
 * Splits a normalized question that asks two things at the "y" / "and" before the second question
 * word; the second part must say more than the question word alone ("¿qué compró y cuándo?" is one
 * question). Whether the parts really are two questions is for the intents to say.
 *
 * @example
 * splitCompound('que le ofrezco al 1002 y cuando fue su ultima compra');
 * // { first: 'que le ofrezco al 1002', second: 'cuando fue su ultima compra' }
 */
export function splitCompound(text: string): CompoundParts | undefined {
  const m = SECOND_QUESTION.exec(text);
  if (!m || m.index === 0) return undefined;
  const second = m[1]!;
  if (second.split(' ').length < 3) return undefined;
  return { first: text.slice(0, m.index), second };
}
