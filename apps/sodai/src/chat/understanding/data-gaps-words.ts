import { GROUP_RE } from './intent-words.ts';

/**
 * A hole in the data: "missing", "skipped", "faltan", "gaps", "huecos", "sin datos", "no data",
 * "no tienen datos" … over normalized, spell-corrected text.
 */
const GAP =
  /\b(?:missing|lacking|skipped|omitted|falta\w*|saltad[oa]s?|omitid[oa]s?|gaps?|holes?|huecos?|vacios?|lagunas?|saltos?|sin cargar|not loaded|(?:sin|without|with no|no|zero) (?:datos|data|ventas|sales|registros|records|transacciones|transactions)|no (?:tienen|tiene|hay|have|has) (?:datos|data|ventas|sales|registros|records))\b/;

/** Spans of days the data is kept in: weeks, days, months, dates. */
const SPAN = /\b(?:semanas?|weeks?|dias?|days?|meses|mes|months?|fechas?|dates?|periodos?|periods?)\b/;

/** The data itself, named as a whole. */
const DATA_NOUN = /\b(?:datos|data|dataset|registros|records|transacciones|transactions|ventas|sales)\b/;

/** A noun that is a hole by itself: "¿hay huecos en los datos?", "any gaps in the data?". */
const HOLE = /\b(?:gaps?|holes?|huecos?|vacios?|lagunas?|saltos?)\b/;

/** A span said missing with no word for the data: "is any week missing?", "¿falta alguna semana?". */
const SPAN_MISSING =
  /\b(?:missing|falta|faltan|faltantes?) (?:\w+ )?(?:semanas?|weeks?|dias?|days?|meses|months?)\b|\b(?:semanas?|weeks?|dias?|days?|meses|months?) (?:\w+ )?(?:missing|faltan|faltantes?)\b/;

/**
 * Whether a question asks which weeks or days the data lacks ("is data missing for any week?",
 * "¿hay semanas sin ventas?", "¿hay huecos en los datos?"): a hole and a span of days, or a hole
 * in the data named as such. Not a customer's or product's weeks ("¿qué semanas no compró el
 * 1002?", "clientes sin ventas esta semana"), nor a kind of product's ("semanas sin ventas de
 * latas"), nor data the platform never held ("what data is missing?" names no span).
 *
 * @example
 * asksDataGaps('is data missing for any week', false); // true
 * asksDataGaps('what data is missing', false); // false
 */
export function asksDataGaps(text: string, namesSomething: boolean): boolean {
  if (namesSomething || GROUP_RE.customer.test(text) || GROUP_RE.product.test(text)) return false;
  if (SPAN_MISSING.test(text)) return true;
  if (!GAP.test(text) || !DATA_NOUN.test(text)) return false;
  return SPAN.test(text) || HOLE.test(text);
}
