import { agree, countOf, NOUN } from '../count-words.ts';
import { formatNumber, formatPercent, say } from '../format.ts';
import { noTransactions, unknownProduct } from './answers.ts';
import {
  describeFilters,
  describePeriod,
  FROM,
  joinFiltersAndIds,
  ofSubject,
  periodOrWeeks,
} from './filters.ts';
import type { Tool } from './toolbox.ts';

/** Weeks looked at unless a period is named: a quarter, long enough to buy a product twice. */
const REPEAT_WEEKS = 12;

/**
 * The repeat purchase rate of a product (or brand, package … or all sales): of the customers who
 * bought it in the period (default the last {@link REPEAT_WEEKS} weeks), how many bought it on two
 * or more different days. Days, not order ids: two orders of one day are one visit.
 */
export const repeatRateTool: Tool = async (box, req) => {
  const { lang, vocab, entities } = req;
  const product = entities.product_id;
  if (product !== undefined && (req.productText || !vocab.productIds.has(product)))
    return unknownProduct(req.productText ?? String(product), lang);
  const period = periodOrWeeks(req, REPEAT_WEEKS);
  if (!period) return noTransactions(lang);
  const { customer_id: _one, ...scope } = entities;
  const f = joinFiltersAndIds({ ...scope, period });
  const [r] = await box.data.query(
    `WITH b AS (
       SELECT t.customer_id, count(DISTINCT t.purchase_date) AS days, count(DISTINCT t.order_id) AS orders
       FROM ${FROM} WHERE ${f.where} AND t.items > 0 GROUP BY t.customer_id)
     SELECT count(*)::DOUBLE AS buyers, count(*) FILTER (WHERE days >= 2)::DOUBLE AS repeaters,
            coalesce(avg(days), 0)::DOUBLE AS days_each, coalesce(sum(orders), 0)::DOUBLE AS orders
     FROM b`,
    f.params,
  );
  const buyers = Number(r!.buyers);
  const repeaters = Number(r!.repeaters);
  const rate = buyers > 0 ? repeaters / buyers : 0;
  const of = ofSubject(scope, lang);
  const when = describePeriod(period, lang);
  const basedOn = [
    when,
    ...describeFilters(scope, lang),
    say(
      lang,
      'recompra: compró en dos días distintos o más del período',
      'repeat: bought on two or more different days of the period',
    ),
  ];
  if (buyers === 0)
    return {
      text: say(lang, `Nadie compró${of} ${when}.`, `No one bought${of} ${when}.`),
      answered: true,
      basedOn,
      data: { period, buyers: 0, repeat_buyers: 0, repeat_rate: null },
    };
  const daysEach = formatNumber(Number(r!.days_each), lang, 1);
  const text = say(
    lang,
    `Tasa de recompra${of} ${when}: ${formatPercent(rate, lang)}. De ${countOf(buyers, lang, NOUN.customer)} que lo compraron, ${formatNumber(repeaters, lang)} lo ${agree(repeaters, ['compró', 'compraron'])} en dos días distintos o más; en promedio ${daysEach} días de compra por cliente.`,
    `Repeat purchase rate${of} ${when}: ${formatPercent(rate, lang)}. Of ${countOf(buyers, lang, NOUN.customer)} who bought it, ${formatNumber(repeaters, lang)} bought it on two or more different days; ${daysEach} buying days per customer on average.`,
  );
  return {
    text,
    answered: true,
    basedOn,
    data: {
      period,
      buyers,
      repeat_buyers: repeaters,
      repeat_rate: rate,
      orders: Number(r!.orders),
      days_per_buyer: Number(r!.days_each),
    },
  };
};
