import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import {
  against,
  capitalize,
  customerTypeWords,
  formatNumber,
  formatPercent,
  productDescription,
  say,
} from '../format.ts';
import type { Compared } from '../understanding/comparison.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { noTransactions, table, unknownCustomer, unknownProduct } from './answers.ts';
import { describePeriod, periodOr4Weeks } from './filters.ts';
import { periodFigures, type PeriodFigures } from './period-figures.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool, ToolAnswer, ToolRequest } from './toolbox.ts';

/** One of the two compared: who or what it is, its figures in the period and the period before. */
interface Side {
  readonly id: number | string;
  /** "producto 1370 (Brand 7, lata 0,35 L)", "cliente 100026 (mayorista)", "marca Brand 7". */
  readonly label: string;
  /** How the verdict names it: "el 1370" / "1370", "la marca Brand 7" / "brand Brand 7". */
  readonly short: { readonly es: string; readonly en: string };
  readonly now: PeriodFigures;
  readonly before: PeriodFigures;
}

/** "de" joined with the article that follows: "del 1370", "de la marca Brand 7". */
const of = (named: string) => (named.startsWith('el ') ? `del ${named.slice(3)}` : `de ${named}`);

/** Units' change against the period before: "+12,5 %", "−3 %", or "—" with nothing before. */
function trend(s: Side, lang: Lang): string {
  if (s.before.units <= 0) return '—';
  const c = s.now.units / s.before.units - 1;
  return `${c > 0 ? '+' : ''}${formatPercent(c, lang)}`;
}

