import type { Lang } from '../../contract/api.ts';
import { isOne } from '../count-words.ts';
import { customerTypeWords, formatNumber, formatPercent, say } from '../format.ts';
import { column, table } from './answers.ts';
import { describePeriod, periodFilter } from './filters.ts';
import type { Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

const typeOf = (r: Row) => (r.type === null || r.type === undefined ? null : String(r.type));
const typeWords = (r: Row, lang: Lang) =>
  typeOf(r) === null ? say(lang, 'sin tipo', 'no type') : customerTypeWords(typeOf(r), lang);

/**
 * How the customers split by type, from the customer master: how many of each type and their share
 * of all registered customers, and how many of them bought (in the period asked, else ever). With a
 * type named ("¿qué porcentaje de clientes son restaurantes?") the answer leads with that type.
 */
export const customerMixTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const period = periodFilter(entities.period, 1);
  const rows = await box.data.query(
    `SELECT c.customer_type AS type, count(*)::DOUBLE AS customers,
            count(*) FILTER (WHERE c.customer_id IN (SELECT t.customer_id FROM transactions t WHERE ${period.where}))::DOUBLE AS buying
     FROM customers c GROUP BY 1 ORDER BY customers DESC, type`,
    period.params,
  );
  const total = rows.reduce((a, r) => a + Number(r.customers), 0);
  const buyingTotal = rows.reduce((a, r) => a + Number(r.buying), 0);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const n = (x: number) => formatNumber(x, lang);
  const pct = (x: number) => formatPercent(x, lang);
  const bought = entities.period
    ? say(
        lang,
        `compraron ${describePeriod(entities.period, lang)}`,
        `bought ${describePeriod(entities.period, lang)}`,
      )
    : say(lang, 'han comprado alguna vez', 'have ever bought');
  const asked = entities.customer_type;
  const row = asked === undefined ? undefined : rows.find((r) => typeOf(r) === asked);
  const mine = Number(row?.customers ?? 0);
  const mineBuying = Number(row?.buying ?? 0);
  let text: string;
  if (asked !== undefined) {
    // "1 de los 120 clientes es supermercado", "1 of them is a supermarket".
    const are = (count: number) => {
      const who = customerTypeWords(asked, lang, !isOne(count));
      return isOne(count)
        ? say(lang, `es ${who}`, `is ${/^[aeiou]/.test(who) ? 'an' : 'a'} ${who}`)
        : say(lang, `son ${who}`, `are ${who}`);
    };
    text = say(
      lang,
      `${n(mine)} de los ${n(total)} clientes registrados ${are(mine)} (${pct(share(mine, total))}). De los ${n(buyingTotal)} que ${bought}, ${n(mineBuying)} ${are(mineBuying)} (${pct(share(mineBuying, buyingTotal))}).`,
      `${n(mine)} of the ${n(total)} registered customers ${are(mine)} (${pct(share(mine, total))}). Of the ${n(buyingTotal)} who ${bought}, ${n(mineBuying)} ${are(mineBuying)} (${pct(share(mineBuying, buyingTotal))}).`,
    );
  } else {
    const list = rows
      .map(
        (r) => `${typeWords(r, lang)} ${n(Number(r.customers))} (${pct(share(Number(r.customers), total))})`,
      )
      .join('; ');
    text = say(
      lang,
      `Los ${n(total)} clientes registrados por tipo: ${list}.`,
      `The ${n(total)} registered customers by type: ${list}.`,
    );
  }
  return {
    text,
    answered: true,
    basedOn: [
      say(lang, 'maestro de clientes', 'customer master'),
      ...(entities.period ? [describePeriod(entities.period, lang)] : []),
    ],
    table: table(
      [
        column('type', lang),
        column('customers', lang),
        column('share', lang),
        [entities.period ? say(lang, 'Compraron', 'Bought') : say(lang, 'Con compras', 'Ever bought'), true],
      ],
      rows.map((r) => [
        typeWords(r, lang),
        n(Number(r.customers)),
        pct(share(Number(r.customers), total)),
        n(Number(r.buying)),
      ]),
    ),
    chart: {
      kind: 'bar',
      title: say(lang, 'Clientes por tipo', 'Customers by type'),
      labels: rows.map((r) => typeWords(r, lang)),
      series: [{ name: say(lang, 'clientes', 'customers'), values: rows.map((r) => Number(r.customers)) }],
    },
    data: {
      total,
      buying: buyingTotal,
      ...(asked !== undefined
        ? { customer_type: asked, customers: mine, share: share(mine, total), customers_buying: mineBuying }
        : {}),
      types: rows.map((r) => ({
        type: typeOf(r),
        customers: Number(r.customers),
        buying: Number(r.buying),
      })),
    },
  };
};
