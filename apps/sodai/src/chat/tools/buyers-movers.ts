import { against, formatNumber, say } from '../format.ts';
import type { ItemGrain } from '../understanding/buyers-change-words.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { noTransactions, rankedTable } from './answers.ts';
import { grainValue, grainWords } from './item-grain.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  periodOr4Weeks,
  scopeWords,
  withinDates,
} from './filters.ts';
import { likeForLike } from './like-for-like.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * "¿Qué marca perdió más clientes?", "which products gained the most buyers?": brands (products, or
 * another kind of product) ranked by the change in how many distinct customers bought them between
 * the period asked (default the last four weeks) and the one it is compared with (named, or the one
 * before), like with like when the later one is cut short by the data's last day; those that lost
 * (or gained) buyers, most first, with how many did of those bought in either period. Within the
 * kinds of product and customers named. A buyer is a customer with a line bought, not a return.
 */
export const buyersMoversTool =
  (grain: ItemGrain): Tool =>
  async (box, req) => {
    const { lang } = req;
    const current = periodOr4Weeks(req);
    if (!current) return noTransactions(lang);
    const entities = { ...req.entities, period: current };
    const down = entities.direction !== 'up';
    const asked = entities.compare_to ?? previousPeriod(current, lang);
    const [later, whole] = current.from >= asked.from ? [current, asked] : [asked, current];
    const { earlier, note, partialDays } = likeForLike(later, whole, req.vocab.lastDay, lang);
    const words = grainWords(grain, lang);
    const f = catalogFilter(entities);
    const n = f.params.length + 1;
    const rows = await box.data.query(
      `WITH per AS (
         SELECT ${words.column} AS value,
                count(DISTINCT t.customer_id) FILTER (WHERE ${withinDates(n)})::DOUBLE AS buyers_now,
                count(DISTINCT t.customer_id) FILTER (WHERE ${withinDates(n + 2)})::DOUBLE AS buyers_before
         FROM ${FROM}
         WHERE ${f.where} AND t.items > 0 AND ((${withinDates(n)}) OR (${withinDates(n + 2)}))
         GROUP BY 1)
       SELECT *, count(*) OVER ()::DOUBLE AS moved, (SELECT count(*) FROM per)::DOUBLE AS considered
       FROM per WHERE buyers_now ${down ? '<' : '>'} buyers_before
       ORDER BY buyers_now - buyers_before ${down ? 'ASC' : 'DESC'}, value
       LIMIT ${rowsWanted(entities)} OFFSET ${req.offset}`,
      [...f.params, later.from, later.to, earlier.from, earlier.to],
    );
    const moved = Number(rows[0]?.moved ?? 0);
    const considered = Number(rows[0]?.considered ?? 0);
    const scope = scopeWords(entities, lang);
    const now = describePeriod(later, lang);
    const then = against(describePeriod(earlier, lang), lang);
    const count = (v: unknown) => formatNumber(Number(v), lang);
    const change = (r: Row) => {
      const d = Number(r.buyers_now) - Number(r.buyers_before);
      return `${d > 0 ? '+' : ''}${formatNumber(d, lang)}`;
    };
    const line = (r: Row) =>
      say(
        lang,
        `${grainValue(grain, r.value, lang)}: de ${count(r.buyers_before)} a ${count(r.buyers_now)} clientes (${change(r)})`,
        `${grainValue(grain, r.value, lang)}: from ${count(r.buyers_before)} to ${count(r.buyers_now)} customers (${change(r)})`,
      );
    const verb = down ? say(lang, 'perdieron', 'lost') : say(lang, 'ganaron', 'gained');
    const text =
      rows.length === 0
        ? say(
            lang,
            `No hay ${words.plural}${scope} que ${down ? 'perdieran' : 'ganaran'} clientes ${now} ${then}.${note}`,
            `No ${words.plural}${scope} ${down ? 'lost' : 'gained'} customers ${now} ${then}.${note}`,
          )
        : say(
            lang,
            `${formatNumber(moved, lang)} de ${formatNumber(considered, lang)} ${words.plural}${scope} con compradores en alguno de los dos períodos ${verb} clientes ${now} ${then}: ${rows.map(line).join('; ')}.${note}`,
            `${formatNumber(moved, lang)} of ${formatNumber(considered, lang)} ${words.plural}${scope} with buyers in either period ${verb} customers ${now} ${then}: ${rows.map(line).join('; ')}.${note}`,
          );
    return {
      text,
      answered: true,
      basedOn: [
        now,
        describePeriod(earlier, lang),
        ...describeFilters(entities, lang),
        say(lang, 'clientes distintos con alguna compra', 'distinct customers with a purchase'),
      ],
      table: rankedTable(
        req.offset,
        [
          [words.title, false],
          [say(lang, `Clientes ${earlier.label}`, `Customers ${earlier.label}`), true],
          [say(lang, `Clientes ${later.label}`, `Customers ${later.label}`), true],
          [say(lang, 'Cambio', 'Change'), true],
        ],
        rows,
        (r) => [grainValue(grain, r.value, lang), count(r.buyers_before), count(r.buyers_now), change(r)],
      ),
      data: {
        period: later,
        compare_to: earlier,
        direction: down ? 'down' : 'up',
        grain,
        moved,
        considered,
        ...(partialDays ? { partial_days: partialDays } : {}),
        values: rows.map((r) => ({
          value: grain === 'product' ? Number(r.value) : String(r.value),
          buyers_now: Number(r.buyers_now),
          buyers_before: Number(r.buyers_before),
        })),
      },
      ...(grain === 'product' ? { products: rows.map((r) => Number(r.value)) } : {}),
      shown: rows.length,
    };
  };
