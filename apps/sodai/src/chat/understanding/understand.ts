import type { ChatIntent, Lang } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { courtesyOf, withoutCourtesy, withoutHowAreYou } from './courtesy.ts';
import { splitCompound } from './compound.ts';
import { hayAfterCount } from './hay-after-count.ts';
import { withoutLeadIn } from './lead-in.ts';
import { normalize, tokens } from './normalize.ts';
import { expandShorthand } from './shorthand.ts';
import { correctSpelling } from './spelling.ts';
import { memoryOf, understandSecondPart } from './second-part.ts';
import { understandText } from './understand-text.ts';
import { excludedKind, withoutExcluded } from './excluded-kind.ts';
import { OPERATIONS } from './intent-groups.ts';
import type { Understanding } from './understanding.ts';
import { policyAsked, type PolicyTopic } from './policy-question.ts';
import { withImpliedCustomer } from './implied-customer.ts';
import { withBrandNumber } from './brand-follow-up.ts';

/** The family a question about the platform's rules is counted under (analytics, the API's intent). */
const POLICY_INTENT: Readonly<Record<PolicyTopic, ChatIntent>> = {
  retrain: 'model_info',
  promotion: 'model_info',
  missing_data: 'last_batch',
  model_worse: 'model_performance',
  alerts: 'drift_status',
};

/**
 * Understands a question: normalizes it (case, accents), spells out shorthand, corrects typos against the assistant's
 * words, tells thanks and "ok" from questions (and drops them before one), finds entities and the intent, gives bare numbers the role the question needs, and fills
 * what a follow-up leaves out from the previous turn ("¿y el cliente 1002?", "¿por qué?", "más").
 *
 * @example
 * understand('¿Qué le ofrezco al cliente 101252 esta semana?', vocab, 'es', undefined).intent; // 'recommend'
 */
export function understand(
  message: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  const corrected = hayAfterCount(
    correctSpelling(expandShorthand(tokens(normalize(withAndSpelt(message, lang)))), lang),
    lang,
  ).join(' ');
  const courtesy = courtesyOf(corrected);
  if (courtesy) return { intent: 'small_talk', entities: {}, offset: 0, usedContext: false, courtesy };
  // "Cuéntame / explícame cómo van las ventas" asks how sales are going: the lead-in says nothing.
  const asked = withoutLeadIn(withoutCourtesy(corrected));
  // "¿Y la 31?" after a brand's sales: brand 31.
  const text = withBrandNumber(asked, previous, vocab) ?? asked;
  const understood = understandQuestion(text, vocab, lang, previous);
  const question = withoutHowAreYou(text);
  // "Hola, ¿cómo estás? ¿Cuántos clientes hay?": the question after the greeting is the one to answer.
  const read = understood.intent !== 'unknown' || question === text ? text : question;
  const u = read === text ? understood : understandQuestion(question, vocab, lang, previous);
  // "¿Cada cuánto se reentrena el modelo?": the rule the platform runs by, not one past run.
  const topic =
    !u.usedContext && u.entities.customer_id === undefined && u.entities.product_id === undefined
      ? policyAsked(read)
      : undefined;
  if (topic)
    return { intent: POLICY_INTENT[topic], entities: {}, offset: 0, usedContext: false, policyAsked: topic };
  // "¿Qué marcas compra?" after a question about customer 181101: asked of him, as if named.
  const implied = withImpliedCustomer(read, u, previous, lang);
  const reread = implied ? understandQuestion(implied, vocab, lang, undefined) : undefined;
  if (reread && reread.intent !== 'unknown')
    return honouringExclusion({ ...reread, usedContext: true }, implied!, vocab, lang, previous);
  return honouringExclusion(u, read, vocab, lang, previous);
}

/**
 * "Ventas de latas pero no de botellas en diciembre" answered for bottles, the value named last: a
 * value the question leaves out is never a filter. The question is read without it; when what it
 * keeps leaves the value out already (cans, not bottles) that is the answer, else the answer says it
 * could not leave it out. Buyers of one thing but not another read both sides themselves.
 */
function honouringExclusion(
  u: Understanding,
  text: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  if (
    u.buyersButNot ||
    // "Semanas sin ventas de latas": the cans are what was not sold, not a value left out.
    u.weeksWithoutSales ||
    u.excludedProduct !== undefined ||
    u.intent === 'small_talk' ||
    OPERATIONS.has(u.intent)
  )
    return u;
  const excluded = excludedKind(text, vocab, lang);
  if (!excluded) return u;
  const read = understandQuestion(withoutExcluded(text, excluded), vocab, lang, previous);
  if (read.buyersButNot) return u;
  const kept = read.entities[excluded.entity];
  return { ...read, excludedKind: { ...excluded, applied: kept !== undefined && kept !== excluded.value } };
}

/**
 * "&" spelt as the question's "y" or "and" ("latas & botellas", "by brand & month"): normalizing drops
 * it as punctuation, which left one of the two things joined.
 */
function withAndSpelt(message: string, lang: Lang): string {
  return message.replace(/&/g, lang === 'es' ? ' y ' : ' and ');
}

/** A question without courtesy: one question, or the first of two with the second left to ask. */
function understandQuestion(
  text: string,
  vocab: Vocabulary,
  lang: Lang,
  previous: TurnMemory | undefined,
): Understanding {
  const whole = () => understandText(text, vocab, lang, previous);
  const parts = splitCompound(text);
  if (!parts) return whole();
  // Two questions in one: both are answered, the second after the first (so "¿quién es el mejor
  // cliente y qué le recomiendas?" can refer to its answer), or a part no rule can read is said to
  // be left unanswered. When the whole reads as another question, the cut was no boundary.
  const known = (u: Understanding) =>
    u.intent !== 'unknown' || u.missing !== undefined || u.notInCatalogue !== undefined;
  const first = understandText(parts.first, vocab, lang, previous);
  // After a first part that asks nothing, the second is a question of its own, not a follow-up.
  const second = known(first)
    ? understandSecondPart(parts.second, vocab, lang, memoryOf(first))
    : understandText(parts.second, vocab, lang, previous);
  if (!known(first) && !known(second)) return whole();
  // "¿Cuál es el precio y el costo del 20012?": one answer says what data there is none of.
  if (first.missing && second.missing) return whole();
  if (known(second) && second.intent === first.intent && !second.missing) return whole();
  const read = whole();
  const answerable = known(first) ? first : second;
  if (!known(first) || !known(second)) {
    if (read.intent !== 'unknown' && read.intent !== answerable.intent) return read;
    // The second part may still read once the first is answered ("… y quién lo compró?").
    if (!known(first)) return { ...second, unanswered: parts.first };
  }
  // "Top 5 products and how many customers bought last week": the period said once is both parts'.
  const period = first.entities.period ?? second.entities.period;
  return {
    ...first,
    entities: { ...first.entities, ...(period ? { period } : {}) },
    secondPart: parts.second,
  };
}
