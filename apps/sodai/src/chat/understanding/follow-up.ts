import type { ChatEntities, ChatIntent, Lang } from '../../contract/api.ts';
import type { TurnMemory } from '../conversation.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { countFollowUp } from './count-follow-up.ts';
import { addDays } from './days.ts';
import type { FoundEntities } from './entities.ts';
import { takesIdsNamed } from './follow-up-ids.ts';
import { LISTS } from './intent-groups.ts';
import type { IntentGuess } from './intents.ts';
import type { MoreOf, WritableEntities } from './understanding.ts';

/** What a question is once read as a follow-up of the previous turn (or as itself). */
export interface FollowUp {
  readonly intent: ChatIntent;
  /** Rows of the previous list to skip ("show more"). */
  readonly offset: number;
  readonly usedContext: boolean;
  readonly more?: MoreOf;
  /** "¿Y en noviembre?", "what about product 124?": the previous question asked again with what it changes. */
  readonly repeats?: boolean;
}

/**
 * A question read against the previous turn: "más" asks the previous question further down its
 * list (or says it was no list); a short follow-up that asks nothing new ("¿y el 1002?") repeats the
 * previous question with what it changes; "¿y cuántos son?" counts the previous list. `entities`
 * takes what the previous turn's question named. A question that asks something of its own keeps
 * its intent (`guess`, `intent`: as classified and adjusted; `bare`: it asked nothing by its words).
 */
export function readFollowUp(
  text: string,
  guess: IntentGuess,
  asked: { readonly intent: ChatIntent; readonly bare: boolean },
  entities: WritableEntities,
  found: FoundEntities,
  pending: readonly number[],
  previous: TurnMemory,
  vocab: Vocabulary,
  lang: Lang,
): FollowUp {
  let intent = asked.intent;
  let offset = 0;
  let usedContext = false;
  let more: MoreOf | undefined = guess.more ? 'nothing_before' : undefined;
  let repeats = false;
  const bare = asked.bare;
  const saysLittle = text.split(' ').length <= 8;
  if (guess.more) {
    intent = previous.intent;
    Object.assign(entities, { ...previous.entities, ...entities });
    // Whatever list was shown last (a ranking, the catalogue, returns, a weekday's customers …).
    const wasList = previous.list === true || LISTS.has(intent);
    offset = wasList ? previous.offset + previous.shown : 0;
    more = wasList ? 'next_rows' : 'not_a_list';
    usedContext = true;
  } else if (
    bare &&
    saysLittle &&
    takesIdsNamed(previous, entities, pending.length > 0) &&
    // "Solo restaurantes", "only cans": the same question narrowed to what is named.
    /^(?:y|e|and|what about|how about|now|ahora|tambien|also|lo mismo|same|para|for|con|with|en|in|del|de|el|la|los|las|y para|and for|y del|y de|(?:pero |but )?(?:solo|solamente|unicamente|only|just)|nada mas)\b/.test(
      text,
    ) &&
    (intent === 'unknown' || previous.intent !== 'unknown')
  ) {
    intent = previous.intent;
    const keep: ChatEntities = { ...previous.entities };
    // A new customer (or product) replaces the old one and what was specific to it.
    Object.assign(entities, { ...keep, ...entities });
    usedContext = true;
    repeats = true;
  }

  // "¿Y cuántos son?" after a list: the same question's customers or products counted, or its units.
  const counted =
    !usedContext && found.bareIds.length === 0 && Object.keys(found.entities).length === 0
      ? countFollowUp(text, previous.intent)
      : undefined;
  if (counted) {
    intent = counted;
    const { count: _shown, ...kept } = previous.entities;
    Object.assign(entities, kept);
    // A list without a period covered the last four weeks: its count covers them too.
    if (entities.period === undefined && vocab.lastDay && counted !== previous.intent) {
      entities.period = {
        from: addDays(vocab.lastDay, -27),
        to: vocab.lastDay,
        label: lang === 'es' ? 'las últimas 4 semanas' : 'the last 4 weeks',
      };
    }
    usedContext = true;
  }

  return {
    intent,
    offset,
    usedContext,
    ...(more ? { more } : {}),
    ...(repeats && !counted ? { repeats } : {}),
  };
}
