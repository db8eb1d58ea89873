import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';

const SEEN_BEFORE = {
  customers: {
    es: 'quien compró en esos días aparece como nuevo aunque fuera cliente de antes',
    en: 'anyone who bought in those days shows as new even if they were a customer before',
  },
  products: {
    es: 'lo que se vendió en esos días aparece como nuevo aunque se vendiera antes',
    en: 'anything sold in those days shows as new even if it was sold before',
  },
} as const;

/**
 * Before the data's first day nothing is known, so a period that reaches back to it holds every
 * customer's (or product's) "first" purchase: said after a list of new ones, with a leading space,
 * or nothing when the period starts later.
 */
export function dataStartCaveat(
  firstDay: string | null,
  period: ChatPeriod,
  kind: keyof typeof SEEN_BEFORE,
  lang: Lang,
): string {
  if (firstDay === null || period.from > firstDay) return '';
  return say(
    lang,
    ` Ojo: los datos empiezan el ${formatDay(firstDay, lang)}, así que ${SEEN_BEFORE[kind].es}.`,
    ` Note: the data starts on ${formatDay(firstDay, lang)}, so ${SEEN_BEFORE[kind].en}.`,
  );
}

/**
 * Whoever bought a product before the data's first day is unseen, so a first purchase of it is the
 * first since then: said after a list of its first-time buyers, with a leading space.
 */
export function firstSinceDataStart(firstDay: string | null, lang: Lang): string {
  if (firstDay === null) return '';
  return say(
    lang,
    ` "Por primera vez" cuenta desde el ${formatDay(firstDay, lang)}, cuando empiezan los datos.`,
    ` "For the first time" counts from ${formatDay(firstDay, lang)}, when the data start.`,
  );
}
