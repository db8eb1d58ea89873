import type { Lang } from '../../contract/api.ts';
import { customerTypeWords } from '../format.ts';

/** A customer's type in the singular ("restaurante") from a row's `type`, or a dash when the master has none. */
export function customerTypeCell(r: Readonly<Record<string, unknown>>, lang: Lang): string {
  return r.type === null || r.type === undefined ? '—' : customerTypeWords(String(r.type), lang, false);
}
