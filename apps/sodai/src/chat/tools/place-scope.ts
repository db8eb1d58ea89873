import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { Place } from '../understanding/place-words.ts';
import { notAnswered } from './answers.ts';
import type { ChatToolbox, ToolAnswer } from './toolbox.ts';

/** "la región 2", "zone 14": the place as the answer names it. */
export function placeWords(place: Place, lang: Lang): string {
  const parts = [
    ...(place.region !== undefined ? [say(lang, `la región ${place.region}`, `region ${place.region}`)] : []),
    ...(place.zone !== undefined ? [say(lang, `la zona ${place.zone}`, `zone ${place.zone}`)] : []),
  ];
  return parts.join(say(lang, ' y ', ' and '));
}

/**
 * "No hay clientes en la región 2; los datos tienen la región 80": a region or zone no customer is
 * in, said with the ones there are, rather than "no sales", which would read as a region that sold
 * nothing. Nothing when every place named has customers.
 */
async function placeNotInData(box: ChatToolbox, place: Place, lang: Lang): Promise<ToolAnswer | undefined> {
  for (const [grain, id] of [
    ['region', place.region],
    ['zone', place.zone],
  ] as const) {
    if (id === undefined) continue;
    const rows = await box.data.query(
      `SELECT DISTINCT ${grain}_id::DOUBLE AS id FROM customers WHERE ${grain}_id IS NOT NULL ORDER BY 1`,
    );
    const ids = rows.map((r) => Number(r.id));
    if (ids.includes(id)) continue;
    const named = placeWords({ [grain]: id }, lang);
    const there = ids.slice(0, 20).join(', ');
    const word = grain === 'region' ? say(lang, 'regiones', 'regions') : say(lang, 'zonas', 'zones');
    return notAnswered(
      ids.length === 0
        ? say(lang, `Los datos no tienen ${word} de los clientes.`, `The data has no customer ${word}.`)
        : say(
            lang,
            `No hay clientes en ${named}. Las ${word} de los clientes en los datos: ${there}.`,
            `No customer is in ${named}. The customers' ${word} in the data: ${there}.`,
          ),
      ids
        .slice(0, 3)
        .map((other) =>
          say(
            lang,
            `top clientes de ${placeWords({ [grain]: other }, lang)}`,
            `top customers in ${placeWords({ [grain]: other }, lang)}`,
          ),
        ),
      { place, [grain === 'region' ? 'regions' : 'zones']: ids },
    );
  }
  return undefined;
}

/**
 * A question that names a region or zone answered: the place said not to exist, or the tool run
 * and its answer kept only when it counted that place alone ({@link withinPlace}).
 */
export async function answerWithinPlace(
  box: ChatToolbox,
  place: Place | undefined,
  lang: Lang,
  run: () => Promise<ToolAnswer>,
): Promise<ToolAnswer> {
  const absent = place ? await placeNotInData(box, place, lang) : undefined;
  return absent ?? withinPlace(place, await run(), lang);
}

/**
 * The answer to a question that names a region or zone: the tool's when it counted only that place,
 * else an honest "I cannot narrow this to a region" with the questions that can. An answer over
 * every customer would look right and be wrong, the worst kind of answer.
 */
export function withinPlace(place: Place | undefined, answer: ToolAnswer, lang: Lang): ToolAnswer {
  if (!place || answer.placeApplied) return answer;
  const where = placeWords(place, lang);
  const examples =
    lang === 'es'
      ? [
          `top clientes de ${where}`,
          `¿cuánto vendió ${where} el mes pasado?`,
          `productos más vendidos en ${where}`,
        ]
      : [`top customers in ${where}`, `how much did ${where} sell last month?`, `best sellers in ${where}`];
  return notAnswered(
    say(
      lang,
      `No puedo limitar esta respuesta a ${where}. Por región o zona puedo darle las ventas de un período y su tendencia, los mejores clientes, los productos más vendidos y el ranking de regiones; por ejemplo: «${examples[0]}».`,
      `I cannot narrow this answer to ${where}. By region or zone I can give a period's sales and their trend, the best customers, the best sellers and the ranking of regions; for example: "${examples[0]}".`,
    ),
    examples,
    { place },
  );
}
