import type { TurnMemory } from '../conversation.ts';

/** What a follow-up on a refused batch asks: what to do, which rows, or the refusal again. */
export type RefusalFocus = 'remedy' | 'rows' | 'refusal';

/** What to do about it: "¿y qué hago?", "¿cómo lo arreglo?", "what should I do about it?", "how do I fix it". */
const REMEDY =
  /\b(?:que (?:hago|hacemos|hago ahora|debo hacer|debemos hacer|tengo que hacer|hay que hacer|se hace|puedo hacer|podemos hacer)|que (?:tengo|hay|debo) que (?:corregir|cambiar|arreglar|hacer)|como (?:lo |la |se )?(?:arregl|corrij|solucion|resuelv|repar)\w*|(?:arreglar?l[oa]|corregir?l[oa]|solucionar?l[oa])|y ahora|ahora que|que sigue|siguientes? pasos?|what (?:should|do|can|must|shall) (?:i|we) do|what now|now what|what next|next steps?|how (?:do|can|should|would) (?:i|we) (?:fix|solve|correct|repair|sort)|fix (?:it|this|that)|what (?:do|should|must) (?:i|we) (?:need to )?(?:change|correct|fix)|what needs? (?:to be )?(?:fixed|changed|corrected)|how to fix)\b/;

/** The rows or columns of it: "¿cuáles filas?", "which rows?", "¿qué columnas faltan?". */
const ROWS = /\b(?:filas?|rows?|registros?|lineas?|lines?|columnas?|columns?|campos?|fields?)\b/;

/** The refusal itself again: "¿qué archivo era?", "which file?", "¿por qué?", "more details". */
const REFUSAL_AGAIN =
  /\b(?:archivo|fichero|file|cual era|which (?:one|was it)|por que|porque|why|detalles?|details?|explica\w*|explain|motivo|razon|reason)\b/;

/** A question about the data that landed: the last batch's own answer, not the refusal. */
const LANDED = /\b(?:se cargo|cargad[oa]|landed|loaded|ingested|entro|aceptad[oa]s?|accepted)\b/;

/**
 * A short follow-up on a refused batch the previous answer explained ("¿y qué hago?", "what should
 * I do about it?", "which rows?"): what it asks of that refusal, or undefined when the question asks
 * something else. `ownWords`: the question names nothing of its own (no id, period or filter) and no
 * intent word but the batches' reads it.
 *
 * @example
 * refusalFollowUp('y que hago', refusedTurn, true); // 'remedy'
 * refusalFollowUp('which rows', refusedTurn, true); // 'rows'
 * refusalFollowUp('top 5 productos', refusedTurn, false); // undefined
 */
export function refusalFollowUp(
  text: string,
  previous: TurnMemory,
  namesNothing: boolean,
): RefusalFocus | undefined {
  if (previous.intent !== 'last_batch' || previous.flags?.rejectedBatch !== true) return undefined;
  if (!namesNothing || text.split(' ').length > 10 || LANDED.test(text)) return undefined;
  if (REMEDY.test(text)) return 'remedy';
  if (ROWS.test(text)) return 'rows';
  if (REFUSAL_AGAIN.test(text)) return 'refusal';
  return undefined;
}
