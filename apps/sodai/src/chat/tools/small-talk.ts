import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { Courtesy } from '../understanding/courtesy.ts';
import type { ToolAnswer } from './toolbox.ts';

/**
 * A short word back to thanks, "ok" or goodbye: nothing was asked, so there is nothing to look up,
 * to refuse or to advise.
 */
export function smallTalk(courtesy: Courtesy, lang: Lang): ToolAnswer {
  const text =
    courtesy === 'thanks'
      ? say(
          lang,
          '¡De nada! Aquí estoy si necesita algo más.',
          "You're welcome! I'm here if you need anything else.",
        )
      : courtesy === 'goodbye'
        ? say(lang, '¡Hasta luego, y buenas ventas!', 'Goodbye, and good selling!')
        : say(lang, 'Perfecto. ¿Algo más en que le pueda ayudar?', 'Great. Anything else I can help with?');
  return { text, answered: true, basedOn: [], data: {} };
}
