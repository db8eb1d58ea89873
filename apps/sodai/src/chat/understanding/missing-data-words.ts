/**
 * What the platform's data does not hold, by kind, and how a salesperson asks for it. The data is
 * customers, products and units sold: no money at all (prices, costs, margins, revenue), no stock,
 * no promotions. Each entry is a regular-expression fragment over normalized text, matched on
 * word boundaries.
 */
export const MISSING_DATA_WORDS = {
  price: [
    'precios?',
    'prices?',
    'pricing',
    'priced',
    'cuesta\\w*',
    'cuestan',
    'cuanto (?:vale|valen|sale|salen) (?:el|la|los|las|un|una|cada)',
    'how much (?:is|are|does|do)(?: the)?(?: product| item)? \\d+',
    'tarifas?',
    'lista de precios',
    'price list',
  ],
  cost: ['costos?', 'costes?', 'costs?', 'costing'],
  margin: [
    'margen(?:es)?',
    'margins?',
    'markups?',
    'rentab\\w*',
    'profit\\w*',
    // Plain words here also join the speller's lexicon: none may sit one edit from a common word
    // ("on hand" turned "and" into "hand"; "plata" is one from "lata").
    'ganancias?',
    // "¿Cuánto ganamos?" is profit; "¿cuántos clientes ganamos?" new customers.
    'cuanto (?:ganamos|gano|ganan|gana)',
    'utilidad(?:es)?',
    'beneficios?',
    'earnings',
    'earn(?:ed|s)?',
    'make (?:money|a profit)',
  ],
  revenue: [
    'factur\\w*',
    'revenues?',
    'ingresos?',
    'turnover',
    'dinero',
    'pesos',
    'dolares',
    'dollars?',
    'money',
    'montos?',
    'valor (?:de (?:las|la) )?ventas?',
    'sales value',
    'value of (?:the )?sales',
    '(?:ventas|sales) en (?:pesos|dinero|plata|dolares)',
  ],
  // "Dead stock" is slow products, not the stock the data lacks.
  stock: [
    '(?<!dead )stock',
    'inventario\\w*',
    'inventor\\w*',
    'existencias',
    'quiebres?',
    'out of stock',
    'sin stock',
    'warehouse',
  ],
  promotion: ['descuentos?', 'discounts?', 'promociones', 'promocion', 'promos?', 'promotions?'],
  // Who made each sale: "ventas por vendedor", "which sales rep sold most". "Top sellers" are
  // products, so "sellers" alone is not here.
  seller: [
    'vendedor(?:es|a|as)?',
    'preventistas?',
    'ejecutiv[oa]s? de ventas?',
    'sales ?(?:reps?|representatives?|people|persons?|man|men|woman|women|agents?|force)',
    'salesperson',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A kind of data the platform does not have. */
export type MissingData = keyof typeof MISSING_DATA_WORDS;

const MISSING_RE = Object.entries(MISSING_DATA_WORDS).map(
  ([kind, words]) => [kind as MissingData, new RegExp(`\\b(?:${words.join('|')})\\b`)] as const,
);

/**
 * The gate's margin ("what was the margin of the gate?", "¿por cuánto margen le ganó el modelo a
 * la regla?") is an F1 difference the pipeline has, not a profit margin.
 */
const MODEL_MARGIN =
  /\b(?:gate|compuerta|f1|modelo|model|reglas?|rules?|baselines?|campeon|champion|challenger|retador)\b/;

/** Any missing data asked, as one pattern (to find where in a question it is asked). */
export const MISSING_DATA_RE = new RegExp(`\\b(?:${Object.values(MISSING_DATA_WORDS).flat().join('|')})\\b`);

/**
 * The kinds of missing data a normalized question asks for, in the order of `MISSING_DATA_WORDS`.
 *
 * @example
 * missingDataAsked('cuanto margen deja el 20001'); // ['margin']
 * missingDataAsked('top products by revenue and stock'); // ['revenue', 'stock']
 */
export function missingDataAsked(text: string): MissingData[] {
  return MISSING_RE.filter(
    ([kind, re]) => re.test(text) && !(kind === 'margin' && MODEL_MARGIN.test(text)),
  ).map(([kind]) => kind);
}

/**
 * Spending said of buying ("¿cuánto gastó el 1002?", "how much did 1002 spend?"): answered in units,
 * the only measure the data has, and said so.
 */
const SPENDING = /\b(?:gast\w*|spent|spend\w*|dinero|plata|money)\b/;

/** Whether a question asks about spending (normalized text). */
export function asksSpending(text: string): boolean {
  return SPENDING.test(text);
}
