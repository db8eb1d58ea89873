import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { formatDay, say } from '../format.ts';
import { FROM, type SqlFilter } from './filters.ts';
import type { ChatToolbox, ToolRequest } from './toolbox.ts';

/** What a ranking says when its default period had no sales, and the last day there was one. */
export interface NoSalesSaid {
  readonly text: string;
  /** The last day with a matching sale (YYYY-MM-DD), null for none ever; absent for a period named. */
  readonly lastSale?: string | null;
}

/**
 * "No hubo ventas las últimas 4 semanas (envase TETRA, minimarkets)" leaves a sales person asking
 * whether there ever were. For a period the question did not name (the user did not choose it, so
 * its emptiness says little), the answer adds the last day with a matching sale, or that there
 * never was one. `anyTime` is the ranking's own filter without the period. A period named is
 * answered as asked: its emptiness is the answer.
 *
 * @example
 * await noSalesSaid(box, req, period, filter, 'No hubo ventas las últimas 4 semanas (envase TETRA, minimarkets).');
 * // { text: '… minimarkets). La última venta así fue el 12 mar 2024.', lastSale: '2024-03-12' }
 */
export async function noSalesSaid(
  box: ChatToolbox,
  req: ToolRequest,
  period: ChatPeriod | undefined,
  anyTime: SqlFilter,
  noSales: string,
): Promise<NoSalesSaid> {
  // All of history (a customer's products) had none: there is nothing earlier to point to.
  if (!period || req.entities.period !== undefined || req.offset > 0) return { text: noSales };
  const [row] = await box.data.query(
    `SELECT max(t.purchase_date)::VARCHAR AS last FROM ${FROM} WHERE ${anyTime.where} AND t.items > 0`,
    anyTime.params,
  );
  const last = row?.last == null ? null : String(row.last);
  const { lang } = req;
  return { text: `${noSales} ${lastSaleWords(last, lang)}`, lastSale: last };
}

/** "La última venta así fue el 12 mar 2024.", or that there never was one. */
function lastSaleWords(last: string | null, lang: Lang): string {
  return last === null
    ? say(lang, 'No hay ninguna venta así en todos los datos.', 'There is no such sale in all the data.')
    : say(
        lang,
        `La última venta así fue el ${formatDay(last, lang)}.`,
        `The last such sale was on ${formatDay(last, lang)}.`,
      );
}
