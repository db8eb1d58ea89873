import { MISSING_DATA_RE } from './missing-data-words.ts';

/** Question words that open a second question after "y" / "and". */
const SECOND_QUESTION =
  /\s(?:y|e|and|tambien|also)\s+((?:(?:a|de|con|para|por|en|to|for|with|in)\s+)?(?:que|cual|cuales|cuando|cuanto|cuanta|cuantos|cuantas|como|quien|quienes|donde|por que|what|which|when|how|who|whom|why|where)\s+\S+(?:\s+\S+)*)$/;

/** "… y su margen", "… and their prices": a part about missing data after the last "y" / "and". */
const MISSING_AFTER_AND = new RegExp(
  `\\s(?:y|e|and|con|with)\\s+((?:(?!\\s(?:y|e|and)\\s).)*${MISSING_DATA_RE.source}.*)$`,
);

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
  if (m && m.index > 0 && m[1]!.split(' ').length >= 3)
    return { first: text.slice(0, m.index), second: m[1]! };
  // "Mejores clientes y su margen": data there is none of, asked after "y" with no question word.
  const missing = MISSING_AFTER_AND.exec(text);
  if (missing && missing.index > 0) return { first: text.slice(0, missing.index), second: missing[1]! };
  return undefined;
}
