import { countOf, NOUN } from '../count-words.ts';
import { formatNumber, say } from '../format.ts';
import type { TwoKinds } from '../understanding/two-kinds-words.ts';
import { column, rankedTable } from './answers.ts';
import { valueWords } from './attribute-words.ts';
import { registeredCustomers, registeredWords } from './counts.ts';
import { customerTypeCell } from './customer-rows.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  joinFilters,
  placed,
  scopeWords,
} from './filters.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/**
 * "¿Cuántos clientes compran latas y botellas?": the customers who bought both kinds (or either,
 * "latas o botellas"), each kind alone, and those of both (or either) who bought the most units of
 * them. Over the period named, or the whole history; within the other filters and the type named.
 */
export const buyersOfTwoKindsTool =
  (kinds: TwoKinds): Tool =>
  async (box, req) => {
    const { lang, entities } = req;
    const scoped = placed(req);
    const base = joinFilters(scoped);
    const first = base.params.length + 1;
    const [a, b] = kinds.values.map((value, i) => catalogFilter({ [kinds.attribute]: value }, first + i)) as [
      ReturnType<typeof catalogFilter>,
      ReturnType<typeof catalogFilter>,
    ];
    const params = [...base.params, ...a.params, ...b.params];
    // A customer bought a kind when a line of it holds units (a return alone is no purchase).
    const perCustomer = `SELECT t.customer_id, any_value(c.customer_type) AS type,
            bool_or(${a.where} AND t.items > 0) AS a, bool_or(${b.where} AND t.items > 0) AS b,
            coalesce(sum(t.items) FILTER (WHERE ${a.where}), 0) AS a_units,
            coalesce(sum(t.items) FILTER (WHERE ${b.where}), 0) AS b_units
     FROM ${FROM} WHERE ${base.where} AND ((${a.where}) OR (${b.where}))
     GROUP BY t.customer_id`;
    // One pass: the counts on every row, and the page of customers joined to them (none when no one
    // qualifies, while the counts still say who bought each kind alone).
    const found = await box.data.query(
      `WITH k AS MATERIALIZED (${perCustomer})
       SELECT (SELECT count(*) FILTER (WHERE a AND b) FROM k)::DOUBLE AS both,
              (SELECT count(*) FILTER (WHERE a AND NOT b) FROM k)::DOUBLE AS only_a,
              (SELECT count(*) FILTER (WHERE b AND NOT a) FROM k)::DOUBLE AS only_b,
              p.customer, p.type, p.a_units, p.b_units
       FROM (SELECT 1) one LEFT JOIN (
         SELECT customer_id::DOUBLE AS customer, type, a_units::DOUBLE AS a_units, b_units::DOUBLE AS b_units
         FROM k WHERE ${kinds.either ? 'a OR b' : 'a AND b'}
         ORDER BY a_units + b_units DESC, customer LIMIT ${rowsWanted(entities)}) p ON TRUE
       ORDER BY p.a_units + p.b_units DESC, p.customer`,
      params,
    );
    const both = Number(found[0]!.both);
    const onlyA = Number(found[0]!.only_a);
    const onlyB = Number(found[0]!.only_b);
    const rows = found.filter((r) => r.customer !== null);
    const type = entities.customer_type;
    const { registered } = await registeredCustomers(box, type, scoped.place);
    const who = registeredWords(type, registered, scoped.place, lang);
    const [nameA, nameB] = kinds.values.map((v) => valueWords(kinds.attribute, v, lang)) as [string, string];
    const when = entities.period
      ? ` ${describePeriod(entities.period, lang)}`
      : say(lang, ' en todo el historial', ' over the whole history');
    const scope = scopeWords({ ...entities, customer_type: undefined, period: undefined }, lang);
    const of = (n: number) =>
      say(
        lang,
        `${formatNumber(n, lang)} de los ${formatNumber(registered, lang)} ${who}`,
        `${formatNumber(n, lang)} of the ${formatNumber(registered, lang)} ${who}`,
      );
    const lead = kinds.either
      ? say(
          lang,
          `${of(both + onlyA + onlyB)} compraron ${nameA} o ${nameB}${when}${scope}: ${formatNumber(both, lang)} las dos, ${formatNumber(onlyA, lang)} solo ${nameA} y ${formatNumber(onlyB, lang)} solo ${nameB}.`,
          `${of(both + onlyA + onlyB)} bought ${nameA} or ${nameB}${when}${scope}: ${formatNumber(both, lang)} both, ${formatNumber(onlyA, lang)} only ${nameA} and ${formatNumber(onlyB, lang)} only ${nameB}.`,
        )
      : say(
          lang,
          `${of(both)} compraron ${nameA} y ${nameB}${when}${scope}; ${formatNumber(onlyA, lang)} solo ${nameA} y ${formatNumber(onlyB, lang)} solo ${nameB}.`,
          `${of(both)} bought both ${nameA} and ${nameB}${when}${scope}; ${formatNumber(onlyA, lang)} only ${nameA} and ${formatNumber(onlyB, lang)} only ${nameB}.`,
        );
    const listed = rows
      .map((r) =>
        say(
          lang,
          `cliente ${r.customer} (${customerTypeCell(r, lang)}): ${countOf(Number(r.a_units), lang, NOUN.unit)} de ${nameA} y ${formatNumber(Number(r.b_units), lang)} de ${nameB}`,
          `customer ${r.customer} (${customerTypeCell(r, lang)}): ${countOf(Number(r.a_units), lang, NOUN.unit)} of ${nameA} and ${formatNumber(Number(r.b_units), lang)} of ${nameB}`,
        ),
      )
      .join('; ');
    const top = rows.length
      ? say(
          lang,
          ` Los que más compraron de ellas: ${listed}.`,
          ` Those who bought the most of them: ${listed}.`,
        )
      : '';
    return {
      text: `${lead}${top}`,
      answered: true,
      placeApplied: true,
      basedOn: [
        say(lang, 'maestro de clientes', 'customer master'),
        ...describeFilters(scoped, lang),
        ...(entities.period ? [describePeriod(entities.period, lang)] : []),
        say(lang, 'una compra es una línea con unidades', 'a purchase is a line with units'),
      ],
      table: rankedTable(
        0,
        [column('customer', lang), column('type', lang), [nameA, true], [nameB, true]],
        rows,
        (r) => [
          String(r.customer),
          customerTypeCell(r, lang),
          formatNumber(Number(r.a_units), lang),
          formatNumber(Number(r.b_units), lang),
        ],
      ),
      data: {
        attribute: kinds.attribute,
        values: kinds.values,
        either: kinds.either,
        registered,
        both,
        only_first: onlyA,
        only_second: onlyB,
        customers: rows.map((r) => ({
          customer: Number(r.customer),
          first_units: Number(r.a_units),
          second_units: Number(r.b_units),
        })),
      },
    };
  };
