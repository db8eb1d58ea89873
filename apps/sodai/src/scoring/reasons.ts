import type { Lang } from '../contract/api.ts';
import { customerTypeWords, hasTypeWords, isFeminineType } from './customer-type-words.ts';

/** What a short reason is made of: the pair's purchase rhythm, or why an unbought product is offered. */
export type ReasonFacts =
  | { readonly kind: 'history'; readonly gapWeeks: number; readonly weeksSinceLast: number }
  | { readonly kind: 'explore'; readonly customerType: string | null }
  | { readonly kind: 'popular'; readonly customerType: string | null; readonly share: number };

const weeks = (n: number, lang: Lang): string => {
  const r = Math.max(1, Math.round(n));
  if (lang === 'es') return r === 1 ? '1 semana' : `${r} semanas`;
  return r === 1 ? '1 week' : `${r} weeks`;
};

/** "restaurantes", "wholesalers"; a type with no words of its own keeps its stored name. */
const shops = (type: string | null, lang: Lang): string => {
  if (type !== null && hasTypeWords(type)) return customerTypeWords(type, lang);
  return lang === 'es' ? (type ? `clientes ${type}` : 'clientes') : type ? `${type} shops` : 'shops';
};

/**
 * One short sentence a sales rep can read out: "buys about every 2 weeks; last bought 3 weeks ago".
 *
 * @example
 * import { reasonText } from './reasons.ts';
 * reasonText({ kind: 'history', gapWeeks: 2.1, weeksSinceLast: 3 }, 'en');
 * // 'buys about every 2 weeks; last bought 3 weeks ago'
 */
export function reasonText(facts: ReasonFacts, lang: Lang): string {
  switch (facts.kind) {
    case 'history': {
      const last = facts.weeksSinceLast;
      if (Number.isNaN(facts.gapWeeks)) {
        return lang === 'es'
          ? `lo compró una vez, hace ${weeks(last, lang)}`
          : `bought it once, ${weeks(last, lang)} ago`;
      }
      const every =
        Math.round(facts.gapWeeks) <= 1
          ? lang === 'es'
            ? 'compra casi todas las semanas'
            : 'buys almost every week'
          : lang === 'es'
            ? `compra aproximadamente cada ${weeks(facts.gapWeeks, lang)}`
            : `buys about every ${weeks(facts.gapWeeks, lang)}`;
      return lang === 'es'
        ? `${every}; última compra hace ${weeks(last, lang)}`
        : `${every}; last bought ${weeks(last, lang)} ago`;
    }
    case 'explore':
      return lang === 'es'
        ? `popular entre ${shops(facts.customerType, lang)}; aún no lo ha comprado`
        : `popular with ${shops(facts.customerType, lang)}; not bought yet`;
    case 'popular': {
      const pct = `${Math.round(facts.share * 100)}%`;
      return lang === 'es'
        ? `popular: lo compró el ${pct} de ${isFeminineType(facts.customerType) ? 'las' : 'los'} ${shops(facts.customerType, lang)} en las últimas 8 semanas`
        : `popular: ${pct} of ${shops(facts.customerType, lang)} bought it in the last 8 weeks`;
    }
  }
}
