import path from 'node:path';
import type { Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatInstant, formatNumber, say } from '../format.ts';
import type { IngestionRecord } from '../../store/raw-store.ts';
import { noTransactions, table } from './answers.ts';
import { batchToTell, laterAttemptData, laterAttemptSentence } from './batch-to-tell.ts';
import type { Tool } from './toolbox.ts';

/** The transactions' span and size, and the master tables' sizes. */
interface Coverage {
  readonly first: string;
  readonly last: string;
  readonly days: number;
  readonly lines: number;
  readonly orders: number;
  readonly buyers: number;
  readonly sold: number;
  readonly customers: number;
  readonly products: number;
  readonly returns: number;
}

/**
 * What data there is: the first and last day of transactions (the last one is what "last week"
 * counts back from), how many lines, orders, customers and products they hold against the
 * customer and product masters, and the last batch loaded when the ingestion log is readable. A
 * data team asks it before trusting any other answer, a sales rep to know how fresh figures are.
 */
export const dataCoverageTool: Tool = async (box, req) => {
  const { lang } = req;
  const [r] = await box.data.query(
    `SELECT min(purchase_date)::DATE::VARCHAR AS first, max(purchase_date)::DATE::VARCHAR AS last,
            count(DISTINCT purchase_date::DATE)::DOUBLE AS days, count(*)::DOUBLE AS lines,
            count(DISTINCT order_id)::DOUBLE AS orders, count(DISTINCT customer_id)::DOUBLE AS buyers,
            count(DISTINCT product_id)::DOUBLE AS sold, count(*) FILTER (WHERE items < 0)::DOUBLE AS returns,
            (SELECT count(*) FROM customers)::DOUBLE AS customers,
            (SELECT count(*) FROM products)::DOUBLE AS products
     FROM transactions`,
  );
  if (!r || r.first === null || r.first === undefined) return noTransactions(lang);
  const c: Coverage = {
    first: String(r.first),
    last: String(r.last),
    days: Number(r.days),
    lines: Number(r.lines),
    orders: Number(r.orders),
    buyers: Number(r.buyers),
    sold: Number(r.sold),
    customers: Number(r.customers),
    products: Number(r.products),
    returns: Number(r.returns),
  };
  // The log is optional (a server without the catalog's ingestion log still knows its data).
  // The last batch that landed, and a rejected file after it (a rejection must not hide the data).
  const told = await batchToTell(box, 'ingested');
  const batch = told?.batch;
  const later = told?.later;
  const n = (v: number) => formatNumber(v, lang);
  const text =
    say(
      lang,
      `Hay datos de ventas del ${formatDay(c.first, lang)} al ${formatDay(c.last, lang)} (último día con datos: ${formatDay(c.last, lang)}; ${countOf(c.days, lang, NOUN.day)} con ventas): ${countOf(c.lines, lang, NOUN.line)} de transacciones (${n(c.returns)} de ellas devoluciones) en ${countOf(c.orders, lang, NOUN.order)}, de ${n(c.buyers)} de los ${countOf(c.customers, lang, NOUN.customer)} registrados y ${n(c.sold)} de los ${countOf(c.products, lang, NOUN.product)} del catálogo.`,
      `There is sales data from ${formatDay(c.first, lang)} to ${formatDay(c.last, lang)} (last day with data: ${formatDay(c.last, lang)}; ${countOf(c.days, lang, NOUN.day)} with sales): ${countOf(c.lines, lang, NOUN.line)} of transactions (${n(c.returns)} of them returns) in ${countOf(c.orders, lang, NOUN.order)}, from ${n(c.buyers)} of the ${countOf(c.customers, lang, NOUN.customer)} registered and ${n(c.sold)} of the ${countOf(c.products, lang, NOUN.product)} in the catalogue.`,
    ) +
    (batch ? ` ${batchSentence(batch, lang)}` : '') +
    (later ? ` ${laterAttemptSentence(later, lang)}` : '');
  const row = (es: string, en: string, value: string) => [say(lang, es, en), value];
  return {
    text,
    answered: true,
    basedOn: [
      say(
        lang,
        'tablas de transacciones, clientes y productos',
        'transactions, customers and products tables',
      ),
      ...(batch ? [say(lang, 'registro de ingestas', 'ingestion log')] : []),
    ],
    table: table(
      [
        ['', false],
        [say(lang, 'Valor', 'Value'), true],
      ],
      [
        row('Primer día', 'First day', formatDay(c.first, lang)),
        row('Último día', 'Last day', formatDay(c.last, lang)),
        row('Días con ventas', 'Days with sales', n(c.days)),
        row('Líneas de transacciones', 'Transaction lines', n(c.lines)),
        row('Pedidos', 'Orders', n(c.orders)),
        row('Clientes con compras', 'Customers with purchases', n(c.buyers)),
        row('Clientes registrados', 'Registered customers', n(c.customers)),
        row('Productos vendidos', 'Products sold', n(c.sold)),
        row('Productos del catálogo', 'Products in the catalogue', n(c.products)),
      ],
    ),
    data: {
      first_day: c.first,
      last_day: c.last,
      days: c.days,
      lines: c.lines,
      orders: c.orders,
      returns: c.returns,
      customers_with_purchases: c.buyers,
      customers: c.customers,
      products_sold: c.sold,
      products: c.products,
      ...(batch ? { last_batch: { batch_id: batch.batchId, finished_at: batch.finishedAt } } : {}),
      ...(later ? { later_batch: laterAttemptData(later) } : {}),
    },
  };
};

/** "El último lote cargado (b-3, archivo x.parquet) entró el …, con 1.200 filas aceptadas." */
function batchSentence(b: IngestionRecord, lang: Lang): string {
  const when = formatInstant(new Date(b.finishedAt), lang);
  const file = path.basename(b.file);
  const span = b.dateMin
    ? say(lang, `, del ${b.dateMin} al ${b.dateMax}`, `, ${b.dateMin} to ${b.dateMax}`)
    : '';
  return b.outcome === 'ingested'
    ? say(
        lang,
        `El último lote cargado (${b.batchId}, archivo ${file}${span}) entró el ${when}, con ${countOf(b.rowsAccepted, lang, NOUN.row)} ${agree(b.rowsAccepted, ['aceptada', 'aceptadas'])}.`,
        `The last batch loaded (${b.batchId}, file ${file}${span}) came in on ${when}, with ${countOf(b.rowsAccepted, lang, NOUN.row)} accepted.`,
      )
    : say(
        lang,
        `El último lote (${b.batchId}, archivo ${file}) fue rechazado el ${when}.`,
        `The last batch (${b.batchId}, file ${file}) was rejected on ${when}.`,
      );
}
