import type { ChatChart, ChatTable, Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { ToolAnswer } from './toolbox.ts';

/** A table from headers (with a numeric flag each) and formatted rows. */
export function table(
  columns: readonly (readonly [string, boolean])[],
  rows: readonly (readonly string[])[],
): ChatTable {
  return {
    columns: columns.map((c) => c[0]),
    numeric: columns.map((c) => c[1]),
    rows: rows.map((r) => [...r]),
  };
}

/**
 * A ranking's table: a "#" column, then `columns`, a row of `cells` for each of `rows`. The numbers
 * go on from `offset`, so "show more" continues the ranking rather than starting at 1 again.
 */
export function rankedTable<R>(
  offset: number,
  columns: readonly (readonly [string, boolean])[],
  rows: readonly R[],
  cells: (row: R) => readonly string[],
): ChatTable {
  return table(
    [['#', true], ...columns],
    rows.map((r, i) => [String(offset + i + 1), ...cells(r)]),
  );
}

/** The columns many answers share, named once so every table says them alike: es, en, numeric. */
const COLUMNS = {
  customer: ['Cliente', 'Customer', true],
  type: ['Tipo', 'Type', false],
  product: ['Producto', 'Product', true],
  description: ['Descripción', 'Description', false],
  units: ['Unidades', 'Units', true],
  customers: ['Clientes', 'Customers', true],
  orders: ['Pedidos', 'Orders', true],
  share: ['Participación', 'Share', true],
  lastPurchase: ['Última compra', 'Last purchase', false],
} as const;

/** A shared column's header in `lang`, with its numeric flag, for {@link table} and {@link rankedTable}. */
export function column(name: keyof typeof COLUMNS, lang: Lang): readonly [string, boolean] {
  const [es, en, numeric] = COLUMNS[name];
  return [say(lang, es, en), numeric];
}

/** A bar chart of each row's units, titled "Units by <by>, <when>" (`by` in the asked language). */
export function unitsChart<R extends { readonly units?: unknown }>(
  by: string,
  when: string,
  rows: readonly R[],
  label: (row: R) => string,
  lang: Lang,
): ChatChart {
  return {
    kind: 'bar',
    title: say(lang, `Unidades por ${by}, ${when}`, `Units by ${by}, ${when}`),
    labels: rows.map(label),
    series: [{ name: say(lang, 'unidades', 'units'), values: rows.map((r) => Number(r.units)) }],
  };
}

/** How the answers that count units say what they counted (a "based on" line). */
export function netUnits(side: 'sold' | 'bought', lang: Lang): string {
  return side === 'sold'
    ? say(lang, 'unidades vendidas (devoluciones descontadas)', 'units sold (returns deducted)')
    : say(lang, 'unidades compradas (devoluciones descontadas)', 'units bought (returns deducted)');
}

/** An honest "I cannot answer that" with what can be asked instead. */
export function notAnswered(
  text: string,
  suggestions: readonly string[],
  data: Record<string, unknown> = {},
): ToolAnswer {
  return { text, answered: false, basedOn: [], data, suggestions };
}

/** What a tool that counts over the data says before any transaction has been loaded. */
export function noTransactions(lang: Lang): ToolAnswer {
  return {
    text: say(lang, 'Aún no hay transacciones.', 'There are no transactions yet.'),
    answered: false,
    basedOn: [],
    data: {},
  };
}

export function unknownCustomer(id: string, lang: Lang, lastDay: string | null): ToolAnswer {
  return notAnswered(
    say(
      lang,
      `No conozco al cliente ${id}: no está en el maestro de clientes${lastDay ? ` (datos hasta el ${lastDay})` : ''}. Revise el número o pregunte, por ejemplo, "¿cuántos clientes tipo restaurante hay?".`,
      `I do not know customer ${id}: it is not in the customer master${lastDay ? ` (data up to ${lastDay})` : ''}. Check the number, or ask for example "how many restaurant customers are there?".`,
    ),
    [],
    { customer: id, known: false },
  );
}

export function unknownProduct(id: string, lang: Lang): ToolAnswer {
  return notAnswered(
    say(
      lang,
      `No conozco el producto ${id}: no está en el catálogo. Pruebe con "¿cuáles fueron los productos más vendidos la semana pasada?".`,
      `I do not know product ${id}: it is not in the catalogue. Try "which products sold the most last week?".`,
    ),
    [],
    { product: id, known: false },
  );
}

export function needsCustomer(lang: Lang): ToolAnswer {
  return notAnswered(
    say(
      lang,
      '¿De qué cliente? Dígame su número, por ejemplo "¿qué le ofrezco al cliente 100001?".',
      'Which customer? Tell me their number, for example "what should I offer customer 100001?".',
    ),
    [],
  );
}

export function needsProduct(lang: Lang): ToolAnswer {
  return notAnswered(
    say(
      lang,
      '¿De qué producto? Dígame su código, por ejemplo "¿qué clientes comprarán el producto 20001 la próxima semana?".',
      'Which product? Tell me its code, for example "which customers will buy product 20001 next week?".',
    ),
    [],
  );
}

export function noModel(lang: Lang, reason: string): ToolAnswer {
  return notAnswered(
    say(
      lang,
      `Todavía no hay un modelo sirviendo predicciones (${reason}). Puedo responder preguntas sobre el historial de ventas mientras tanto.`,
      `No model is serving predictions yet (${reason}). I can answer questions about sales history meanwhile.`,
    ),
    [],
  );
}

/** What a pipeline question gets from a server that cannot read the run store. */
export const noPipelineAccess = (lang: Lang): ToolAnswer =>
  notAnswered(
    say(
      lang,
      'Este servidor no tiene acceso a las corridas del pipeline.',
      'This server has no access to pipeline runs.',
    ),
    [],
  );
