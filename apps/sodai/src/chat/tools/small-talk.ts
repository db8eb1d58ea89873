import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { Courtesy } from '../understanding/courtesy.ts';
import type { ToolAnswer } from './toolbox.ts';

/**
 * A short word back to thanks, "ok", goodbye or a greeting: nothing was asked, so there is nothing
 * to look up, to refuse or to advise. A greeting is where a new user starts, so it names what can be
 * asked (`examples`, offered as suggestions too).
 */
export function smallTalk(courtesy: Courtesy, lang: Lang, examples: readonly string[] = []): ToolAnswer {
  if (courtesy === 'greeting' || courtesy === 'how_are_you') return greeting(courtesy, lang, examples);
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

function greeting(courtesy: 'greeting' | 'how_are_you', lang: Lang, examples: readonly string[]): ToolAnswer {
  const hello =
    courtesy === 'how_are_you'
      ? say(lang, '¡Hola! Muy bien, gracias.', "Hello! I'm well, thanks.")
      : say(lang, '¡Hola!', 'Hello!');
  const quoted = examples.map((q) => say(lang, `«${q}»`, `"${q}"`));
  const last = quoted.at(-1);
  const list =
    quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${say(lang, 'o', 'or')} ${last}` : (last ?? '');
  const offer = say(
    lang,
    'Respondo sobre sus clientes, productos y ventas, y sobre el modelo que recomienda.',
    'I answer questions about your customers, products and sales, and about the model that recommends.',
  );
  const ask = list
    ? say(lang, ` Puede preguntarme, por ejemplo: ${list}.`, ` You can ask me, for example: ${list}.`)
    : '';
  return { text: `${hello} ${offer}${ask}`, answered: true, basedOn: [], data: {}, suggestions: examples };
}
