import type { Lang } from '../contract/api.ts';
import { say } from './format.ts';
import { notAnswered } from './tools/answers.ts';
import type { ToolAnswer } from './tools/toolbox.ts';
import type { MoreOf } from './understanding/understanding.ts';

/**
 * The answer to "más porfa" / "show more" when there is no list to continue: nothing asked before
 * in the conversation, or an answer that was no list. Repeating that answer would read as if it
 * were new rows.
 *
 * @example
 * noListToContinue('nothing_before', 'es', ['¿Qué productos se vendieron más la semana pasada?'])?.answered; // false
 */
export function noListToContinue(
  more: MoreOf | undefined,
  lang: Lang,
  examples: readonly string[],
): ToolAnswer | undefined {
  if (more === 'nothing_before')
    return notAnswered(
      say(
        lang,
        `¿Más de qué? No hay una respuesta anterior en esta conversación que continuar. Pregunte primero, por ejemplo, «${examples[0] ?? ''}», y luego pida «más».`,
        `More of what? There is no earlier answer in this conversation to continue. Ask first, for example "${examples[0] ?? ''}", then ask for "more".`,
      ),
      examples,
    );
  if (more === 'not_a_list')
    return {
      text: say(
        lang,
        'La respuesta anterior no era una lista, así que no hay más filas que mostrar. Puede pedirme una lista, por ejemplo los productos más vendidos o los mejores clientes.',
        'The previous answer was not a list, so there are no more rows to show. You can ask me for a list, such as the best-selling products or the best customers.',
      ),
      answered: true,
      basedOn: [],
      data: { more: 'not_a_list' },
    };
  return undefined;
}

/**
 * "Show more" past a list's last row: the tool found no further rows, which its own words would
 * phrase as "no sales", so say the list is complete instead.
 */
export function listComplete(tool: ToolAnswer, shownBefore: number, lang: Lang): ToolAnswer {
  if ((tool.shown ?? 0) > 0 || !tool.answered) return tool;
  return {
    text: say(
      lang,
      `No hay más: la lista anterior ya mostró todas sus filas (${shownBefore}).`,
      `There are no more: the previous list already showed all its rows (${shownBefore}).`,
    ),
    answered: true,
    basedOn: tool.basedOn,
    data: { ...tool.data, more: 'list_complete', rows_shown_before: shownBefore },
    shown: 0,
  };
}
