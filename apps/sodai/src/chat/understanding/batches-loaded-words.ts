/** Batches as several things ("lotes", "archivos", "cargas", "batches", "files", "uploads"). */
const BATCHES = /\b(?:lotes|archivos|ficheros|cargas|ingestas|batches|files|uploads|loads|ingestions)\b/;

/** A count or a list asked for. */
const COUNT_OR_LIST =
  /\b(?:cuant[oa]s|how many|number of|numero de|cantidad de|que|cuales|which|what|list\w*|lista\w*|muestr\w*|show|dame|give me)\b/;

/** Rows of a batch ("¿cuántas filas tenía?") are the last batch's, not batches counted. */
const ROWS = /\b(?:filas?|rows?|registros?|lineas?|lines?)\b/;

/** "Desde el 1 de noviembre", "since Nov 10", "a partir del lunes", "after the 5th". */
const SINCE = /\b(?:desde|since|a partir del?|after|despues del?|from)\b/;

/**
 * Whether a question about the data batches asks for the batches of a time ("¿cuántos lotes se
 * cargaron este mes?", "batches loaded since Nov 1", "qué archivos llegaron la semana pasada"), not
 * for the last batch or its rows. `namesPeriod`: the question names a time.
 *
 * @example
 * asksBatchesLoaded('cuantos lotes se cargaron este mes', true); // true
 * asksBatchesLoaded('cuando llego el ultimo lote', false); // false
 */
export function asksBatchesLoaded(text: string, namesPeriod: boolean): boolean {
  if (!BATCHES.test(text) || ROWS.test(text)) return false;
  return namesPeriod || COUNT_OR_LIST.test(text) || SINCE.test(text);
}
