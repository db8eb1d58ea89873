import type { ChatPeriod } from '../../contract/api.ts';

/**
 * "No han comprado", "no ha hecho ningún pedido", "todavía no compran", "aún no piden": not bought
 * so far, the Spanish of "haven't bought", which the lapsed words read in English. The speller may
 * turn "compran" into "compra" or "compro", hence the stems.
 */
const NOT_YET =
  /\b(?:(?:todavia|aun) no|no (?:me |nos |le |les )?(?:han|ha)) (?:me |nos |le |les )?(?:(?:comprado|pedido|ordenado|llevado)|hecho (?:\w+ ){0,2}(?:compras?|pedidos?))\b|\b(?:todavia|aun) no (?:me |nos |le |les )?(?:compr|pid|pide|ordena|llev)\w*/;

/**
 * Whether a question asks for the customers who have not bought so far ("clientes que no han
 * comprado este mes", "¿quiénes todavía no compran esta semana?"): those who bought before and not
 * since the period began, the lapsed customers. A period that ends before the data do ("no han
 * comprado en marzo") asks who did not buy in it, which the customers who did not buy answer.
 *
 * @example
 * asksNotBoughtYet('clientes que no han comprado este mes', { from: '2024-12-01', to: '2024-12-31', label: 'este mes' }, '2024-12-31'); // true
 * asksNotBoughtYet('clientes que no compraron en marzo', undefined, '2024-12-31'); // false
 */
export function asksNotBoughtYet(
  text: string,
  period: ChatPeriod | undefined,
  lastDay: string | null,
): boolean {
  if (!NOT_YET.test(text)) return false;
  return period === undefined || (lastDay !== null && period.to >= lastDay);
}
