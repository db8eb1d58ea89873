import type { Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import type { LeastGrain, LeastRanking } from './least-ranking.ts';

/**
 * The answer to "how many customers buy little?" / "¿cuántos productos se venden poco?": how many of
 * those ranked are under half the median, out of how many, and how many moved nothing at all. Said
 * first, before the list, because the number is what was asked.
 *
 * @example
 * littleCount(ranking, 'customer', 'las últimas 4 semanas (…)', '', 'es');
 * // '23 de 95 clientes con compras desde el 29 ene 2024 compraron poco las últimas 4 semanas (…): …'
 */
export function littleCount(
  ranking: LeastRanking,
  grain: LeastGrain,
  when: string,
  scope: string,
  lang: Lang,
): string {
  const { little, ranked, idle, median, since } = ranking;
  const half = formatNumber(median / 2, lang, 1);
  const from = formatDay(since, lang);
  const n = formatNumber(little, lang);
  if (grain === 'customer') {
    const of = countOf(ranked, lang, NOUN.customer);
    return say(
      lang,
      `${n} de ${of} con compras desde el ${from} ${agree(little, ['compró', 'compraron'])} poco ${when}${scope}: menos de ${half} unidades, la mitad de lo que compró el cliente mediano; ${formatNumber(idle, lang)} no ${agree(idle, ['compró', 'compraron'])} nada.`,
      `${n} of ${of} who bought since ${from} bought little ${when}${scope}: under ${half} units, half what the median customer bought; ${formatNumber(idle, lang)} bought nothing.`,
    );
  }
  const of = countOf(ranked, lang, grain === 'brand' ? NOUN.brand : NOUN.product);
  return say(
    lang,
    `${n} de ${of} con ventas desde el ${from} se ${agree(little, ['vendió', 'vendieron'])} poco ${when}${scope}: menos de ${half} unidades, la mitad de lo que vendió ${grain === 'brand' ? 'la marca mediana' : 'el producto mediano'}; ${formatNumber(idle, lang)} no se ${agree(idle, ['vendió', 'vendieron'])}.`,
    `${n} of ${of} sold since ${from} sold little ${when}${scope}: under ${half} units, half what the median ${grain} sold; ${formatNumber(idle, lang)} did not sell.`,
  );
}
