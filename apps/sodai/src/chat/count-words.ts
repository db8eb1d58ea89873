import type { Lang } from '../contract/api.ts';
import { formatNumber } from './format.ts';

/** A word or phrase as it goes with one and with any other count. */
export type Forms = readonly [one: string, many: string];

/** A noun (or a phrase that agrees with a count) in both languages. */
export interface Noun {
  readonly es: Forms;
  readonly en: Forms;
}

/** The nouns the answers count. */
export const NOUN = {
  product: { es: ['producto', 'productos'], en: ['product', 'products'] },
  differentProduct: {
    es: ['producto distinto', 'productos distintos'],
    en: ['different product', 'different products'],
  },
  customer: { es: ['cliente', 'clientes'], en: ['customer', 'customers'] },
  order: { es: ['pedido', 'pedidos'], en: ['order', 'orders'] },
  line: { es: ['línea', 'líneas'], en: ['line', 'lines'] },
  unit: { es: ['unidad', 'unidades'], en: ['unit', 'units'] },
  litre: { es: ['litro', 'litros'], en: ['litre', 'litres'] },
  day: { es: ['día', 'días'], en: ['day', 'days'] },
  differentDay: { es: ['día distinto', 'días distintos'], en: ['different day', 'different days'] },
  week: { es: ['semana', 'semanas'], en: ['week', 'weeks'] },
  month: { es: ['mes', 'meses'], en: ['month', 'months'] },
  brand: { es: ['marca', 'marcas'], en: ['brand', 'brands'] },
  row: { es: ['fila', 'filas'], en: ['row', 'rows'] },
  version: { es: ['versión', 'versiones'], en: ['version', 'versions'] },
  run: { es: ['corrida', 'corridas'], en: ['run', 'runs'] },
  task: { es: ['tarea', 'tareas'], en: ['task', 'tasks'] },
  pair: { es: ['par', 'pares'], en: ['pair', 'pairs'] },
  prediction: { es: ['predicción', 'predicciones'], en: ['prediction', 'predictions'] },
  batch: { es: ['lote', 'lotes'], en: ['batch', 'batches'] },
} as const satisfies Record<string, Noun>;

/**
 * Whether a count reads as one as the answer writes it, with up to `maxDecimals` decimals: "1" is
 * one; "1,5", "0" and "-1" are not (Spanish and English both say "1,5 unidades", "0 units").
 */
export function isOne(value: number, maxDecimals = 0): boolean {
  return formatNumber(value, 'en', maxDecimals) === '1';
}

/**
 * The form of a phrase that agrees with a count: for verbs as well as nouns ("se vendió" / "se
 * vendieron", "has" / "have").
 *
 * @example
 * agree(1, ['se vendió', 'se vendieron']); // 'se vendió'
 */
export function agree(value: number, forms: Forms, maxDecimals = 0): string {
  return isOne(value, maxDecimals) ? forms[0] : forms[1];
}

/**
 * A count with its noun in agreement, the number in the reader's locale: every count an answer
 * words goes through here, so none says "1 productos".
 *
 * @example
 * countOf(1, 'es', NOUN.differentProduct); // '1 producto distinto'
 * countOf(15690, 'es', NOUN.unit); // '15.690 unidades'
 * countOf(2.5, 'en', NOUN.unit, 1); // '2.5 units'
 */
export function countOf(value: number, lang: Lang, noun: Noun, maxDecimals = 0): string {
  return `${formatNumber(value, lang, maxDecimals)} ${agree(value, noun[lang], maxDecimals)}`;
}
