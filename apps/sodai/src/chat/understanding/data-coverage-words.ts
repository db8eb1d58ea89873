/**
 * Asking what data there is and which days it covers ("what data do we have?", "¿hasta qué fecha
 * hay datos?", "¿desde cuándo hay datos?", "date range of the data"), over normalized,
 * spell-corrected text. A question about the data as a whole, not about a customer or product.
 */

/** The data itself, named as a whole. */
const DATA_NOUN =
  /\b(?:datos|data|dataset|informacion|registros|records|historia|historial|history|transacciones|transactions|ventas|sales)\b/;

/**
 * What is asked about the data: its days (until or since when, its first or last day, its range,
 * what it covers, how recent it is) or what it holds ("qué datos hay", "what data do we have").
 */
const COVERAGE = new RegExp(
  `\\b(?:${[
    'hasta (?:que|cuando|donde)(?: (?:fecha|dia|mes|semana))?',
    'desde (?:que|cuando)(?: (?:fecha|dia|mes|semana))?',
    '(?:until|till|through|up to|since|from) (?:when|what|which)(?: (?:date|day|month|week))?',
    '(?:what|which) (?:dates?|days?|period|periods|range|time ?span|time ?frame)',
    'que (?:fechas?|periodos?|rango|dias)',
    '(?:date|time|data) (?:range|span|coverage)',
    'rango de (?:fechas|datos)',
    '(?:cubren?|abarcan?|covers?|covered|span|spans)',
    'how (?:recent|old|far back|current|fresh|much data|many days|many weeks|many months)',
    'que tan (?:recientes?|actuales?|antiguos?|atras)',
    '(?:ultim[oa]|primer[oa]?|last|latest|first|earliest|most recent) (?:fecha|dia|date|day)',
    '(?:fecha|dia|date|day) (?:mas (?:reciente|antigu[oa])|(?:de )?(?:inicio|fin|corte))',
    // "When does the sales data end?", "¿cuándo terminan los datos?" (not "when did sales start to grow").
    '(?:data|datos|dataset|records|registros|ventas|sales|history|historial) (?:starts?|ends?|begins?|stops?|empiezan|terminan|comienzan|arrancan|llegan)(?! (?:to|a|de|growing|falling))',
    '(?:empiezan|terminan|comienzan|arrancan|llegan) (?:los )?(?:datos|registros|ventas)',
    '(?:start|end|beginning) (?:of|date of) (?:the )?(?:data|records|sales)',
    '(?:what|which|que|cuales|cuantos) (?:\\w+ )?(?:datos|data)',
    'cuanta (?:informacion|historia)',
  ].join('|')})\\b`,
);

/** "What data is missing?", "¿qué datos faltan?": what the data lacks, which the missing-data answer says. */
const LACKING = /\b(?:missing|lacking|falta\w*|no (?:hay|tenemos|tienes|tiene)|don ?t (?:we )?have)\b/;

/** "¿Cuántos datos se pusieron en cuarentena?": the rows set aside, which the last batch's report gives. */
const SET_ASIDE = /\b(?:cuarentena|quarantin\w*|rechaz\w*|rejected|refused)\b/;

/**
 * Whether a question asks what data there is or which days it covers: a word for the data and one
 * for its span or contents, with no customer or product named ("¿qué datos tienes del cliente
 * 1002?" is that customer's).
 *
 * @example
 * asksDataCoverage('hasta que fecha hay datos', false); // true
 * asksDataCoverage('ventas de la semana pasada', false); // false
 */
export function asksDataCoverage(text: string, namesCustomerOrProduct: boolean): boolean {
  return (
    !namesCustomerOrProduct &&
    !LACKING.test(text) &&
    !SET_ASIDE.test(text) &&
    DATA_NOUN.test(text) &&
    COVERAGE.test(text)
  );
}