async function labelOf(box: Parameters<Tool>[0], side: Compared['side'], id: number | string, lang: Lang) {
  if (side === 'brands') return say(lang, `marca ${id}`, `brand ${id}`);
  if (side === 'products') {
    const [r] = await box.data.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE product_id = $1`, [id]);
    return (
      say(lang, `producto ${id}`, `product ${id}`) +
      (r ? ` (${productDescription(attributesOf(r), lang)})` : '')
    );
  }
  const [r] = await box.data.query('SELECT customer_type FROM customers WHERE customer_id = $1', [id]);
  const type = (r?.customer_type as string | null | undefined) ?? null;
  return (
    say(lang, `cliente ${id}`, `customer ${id}`) + (type ? ` (${customerTypeWords(type, lang, false)})` : '')
  );
}

/**
 * Two products or two customers side by side ("compare product 1370 and 11262", "¿qué se vende más,
 * el 1370 o el 11262?", "compara los clientes 100026 y 100010"): units, orders and buyers of each in
 * the period asked (default the last four weeks), and their trend against the period before, each
 * from the period figures every total uses; then which sold (or bought) more, and by how much.
 */
export function sideBySideTool(compared: Compared): Tool {
  return async (box, req) => {
    const { lang, vocab } = req;
    // Brands were found among the catalogue's names; ids may be unknown.
    if (compared.side !== 'brands') {
      const products = compared.side === 'products';
      const unknown = compared.ids.find((id) => !(products ? vocab.productIds : vocab.customerIds).has(id));
      if (unknown !== undefined)
        return products
          ? unknownProduct(String(unknown), lang)
          : unknownCustomer(String(unknown), lang, vocab.lastDay);
    }
    const period = periodOr4Weeks(req);
    if (!period) return noTransactions(lang);
    const before = previousPeriod(period, lang);
    const key = KEY_OF[compared.side];
    const { product_id: _p, customer_id: _c, brand: _b, ...filters } = req.entities;
    const sides: Side[] = [];
    for (const id of compared.ids) {
      const scope = { ...filters, [key]: id };
      sides.push({
        id,
        label: await labelOf(box, compared.side, id, lang),
        short:
          compared.side === 'brands'
            ? { es: `la marca ${id}`, en: `brand ${id}` }
            : { es: `el ${id}`, en: String(id) },
        now: await periodFigures(box, scope, period),
        before: await periodFigures(box, scope, before),
      });
    }
    return sideBySide(compared, sides as [Side, Side], period, before, req);
  };
}

/** The entity each side of a comparison narrows the figures by. */
const KEY_OF = { products: 'product_id', customers: 'customer_id', brands: 'brand' } as const;

function sideBySide(
  compared: Compared,
  [a, b]: readonly [Side, Side],
  period: ChatPeriod,
  before: ChatPeriod,
  req: ToolRequest,
): ToolAnswer {
  const { lang } = req;
  // Brands are sold like products: their units, buyers and orders.
  const products = compared.side !== 'customers';
  const article = compared.side === 'brands' ? 'la' : 'el';
  const one = (s: Side) =>
    products
      ? say(
          lang,
          `${article} ${s.label} vendió ${countOf(s.now.units, lang, NOUN.unit)} a ${countOf(s.now.customers, lang, NOUN.customer)} en ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s, lang)} ${against(before.label, lang)})`,
          `${s.label} sold ${countOf(s.now.units, lang, NOUN.unit)} to ${countOf(s.now.customers, lang, NOUN.customer)} in ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s, lang)} ${against(before.label, lang)})`,
        )
      : say(
          lang,
          `el ${s.label} compró ${countOf(s.now.units, lang, NOUN.unit)} en ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s, lang)} ${against(before.label, lang)})`,
          `${s.label} bought ${countOf(s.now.units, lang, NOUN.unit)} in ${countOf(s.now.orders, lang, NOUN.order)} (${trend(s, lang)} ${against(before.label, lang)})`,
        );
  const [more, less] = a.now.units >= b.now.units ? [a, b] : [b, a];
  const verb = products ? say(lang, 'vendió', 'sold') : say(lang, 'compró', 'bought');
  const verdict =
    a.now.units === b.now.units
      ? say(lang, 'Los dos quedan iguales en unidades.', 'Both are level in units.')
      : less.now.units > 0
        ? say(
            lang,
            `${capitalize(verb)} más ${more.short.es}: ${formatNumber(more.now.units / less.now.units, lang, 1)} veces las unidades ${of(less.short.es)}.`,
            `${capitalize(more.short.en)} ${verb} more: ${formatNumber(more.now.units / less.now.units, lang, 1)} times the units of ${less.short.en}.`,
          )
        : say(lang, `Solo ${more.short.es} tuvo unidades.`, `Only ${more.short.en} had any units.`);
  const when = describePeriod(period, lang);
  const head = say(lang, `${capitalize(when)}: `, `${capitalize(when)}: `);
  const rows: (readonly [string, (s: Side) => string])[] = [
    [say(lang, 'Unidades', 'Units'), (s) => formatNumber(s.now.units, lang)],
    [say(lang, 'Pedidos', 'Orders'), (s) => formatNumber(s.now.orders, lang)],
    ...(products
      ? ([[say(lang, 'Clientes', 'Customers'), (s: Side) => formatNumber(s.now.customers, lang)]] as const)
      : []),
    [
      say(lang, `Unidades ${before.label}`, `Units ${before.label}`),
      (s) => formatNumber(s.before.units, lang),
    ],
    [say(lang, 'Tendencia', 'Trend'), (s) => trend(s, lang)],
  ];
  const figures = (s: Side) => ({ id: s.id, ...s.now, units_before: s.before.units });
  return {
    text: `${head}${one(a)}; ${one(b)}. ${verdict}`,
    answered: true,
    basedOn: [
      when,
      describePeriod(before, lang),
      say(lang, 'unidades netas de devoluciones', 'units net of returns'),
    ],
    table: table(
      [
        ['', false],
        [String(a.id), true],
        [String(b.id), true],
      ],
      rows.map(([name, cell]) => [name, cell(a), cell(b)]),
    ),
    chart: {
      kind: 'bar',
      title: say(lang, `Unidades, ${when}`, `Units, ${when}`),
      labels: [String(a.id), String(b.id)],
      series: [{ name: say(lang, 'unidades', 'units'), values: [a.now.units, b.now.units] }],
    },
    data: { compared: compared.side, period, previous_period: before, items: [figures(a), figures(b)] },
    ...(compared.side === 'products'
      ? { products: [Number(a.id), Number(b.id)] }
      : compared.side === 'customers'
        ? { customers: [Number(a.id), Number(b.id)] }
        : {}),
  };
}
