import type { ChatEntities, ChatIntent } from '../contract/api.ts';
import type { ToolAnswer } from './tools/toolbox.ts';

/**
 * One answer for a two-part question: both texts in order, and the first part's table, chart and
 * listed ids (a follow-up refers to it, as the reply's intent does). Answered when either part is:
 * a part that could not be answered says so in its own words.
 */
export function joinAnswers(
  first: ToolAnswer,
  second: ToolAnswer,
  secondIntent: ChatIntent,
  secondEntities: ChatEntities,
): ToolAnswer {
  const table = first.table ?? second.table;
  const chart = first.chart ?? second.chart;
  return {
    ...first,
    text: `${first.text}\n\n${second.text}`,
    answered: first.answered || second.answered,
    basedOn: [...new Set([...first.basedOn, ...second.basedOn])],
    ...(table ? { table } : {}),
    ...(chart ? { chart } : {}),
    data: { ...first.data, second_part: { intent: secondIntent, entities: secondEntities, ...second.data } },
    suggestions: [...new Set([...(first.suggestions ?? []), ...(second.suggestions ?? [])])],
  };
}
