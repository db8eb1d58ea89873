import type { ChatAttribute, Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { ExcludableEntity, ExcludedKind } from '../understanding/excluded-kind.ts';
import { valueWords } from './attribute-words.ts';
import type { ToolAnswer } from './toolbox.ts';

/** The attribute each excludable entity holds a value of. */
const ATTRIBUTE: Readonly<Record<ExcludableEntity, ChatAttribute>> = {
  brand: 'brand',
  package: 'package',
  category: 'category',
  sub_category: 'sub_category',
  segment: 'segment',
  customer_type: 'customer_type',
};

/**
 * The answer to a question that leaves a value out: as it is when what the question keeps leaves
 * it out already, else with the value said to be included. No filter of the tools excludes a value,
 * and an answer that quietly counts what was left out would look right and be wrong.
 */
export function withExclusionSaid(
  excluded: (ExcludedKind & { readonly applied: boolean }) | undefined,
  answer: ToolAnswer,
  lang: Lang,
): ToolAnswer {
  if (!excluded || excluded.applied) return answer;
  const words = valueWords(ATTRIBUTE[excluded.entity], excluded.value, lang);
  return {
    ...answer,
    text: `${answer.text} ${say(
      lang,
      `(No puedo dejar fuera lo que la pregunta excluye, ${words}: esta respuesta lo incluye.)`,
      `(I cannot leave out what the question excludes, ${words}: this answer includes it.)`,
    )}`,
    data: { ...answer.data, exclusion_not_applied: { [excluded.entity]: excluded.value } },
  };
}
