import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, productDescription, say } from '../format.ts';
import { addDays, daysBetween, mondayOf } from '../understanding/days.ts';
import { column, noTransactions, rankedTable } from './answers.ts';
import { describePeriod } from './filters.ts';
import { checkCustomer } from './history.ts';
import { attributesOf, PRODUCT_COLUMNS } from './product-rows.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** The weeks before the one checked that say what a customer usually buys. */
export const USUAL_WEEKS = 8;
/** A product is usual when bought in at least this many of those weeks (half of them). */
export const USUAL_MIN_WEEKS = 4;

/** The longest period asked that is checked as is: a month ("¿qué no ha pedido este mes?"). */
const LONGEST_CHECKED_DAYS = 31;

/**
 * The days checked: the period asked when it is a month or less ("this week", "este mes"), else the
 * last seven days of data. Those are the Monday-Sunday week when the data end on a Sunday; when they
 * end mid-week, the week's first days alone would show nearly every usual product as skipped.
 */
function weekChecked(period: ChatPeriod | undefined, lastDay: string, lang: Lang): ChatPeriod {
  if (period && daysBetween(period.from, period.to) < LONGEST_CHECKED_DAYS) return period;
  const monday = mondayOf(lastDay);
  if (daysBetween(monday, lastDay) === 6)
    return { from: monday, to: lastDay, label: say(lang, 'la última semana', 'the last week') };
  return {
    from: addDays(lastDay, -6),
    to: lastDay,
    label: say(lang, 'los últimos 7 días', 'the last 7 days'),
  };
}

/**
 * The products a customer usually buys (in at least half of the eight weeks before the week
 * checked) that it did not buy in that week: a reminder list for the sales rep's next call, most
 * regular first, with how many weeks it was bought, its usual units and its last purchase.
 */
export const usualButSkippedTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, vocab } = req;
  if (!vocab.lastDay) return noTransactions(lang);
  const id = req.entities.customer_id!;
  const week = weekChecked(req.entities.period, vocab.lastDay, lang);
  const since = addDays(week.from, -7 * USUAL_WEEKS);
  // Weeks are the seven-day blocks back from the first day checked (calendar weeks when it is a
  // Monday), so a check that starts mid-week still counts at most USUAL_WEEKS of them.
  const rows = await box.data.query(
    `WITH hist AS (
       SELECT product_id, count(DISTINCT ($3::DATE - purchase_date::DATE - 1) // 7)::DOUBLE AS weeks,
              sum(items)::DOUBLE AS units, max(purchase_date)::DATE::VARCHAR AS last
       FROM transactions WHERE customer_id = $1 AND items > 0
         AND purchase_date >= $2::DATE AND purchase_date < $3::DATE GROUP BY 1),
     recent AS (SELECT DISTINCT product_id FROM transactions WHERE customer_id = $1 AND items > 0
             AND purchase_date >= $3::DATE AND purchase_date < $4::DATE + 1)
     SELECT h.product_id::DOUBLE AS product, h.weeks, h.units, h.last, ${PRODUCT_COLUMNS},
            h.product_id IN (SELECT product_id FROM recent) AS bought_now
     FROM hist h JOIN products p ON p.product_id = h.product_id
     WHERE h.weeks >= ${USUAL_MIN_WEEKS}
     GROUP BY ALL ORDER BY bought_now, h.weeks DESC, h.units DESC, product`,
    [id, since, week.from, week.to],
  );
  const usual = rows.length;
  const skipped = rows.filter((r) => r.bought_now !== true);
  const when = describePeriod(week, lang);
  const before = say(
    lang,
    `en al menos ${USUAL_MIN_WEEKS} de las ${USUAL_WEEKS} semanas antes del ${formatDay(week.from, lang)}`,
    `in at least ${USUAL_MIN_WEEKS} of the ${USUAL_WEEKS} weeks before ${formatDay(week.from, lang)}`,
  );
  // Units per week bought: what the rep would put in the order.
  const perWeek = (r: Row) => formatNumber(Number(r.units) / Number(r.weeks), lang, 1);
  const line = (r: Row) =>
    say(
      lang,
      `producto ${r.product} (${productDescription(attributesOf(r), lang)}): comprado ${formatNumber(Number(r.weeks), lang)} de ${USUAL_WEEKS} semanas, unas ${perWeek(r)} unidades cada vez, la última el ${formatDay(String(r.last), lang)}`,
      `product ${r.product} (${productDescription(attributesOf(r), lang)}): bought ${formatNumber(Number(r.weeks), lang)} of ${USUAL_WEEKS} weeks, about ${perWeek(r)} units each time, last on ${formatDay(String(r.last), lang)}`,
    );
  const text =
    usual === 0
      ? say(
          lang,
          `El cliente ${id} no tiene productos habituales (ninguno comprado ${before}).`,
          `Customer ${id} has no usual products (none bought ${before}).`,
        )
      : skipped.length === 0
        ? say(
            lang,
            `El cliente ${id} compró ${when} todos sus ${countOf(usual, lang, NOUN.product)} habituales (comprados ${before}).`,
            `Customer ${id} bought all its ${formatNumber(usual, lang)} usual ${agree(usual, ['product', 'products'])} ${when} (bought ${before}).`,
          )
        : say(
            lang,
            `El cliente ${id} no compró ${when} ${formatNumber(skipped.length, lang)} de sus ${countOf(usual, lang, NOUN.product)} habituales (comprados ${before}): ${skipped.map(line).join('; ')}.`,
            `Customer ${id} did not buy ${formatNumber(skipped.length, lang)} of its ${formatNumber(usual, lang)} usual ${agree(usual, ['product', 'products'])} ${when} (bought ${before}): ${skipped.map(line).join('; ')}.`,
          );
  return {
    text,
    answered: true,
    basedOn: [when, say(lang, `habituales: comprados ${before}`, `usual: bought ${before}`)],
    table: rankedTable(
      0,
      [
        column('product', lang),
        column('description', lang),
        [say(lang, `Semanas de ${USUAL_WEEKS}`, `Weeks of ${USUAL_WEEKS}`), true],
        [say(lang, 'Unidades por vez', 'Units each time'), true],
        column('lastPurchase', lang),
      ],
      skipped,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.weeks), lang),
        perWeek(r),
        formatDay(String(r.last), lang),
      ],
    ),
    data: {
      customer: id,
      week,
      usual,
      skipped: skipped.map((r) => ({
        product: Number(r.product),
        weeks: Number(r.weeks),
        last: String(r.last),
      })),
    },
    products: skipped.map((r) => Number(r.product)),
    customers: [id],
    shown: skipped.length,
  };
};
