import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { ExcludedKind } from '../understanding/excluded-kind.ts';
import { valueWords } from './attribute-words.ts';
import type { ToolAnswer } from './toolbox.ts';

/**
 * The answer to a question that leaves a value out: as it is when what the question keeps leaves
 * it out already or the tool counted without it (`exclusionApplied`), else with the value said to be
 * included: an answer that quietly counts what was left out would look right and be wrong.
 */
export function withExclusionSaid(
  excluded: (ExcludedKind & { readonly applied: boolean }) | undefined,
  answer: ToolAnswer,
  lang: Lang,
): ToolAnswer {
  if (!excluded || excluded.applied || answer.exclusionApplied) return answer;
  const words = valueWords(excluded.entity, excluded.value, lang);
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

/**
 * The answer to a question about spending ("¿cuánto gastó el 1002 en diciembre?"), with the measure
 * said: there are no prices, and units read as money would mislead. An answer that already speaks
 * of prices (the missing-data answer) is left as it is.
 */
export function withUnitsForSpendingSaid(spending: boolean, answer: ToolAnswer, lang: Lang): ToolAnswer {
  if (!spending || !answer.answered || /precio|price/i.test(answer.text)) return answer;
  return {
    ...answer,
    text: `${answer.text} ${say(
      lang,
      '(No hay precios en los datos: lo comprado se mide en unidades, no en dinero.)',
      '(The data has no prices: what was bought is measured in units, not money.)',
    )}`,
  };
}
