import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { ONE_TO_TWENTY } from './number-words.ts';
import { findPeriods } from './periods.ts';

const COUNT_WORDS: Readonly<Record<string, number>> = { a: 1, ...ONE_TO_TWENTY };
const SPAN = new RegExp(
  `\\b(\\d{1,3}|${Object.keys(COUNT_WORDS).join('|')})\\s+(semanas?|weeks?|meses|mes|months?|dias?|days?)\\b`,
);

/**
 * How long a lapsed customer has been quiet, when the question says it ("no compran hace 3
 * semanas", "desde hace un mes", "haven't ordered in 3 weeks"): the trailing window of that length
 * up to `anchor`, labelled as the periods parser labels it ("las últimas 3 semanas"). "Hace 3
 * semanas" alone is the week three weeks back; for a customer who stopped buying it is how long ago
 * they stopped, so the window runs from then to the end of the data.
 *
 * @example
 * quietWindow('clientes que no compran hace 3 semanas', '2024-12-31', 'es');
 * // { from: '2024-12-11', to: '2024-12-31', label: 'las últimas 3 semanas' }
 */
export function quietWindow(text: string, anchor: string, lang: Lang): ChatPeriod | undefined {
  const m = SPAN.exec(text);
  if (!m) return undefined;
  const n = COUNT_WORDS[m[1]!] ?? Number(m[1]);
  if (!(n >= 1)) return undefined;
  const unit =
    m[2]!.startsWith('sem') || m[2]!.startsWith('week')
      ? 'semanas'
      : m[2]!.startsWith('d')
        ? 'dias'
        : 'meses';
  return findPeriods(`las ultimas ${n} ${unit}`, anchor, lang)[0]?.period;
}
