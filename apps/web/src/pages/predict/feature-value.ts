import type { Contribution } from '../../api/contract.ts';
import type { MessageKey } from '../../i18n/dictionary.ts';

interface Formatters {
  t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  num(value: number, digits?: number): string;
  pct(value: number, digits?: number): string;
}

/** Whole counts without decimals, the rest with up to two (gaps and averages are fractional). */
function amount(v: number, num: Formatters['num']): string {
  return Number.isInteger(v) ? num(v) : num(v, Math.abs(v) >= 10 ? 1 : 2);
}

/**
 * A contribution's feature value with its unit, in the reader's language: "3 semanas", "25 %",
 * "× 1,40". A category's value is a code whose name the label already carries, so it shows none.
 */
export function featureValueText(c: Contribution, f: Formatters): string {
  const v = c.value;
  if (v === null || c.unit === 'category') return '—';
  switch (c.unit) {
    case 'share':
      return f.pct(v, 0);
    case 'ratio':
      return `× ${f.num(v, 2)}`;
    case 'coordinate':
      return f.num(v, 2);
    default:
      return f.t(`predict.unit.${c.unit}`, { n: amount(v, f.num) });
  }
}
