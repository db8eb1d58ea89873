import { asksRejectedBatch } from './rejected-batch-words.ts';

/**
 * Asking whether something needs attention: the open alerts of the platform's monitoring ("¿hay
 * alertas?", "any alerts?", "what's wrong?", "¿algo que deba saber?", "is everything ok?"), over
 * normalized, spell-corrected text. Each entry is a regular-expression fragment matched on word
 * boundaries. Joined to the speller's lexicon, so "alertas" is never corrected into another word.
 */
export const ALERT_WORDS = [
  'alertas?',
  'alerts?',
  'alarmas?',
  'alarms?',
  'avisos? (?:abiertos?|pendientes?|activos?|del monitoreo|de monitoreo)',
  'warnings?',
  'red flags?',
  'banderas rojas',
  'incidents?',
  'incidentes?',
  'monitoring',
  'monitoreo',
  // "What's wrong?", "¿qué anda mal?": something is asked to be wrong, not a figure.
  'what s wrong',
  'whats wrong',
  'what is wrong',
  'anything wrong',
  'something wrong',
  'what went wrong',
  'anything (?:i|we) should (?:know|worry)',
  'anything to (?:know|worry about|watch)',
  'should (?:i|we) (?:know|worry)',
  'heads up',
  'any (?:issues|problems)',
  // "Is there a problem with the data?", "¿hay algún problema con los datos?": the monitoring says.
  '(?:a |any |some )?(?:problems?|issues?) (?:with|in) (?:the |our )?(?:data|pipeline|model)',
  'problemas? (?:con|en) (?:los |el )?(?:datos|pipeline|modelo)',
  'falla algo',
  'something (?:off|broken)',
  '(?:is|are) (?:everything|all|things) (?:ok|okay|fine|good|alright|all right)',
  'que (?:anda|esta|va|hay|salio) mal',
  'algo (?:anda |esta |va |salio )?mal',
  'algo (?:que|de lo que) (?:deba|deberia|debo|debamos|tenga|tengamos|tendria) (?:que )?(?:saber|preocupar\\w*|revisar|mirar)',
  'algo importante',
  'algun problema',
  'algunos problemas',
  'hay problemas',
  'todo en orden',
  'esta todo (?:bien|ok|en orden)',
  'me (?:debo|deberia) preocupar',
  'debo preocuparme',
] as const;

const ASKS_ALERTS = new RegExp(`\\b(?:${ALERT_WORDS.join('|')})\\b`);

/** An alert itself named ("alertas", "alarms", "warnings", "monitoreo"), not only something wrong. */
const NAMES_AN_ALERT = /\b(?:alert\w*|alarm\w*|avisos?|warnings?|incident\w*|monitor\w*)\b/;

/** A data batch or file: what a refusal is said of. */
const BATCH_NOUN = /\b(?:lotes?|batch\w*|archivos?|files?|cargas?|uploads?|ingestas?)\b/;

/**
 * Whether a question asks for the open alerts: their words, with no customer or product named
 * ("¿el 1002 tiene algún problema?" is about that customer, not the monitoring).
 *
 * @example
 * asksAlerts('hay alertas', false); // true
 * asksAlerts('whats wrong with the refused file', false); // false
 */
export function asksAlerts(text: string, namesCustomerOrProduct: boolean): boolean {
  if (namesCustomerOrProduct || !ASKS_ALERTS.test(text)) return false;
  // "What's wrong with the refused file?", "¿qué anda mal con el lote rechazado?" ask about that
  // batch, which the refused-batch answer explains; "¿hay alertas de lotes rechazados?" names alerts.
  return !(BATCH_NOUN.test(text) && asksRejectedBatch(text) && !NAMES_AN_ALERT.test(text));
}
