import { countOf, NOUN } from '../count-words.ts';
import { say } from '../format.ts';
import type { TopOne } from '../understanding/top-one-words.ts';
import { noTransactions } from './answers.ts';
import { catalogFilter, describePeriod, FROM, periodOrCalendarWeeks } from './filters.ts';
import { lastTwelveMonths } from './monthly-sales.ts';
import type { Tool } from './toolbox.ts';

/** The column a best-selling one is picked from. */
const TOP_COLUMN: Readonly<Record<TopOne, string>> = { brand: 'p.brand', product: 't.product_id' };

/**
 * "Ventas de la marca más vendida por semana", "weekly sales of the best-selling brand": the brand
 * (or product) that sold most units in the period (default the trend's twelve weeks, or by month
 * the twelve months), within the
 * kinds of product and customers named, then `tool`'s answer for it over the same period. Which one
 * it is opens the answer, as the question did not name it.
 */
export const ofTheTopOne =
  (kind: TopOne, tool: Tool): Tool =>
  async (box, req) => {
    const { lang, vocab } = req;
    if (!vocab.lastDay) return noTransactions(lang);
    // By month, the one is the best seller of the months shown (monthly-sales.ts's default).
    const period = req.byMonth
      ? (req.entities.period ?? lastTwelveMonths(vocab.lastDay, lang))
      : periodOrCalendarWeeks(req, 12, vocab.lastDay);
    const f = catalogFilter(req.entities, 3);
    const [top] = await box.data.query(
      `SELECT ${TOP_COLUMN[kind]} AS value, sum(t.items)::DOUBLE AS units FROM ${FROM}
       WHERE t.purchase_date >= $1::DATE AND t.purchase_date < $2::DATE + 1 AND ${f.where}
       GROUP BY 1 HAVING sum(t.items) > 0 ORDER BY units DESC, 1 LIMIT 1`,
      [period.from, period.to, ...f.params],
    );
    if (!top) return tool(box, req);
    const value = kind === 'brand' ? String(top.value) : Number(top.value);
    const entities =
      kind === 'brand'
        ? { ...req.entities, brand: String(value), period }
        : { ...req.entities, product_id: Number(value), period };
    const answer = await tool(box, { ...req, entities });
    const when = describePeriod(period, lang);
    const units = countOf(Number(top.units), lang, NOUN.unit);
    const lead =
      kind === 'brand'
        ? say(
            lang,
            `La marca más vendida ${when} es ${value} (${units}).`,
            `The best-selling brand ${when} is ${value} (${units}).`,
          )
        : say(
            lang,
            `El producto más vendido ${when} es el producto ${value} (${units}).`,
            `The best-selling product ${when} is product ${value} (${units}).`,
          );
    return {
      ...answer,
      text: `${lead} ${answer.text}`,
      basedOn: [...answer.basedOn, say(lang, 'el más vendido del período', 'the best seller of the period')],
      data: { ...answer.data, top: { [kind]: value, units: Number(top.units), period } },
    };
  };
