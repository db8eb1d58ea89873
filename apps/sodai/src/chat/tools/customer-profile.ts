import { countOf, NOUN, type Noun } from '../count-words.ts';
import { aCustomerType, customerTypeWords, formatDay, formatNumber, say } from '../format.ts';
import { table } from './answers.ts';
import { checkCustomer, dataUpTo } from './history.ts';
import type { Tool } from './toolbox.ts';

const DELIVERY: Noun = { es: ['entrega', 'entregas'], en: ['delivery', 'deliveries'] };
const VISIT: Noun = { es: ['visita', 'visitas'], en: ['visit', 'visits'] };

/** A customer-master number, or null when the column is empty. */
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * What one customer is: its type from the customer master (and, when the question names a type,
 * whether it is of that type: "¿el 1002 es mayorista?" gets "No: …"), its region, zone, deliveries
 * and visits, then how much it has bought. The type comes first because that is what was asked.
 */
export const customerInfoTool: Tool = async (box, req) => {
  const problem = checkCustomer(req);
  if (problem) return problem;
  const { lang, entities } = req;
  const id = entities.customer_id!;
  const [r] = await box.data.query(
    `SELECT c.customer_type, c.region_id::DOUBLE AS region, c.zone_id::DOUBLE AS zone,
            c.num_deliver_per_week::DOUBLE AS deliveries, c.num_visit_per_week::DOUBLE AS visits,
            count(DISTINCT t.order_id)::DOUBLE AS orders, coalesce(sum(t.items), 0)::DOUBLE AS units,
            count(DISTINCT t.product_id)::DOUBLE AS products,
            min(t.purchase_date)::DATE::VARCHAR AS first, max(t.purchase_date)::DATE::VARCHAR AS last
     FROM customers c LEFT JOIN transactions t USING (customer_id)
     WHERE c.customer_id = $1 GROUP BY ALL`,
    [id],
  );
  const type = String(r!.customer_type);
  const asked = entities.customer_type;
  const is = say(
    lang,
    `El cliente ${id} es ${aCustomerType(type, lang)}`,
    `Customer ${id} is ${aCustomerType(type, lang)}`,
  );
  // "¿El 1002 es mayorista?" is a yes/no question: the answer opens with it.
  const verdict =
    asked === undefined
      ? `${is}.`
      : asked === type
        ? say(lang, `Sí. ${is}.`, `Yes. ${is}.`)
        : say(
            lang,
            `No. ${is}, no ${aCustomerType(asked, lang)}.`,
            `No. ${is}, not ${aCustomerType(asked, lang)}.`,
          );
  const region = numberOrNull(r!.region);
  const zone = numberOrNull(r!.zone);
  const deliveries = numberOrNull(r!.deliveries);
  const visits = numberOrNull(r!.visits);
  const where = [
    region === null ? null : say(lang, `la región ${region}`, `region ${region}`),
    zone === null ? null : say(lang, `zona ${zone}`, `zone ${zone}`),
  ].filter((x): x is string => x !== null);
  const service = [
    deliveries === null ? null : countOf(deliveries, lang, DELIVERY, 1),
    visits === null ? null : countOf(visits, lang, VISIT, 1),
  ].filter((x): x is string => x !== null);
  const whereText = where.length
    ? say(lang, ` Está en ${where.join(', ')}.`, ` It is in ${where.join(', ')}.`)
    : '';
  const serviceText = service.length
    ? say(lang, ` Recibe ${service.join(' y ')} por semana.`, ` It gets ${service.join(' and ')} a week.`)
    : '';
  const orders = Number(r!.orders);
  const bought =
    orders === 0
      ? say(lang, ' No tiene compras registradas.', ' It has no purchases on record.')
      : say(
          lang,
          ` Hizo ${countOf(orders, lang, NOUN.order)} (${countOf(Number(r!.units), lang, NOUN.unit)} de ${countOf(Number(r!.products), lang, NOUN.differentProduct)}) entre el ${formatDay(String(r!.first), lang)} y el ${formatDay(String(r!.last), lang)}.`,
          ` It placed ${countOf(orders, lang, NOUN.order)} (${countOf(Number(r!.units), lang, NOUN.unit)} of ${countOf(Number(r!.products), lang, NOUN.differentProduct)}) between ${formatDay(String(r!.first), lang)} and ${formatDay(String(r!.last), lang)}.`,
        );
  const facts: readonly (readonly [string, string | null])[] = [
    [say(lang, 'Tipo', 'Type'), customerTypeWords(type, lang, false)],
    [say(lang, 'Región', 'Region'), region === null ? null : String(region)],
    [say(lang, 'Zona', 'Zone'), zone === null ? null : String(zone)],
    [
      say(lang, 'Entregas por semana', 'Deliveries a week'),
      deliveries === null ? null : formatNumber(deliveries, lang, 1),
    ],
    [
      say(lang, 'Visitas por semana', 'Visits a week'),
      visits === null ? null : formatNumber(visits, lang, 1),
    ],
    [say(lang, 'Pedidos', 'Orders'), formatNumber(orders, lang)],
    [say(lang, 'Última compra', 'Last purchase'), r!.last === null ? null : formatDay(String(r!.last), lang)],
  ];
  return {
    text: `${verdict}${whereText}${serviceText}${bought}`,
    answered: true,
    basedOn: [say(lang, 'maestro de clientes', 'customer master'), ...dataUpTo(req)],
    table: table(
      [
        [say(lang, 'Dato', 'Item'), false],
        [say(lang, 'Valor', 'Value'), false],
      ],
      facts.filter((f): f is readonly [string, string] => f[1] !== null),
    ),
    data: {
      customer: id,
      customer_type: type,
      ...(asked === undefined ? {} : { is_type_asked: asked === type }),
      region,
      zone,
      deliveries_per_week: deliveries,
      visits_per_week: visits,
      orders,
      units: Number(r!.units),
      last: r!.last ?? null,
    },
    customers: [id],
    suggestions: [
      say(lang, `¿Qué le ofrezco al cliente ${id}?`, `What should I offer customer ${id}?`),
      say(lang, `¿Qué compra siempre el cliente ${id}?`, `What does customer ${id} usually buy?`),
    ],
  };
};
