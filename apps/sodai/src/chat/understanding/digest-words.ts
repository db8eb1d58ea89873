/**
 * Asking for a short digest of a week ("resumen de la semana", "give me a summary of last week",
 * "¿cómo fue la semana?", "weekly recap"), over normalized, spell-corrected text. Each entry is a
 * regular-expression fragment matched on word boundaries. Joined to the speller's lexicon.
 */
export const DIGEST_WORDS = [
  'resumen(?:es)?',
  'resumeme',
  'resumir',
  'resumi',
  'sintesis',
  'summary',
  'summari[sz]e',
  'recap',
  'digest',
  'overview',
  'rundown',
  'wrap ?up',
  'balance (?:de|del) (?:la|las|esta) (?:\\w+ )?semanas?',
  'informe semanal',
  'weekly report',
  // The week itself as the subject ("¿cómo fue la semana?"); "¿cómo nos fue la semana pasada?"
  // asks for the week's sales total, which the sales answers give.
  'como (?:fue|estuvo|anduvo|salio|resulto) (?:la|esta) (?:ultima |pasada )?semana',
  'que (?:paso|ocurrio|hubo) (?:la|esta) (?:ultima )?semana',
  // The week as the subject, not its possessive ("how did last week's predictions do?" is the model's).
  'how was (?:the|last|this|our|that) (?:past |last )?week(?! s\\b)',
  'how did (?:the|last|this|our|that) (?:past |last )?week go',
  'what happened (?:last|this|the past) week',
  // What is new against the week before ("¿qué cambió desde la semana pasada?", "what's changed
  // since last week?"): the digest sets the week beside it. A change of the data ("what changed in
  // the data?") names no week and stays the monitoring's.
  'que (?:ha |han )?cambi(?:o|aron|ado) (?:desde|respecto (?:a|de)|frente a|vs|con) (?:la )?(?:semana (?:pasada|anterior)|ultima semana|pasada semana)',
  // ("What's" is spelt out as "what is" before this.)
  'what (?:is |s |has |have )?(?:changed|different) (?:since|from|vs|versus|compared (?:to|with)) (?:the )?(?:last|previous|prior) week',
] as const;

const DIGEST = new RegExp(`\\b(?:${DIGEST_WORDS.join('|')})\\b`);

/**
 * Whether a question asks for the digest: its words, with no customer or product named ("resumen
 * del cliente 1002" is that customer's history).
 *
 * @example
 * asksDigest('resumen de la semana', false); // true
 */
export function asksDigest(text: string, namesCustomerOrProduct: boolean): boolean {
  return !namesCustomerOrProduct && DIGEST.test(text);
}
