import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, productDescription, productLabel, say } from '../format.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { catalogFilter, describeFilters, describePeriod, periodOrWeeks } from './filters.ts';
import { checkCustomer } from './history.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import { REGULAR_WEEKS, regularityRule } from './regular-buyers.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * "¿Qué productos compra el 181101 todas las semanas?", "which products does 1002 buy every week?":
 * the products one customer bought in most of the recent weeks, by the rule the regular buyers of a
 * product are found with (at least 6 of the last 8 weeks by default, three quarters of the weeks of
 * a period named), most weeks first, then most units. His top products by units would rank one big
 * order above a weekly habit, which is what a rep planning the next visit asks for.
 */
export const regularProductsTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const invalid = checkCustomer(req);
  if (invalid) return invalid;
  const id = req.entities.customer_id!;
  const asked = periodOrWeeks(req, REGULAR_WEEKS);
  const last = vocab.lastDay;
  if (!asked || !last) return noTransactions(lang);
  const period = asked.to > last ? { ...asked, to: last } : asked;
  const { weeks, needed, sentence: rule, basis, weeksColumn } = regularityRule(period, lang);
  // The customer fixes his type: a type named is no filter of his products.
  const products = { ...req.entities, customer_type: undefined, customer_id: undefined, period: undefined };
  const f = catalogFilter(products, 4);
  const k = rowsWanted(req.entities);
  const rows = await box.data.query(
    `WITH weekly AS (
       SELECT t.product_id, floor(date_diff('day', t.purchase_date, $3::DATE) / 7) AS week, sum(t.items) AS units
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.customer_id = $1 AND t.purchase_date >= $2::DATE AND t.purchase_date < $3::DATE + 1 AND ${f.where}
       GROUP BY 1, 2 HAVING sum(t.items) > 0)
     SELECT w.product_id::DOUBLE AS product, count(*)::DOUBLE AS weeks, sum(w.units)::DOUBLE AS units,
            ${PRODUCT_COLUMNS},
            count(*) OVER ()::DOUBLE AS found
     FROM weekly w JOIN products p USING (product_id)
     GROUP BY w.product_id HAVING count(*) >= ${needed}
     ORDER BY weeks DESC, units DESC, product LIMIT ${k} OFFSET ${req.offset}`,
    [id, period.from, period.to, ...f.params],
  );
  const found = Number(rows[0]?.found ?? 0);
  const when = describePeriod(period, lang);
  const filters = describeFilters(products, lang);
  const scope = filters.length ? ` (${filters.join(', ')})` : '';
  const line = (r: Row) =>
    say(
      lang,
      `${productLabel(Number(r.product), attributesOf(r), lang)}: ${formatNumber(Number(r.weeks), lang)} de ${formatNumber(weeks, lang)} semanas, ${countOf(Number(r.units), lang, NOUN.unit)}`,
      `${productLabel(Number(r.product), attributesOf(r), lang)}: ${formatNumber(Number(r.weeks), lang)} of ${formatNumber(weeks, lang)} weeks, ${countOf(Number(r.units), lang, NOUN.unit)}`,
    );
  const text =
    rows.length === 0
      ? say(
          lang,
          `El cliente ${id} no compró ningún producto${scope} en ${rule}.`,
          `Customer ${id} bought no product${scope} in ${rule}.`,
        )
      : say(
          lang,
          `El cliente ${id} compra con regularidad ${countOf(found, lang, NOUN.product)}${scope}, en ${rule}: ${rows.map(line).join('; ')}.`,
          `Customer ${id} buys ${countOf(found, lang, NOUN.product)}${scope} regularly, in ${rule}: ${rows.map(line).join('; ')}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [when, ...filters, basis],
    table: rankedTable(
      req.offset,
      [column('product', lang), column('description', lang), weeksColumn, column('units', lang)],
      rows,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.weeks), lang),
        formatNumber(Number(r.units), lang),
      ],
    ),
    data: {
      customer: id,
      period,
      weeks,
      needed,
      found,
      products: rows.map((r) => ({
        product: Number(r.product),
        weeks: Number(r.weeks),
        units: Number(r.units),
      })),
    },
    products: rows.map((r) => Number(r.product)),
    customers: [id],
    shown: rows.length,
  };
};
