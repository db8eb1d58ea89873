/**
 * Asking to be told before the question itself: "cuéntame", "explícame", "dime", "quiero saber",
 * "can you tell me", "explain". The question follows, opening with a question word.
 */
const ASK_TO_BE_TOLD = [
  '(?:cuent|cont|dig|dec|explic|expliqu|muestr|mostr|ensen|indic|platic|averigu)\\w*(?:me|nos)',
  'dime',
  'dinos',
  '(?:quiero|quisiera|necesito|queria|me gustaria) (?:saber|ver|entender)',
  '(?:me )?(?:puedes|podrias|puede|podria) (?:decir|contar|explicar|mostrar|indicar)(?:me|nos)?',
  '(?:can|could) you (?:tell|show) (?:me|us)',
  '(?:tell|show) (?:me|us)',
  'explain(?: to (?:me|us))?',
  'i (?:want|would like|d like|need) to know',
];
const QUESTION_WORD =
  'como|que|cual|cuales|cuanto|cuanta|cuantos|cuantas|quien|quienes|donde|cuando|si|how|what|which|who|whom|when|where|whether|if';
const LEAD_IN = new RegExp(
  `^(?:(?:${ASK_TO_BE_TOLD.join('|')}) )+(?:(?:que|a mi|to me) )?(?=(?:${QUESTION_WORD}) )`,
);

/**
 * A question without the lead-in that asks to be told it: "explícame cómo van las ventas" asks how
 * sales are going, not why; "explícame por qué recomiendas el 20230" keeps its "why" (no question
 * word follows the lead-in, "por qué" does).
 *
 * @example
 * withoutLeadIn('explicame como van las ventas'); // 'como van las ventas'
 * withoutLeadIn('explicame por que recomiendas el 20230'); // unchanged
 */
export function withoutLeadIn(text: string): string {
  return text.replace(LEAD_IN, '');
}
