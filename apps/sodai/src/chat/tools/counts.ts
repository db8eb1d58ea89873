import { agree, countOf, isOne, NOUN, type Noun } from '../count-words.ts';
import type { ChatAttribute, Lang } from '../../contract/api.ts';
import { customerTypeWords, formatNumber, formatPercent, isFeminineType, say } from '../format.ts';
import {
  catalogFilter,
  describeFilters,
  describePeriod,
  FROM,
  joinFilters,
  placed,
  scopeWords,
  type ScopedEntities,
} from './filters.ts';
import { placeWords } from './place-scope.ts';
import type { ChatToolbox, Tool } from './toolbox.ts';
import type { Place } from '../understanding/place-words.ts';

/**
 * The customers of the master (of a type, in a place) and how many of them have ever bought: what
 * a count of customers, active or buying in a period, is out of.
 */
export async function registeredCustomers(
  box: ChatToolbox,
  type: string | undefined,
  place: Place | undefined,
): Promise<{ readonly registered: number; readonly buying: number }> {
  const of = catalogFilter({
    ...(type !== undefined ? { customer_type: type } : {}),
    ...(place ? { place } : {}),
  });
  const [r] = await box.data.query(
    `SELECT count(*)::DOUBLE AS registered,
            (SELECT count(DISTINCT customer_id)::DOUBLE FROM transactions WHERE customer_id IN (SELECT customer_id FROM customers c WHERE ${of.where})) AS buying
     FROM customers c WHERE ${of.where}`,
    of.params,
  );
  return { registered: Number(r!.registered), buying: Number(r!.buying) };
}

/** How many distinct customers bought within the filters, period and place named. */
export async function buyersIn(box: ChatToolbox, scoped: ScopedEntities): Promise<number> {
  const f = joinFilters(scoped);
  const [r] = await box.data.query(
    `SELECT count(DISTINCT t.customer_id)::DOUBLE AS n FROM ${FROM} WHERE ${f.where}`,
    f.params,
  );
  return Number(r!.n);
}

/**
 * "clientes registrados (en la región 2)", "tiendas de conveniencia registradas", "registered
 * wholesalers": the customers of the master a count is out of, in agreement with how many.
 */
export function registeredWords(
  type: string | undefined,
  registered: number,
  place: Place | undefined,
  lang: Lang,
): string {
  const who = customerTypeWords(type ?? null, lang, !isOne(registered));
  const where = place ? placeWords(place, lang) : '';
  const forms: [string, string] = isFeminineType(type ?? null)
    ? ['registrada', 'registradas']
    : ['registrado', 'registrados'];
  return say(
    lang,
    `${who} ${agree(registered, forms)}${where ? ` en ${where}` : ''}`,
    `registered ${who}${where ? ` in ${where}` : ''}`,
  );
}

/** How many customers (of a type, or buying in a period) there are. */
export const countCustomersTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const type = entities.customer_type;
  // "¿Cuántos clientes tiene la región 80?": the place narrows the customers counted, as a type does.
  const scoped = placed(req);
  const { registered, buying } = await registeredCustomers(box, type, scoped.place);
  const inPeriod =
    entities.period || describeFilters({ ...entities, customer_type: undefined }, lang).length
      ? await buyersIn(box, scoped)
      : undefined;
  const registeredWho = registeredWords(type, registered, scoped.place, lang);
  // The period and product filters of those who bought ("el último mes (…) (envase LATA)").
  const boughtWhen = `${entities.period ? ` ${describePeriod(entities.period, lang)}` : ''}${scopeWords({ ...entities, customer_type: undefined, period: undefined }, lang)}`;
  // "¿Qué porcentaje de los clientes compró …?": the share of those registered leads, its count after.
  const shareOf = (part: number) => {
    const share = `${formatPercent(registered > 0 ? part / registered : 0, lang)} (${formatNumber(part, lang)})`;
    return say(
      lang,
      `El ${share} de ${isFeminineType(type ?? null) ? 'las' : 'los'} ${formatNumber(registered, lang)} ${registeredWho}`,
      `${share} of the ${formatNumber(registered, lang)} ${registeredWho}`,
    );
  };
  const asShare = req.shareOfBuyers === true;
  // "¿Cuántos clientes no compraron el mes pasado?": those who did not, first ("nunca": ever).
  if (req.notBought) {
    const bought = inPeriod ?? buying;
    const none = registered - bought;
    const when =
      inPeriod === undefined
        ? say(lang, `nunca ${agree(none, ['ha', 'han'])} comprado`, 'have never bought')
        : say(lang, `no ${agree(none, ['compró', 'compraron'])}${boughtWhen}`, `did not buy${boughtWhen}`);
    return {
      text: asShare
        ? `${shareOf(none)} ${when}; ${formatNumber(bought, lang)} ${say(lang, 'sí', 'did')}.`
        : say(
            lang,
            `${formatNumber(none, lang)} de ${formatNumber(registered, lang)} ${registeredWho} ${when}; ${formatNumber(bought, lang)} sí.`,
            `${formatNumber(none, lang)} of ${formatNumber(registered, lang)} ${registeredWho} ${when}; ${formatNumber(bought, lang)} did.`,
          ),
      answered: true,
      placeApplied: true,
      basedOn: [
        say(lang, 'maestro de clientes', 'customer master'),
        ...describeFilters(scoped, lang),
        ...(entities.period ? [describePeriod(entities.period, lang)] : []),
      ],
      data: {
        registered,
        with_purchases: buying,
        not_buying: none,
        buying_in_scope: bought,
        ...(asShare ? { share_of_registered: registered > 0 ? none / registered : 0 } : {}),
      },
    };
  }
  const everBought = say(
    lang,
    `${formatNumber(buying, lang)} ${agree(buying, ['ha comprado', 'han comprado'])} al menos una vez`,
    `${formatNumber(buying, lang)} ${agree(buying, ['has', 'have'])} bought at least once`,
  );
  // "¿Cuántos clientes compraron latas el mes pasado?": the buyers asked about come first, then the
  // registered customers they are out of.
  const text = asShare
    ? inPeriod === undefined
      ? `${shareOf(buying)} ${say(lang, agree(buying, ['ha comprado', 'han comprado']), agree(buying, ['has', 'have']) + ' bought')} ${say(lang, 'al menos una vez', 'at least once')}.`
      : `${shareOf(inPeriod)} ${say(lang, agree(inPeriod, ['compró', 'compraron']), 'bought')}${boughtWhen}; ${everBought}.`
    : inPeriod === undefined
      ? say(
          lang,
          `Hay ${formatNumber(registered, lang)} ${registeredWho}; ${everBought}.`,
          `There ${agree(registered, ['is', 'are'])} ${formatNumber(registered, lang)} ${registeredWho}; ${everBought}.`,
        )
      : say(
          lang,
          `${formatNumber(inPeriod, lang)} ${customerTypeWords(type ?? null, lang, !isOne(inPeriod))} ${agree(inPeriod, ['compró', 'compraron'])}${boughtWhen}, de ${formatNumber(registered, lang)} ${registeredWho}; ${everBought}.`,
          `${formatNumber(inPeriod, lang)} ${customerTypeWords(type ?? null, lang, !isOne(inPeriod))} bought${boughtWhen}, of ${formatNumber(registered, lang)} ${registeredWho}; ${everBought}.`,
        );
  return {
    text,
    answered: true,
    placeApplied: true,
    basedOn: [
      say(lang, 'maestro de clientes', 'customer master'),
      ...describeFilters(scoped, lang),
      ...(entities.period ? [describePeriod(entities.period, lang)] : []),
    ],
    data: {
      registered,
      with_purchases: buying,
      ...(inPeriod !== undefined ? { buying_in_scope: inPeriod } : {}),
      ...(asShare && registered > 0 ? { share_of_registered: (inPeriod ?? buying) / registered } : {}),
    },
  };
};

/** What a count of products counts: the products themselves, or the values of one attribute. */
interface Counted {
  readonly column: string;
  readonly noun: Noun;
}

const PRODUCTS: Counted = { column: 'p.product_id', noun: NOUN.product };

/** The catalogue column of each product attribute, and what its values are called. */
const PRODUCT_ATTRIBUTES: Readonly<Record<Exclude<ChatAttribute, 'customer_type'>, Counted>> = {
  brand: { column: 'p.brand', noun: NOUN.brand },
  category: {
    column: 'p.category',
    noun: { es: ['categoría', 'categorías'], en: ['category', 'categories'] },
  },
  sub_category: {
    column: 'p.sub_category',
    noun: { es: ['subcategoría', 'subcategorías'], en: ['sub-category', 'sub-categories'] },
  },
  segment: { column: 'p.segment', noun: { es: ['segmento', 'segmentos'], en: ['segment', 'segments'] } },
  package: { column: 'p.package', noun: { es: ['envase', 'envases'], en: ['package', 'packages'] } },
  size: { column: 'p.size', noun: { es: ['tamaño', 'tamaños'], en: ['size', 'sizes'] } },
};

/**
 * How many products (or brands, categories… with `group_by`) the catalogue has within the filters
 * named and how many have sold. With a period or a customer type ("¿cuántos productos se vendieron
 * el mes pasado?", "¿cuántas marcas compran los restaurantes?") those sold there come first.
 */
export const countProductsTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const attribute =
    entities.group_by === undefined || entities.group_by === 'customer_type' ? undefined : entities.group_by;
  const counted = attribute === undefined ? PRODUCTS : PRODUCT_ATTRIBUTES[attribute];
  const f = catalogFilter({ ...entities, customer_type: undefined });
  const [r] = await box.data.query(
    `SELECT count(DISTINCT ${counted.column})::DOUBLE AS registered,
            count(DISTINCT ${counted.column}) FILTER (WHERE p.product_id IN (SELECT product_id FROM transactions))::DOUBLE AS sold
     FROM products p WHERE ${f.where}`,
    f.params,
  );
  const registered = Number(r!.registered);
  const sold = Number(r!.sold);
  let inScope: number | undefined;
  if (entities.period !== undefined || entities.customer_type !== undefined) {
    const j = joinFilters(entities);
    const [s] = await box.data.query(
      `SELECT count(DISTINCT ${counted.column})::DOUBLE AS n FROM ${FROM} WHERE ${j.where}`,
      j.params,
    );
    inScope = Number(s!.n);
  }
  const catalogueScope = scopeWords({ ...entities, customer_type: undefined }, lang);
  const everSold =
    attribute === undefined
      ? say(
          lang,
          `${formatNumber(sold, lang)} ${agree(sold, ['se ha vendido', 'se han vendido'])} al menos una vez`,
          `${formatNumber(sold, lang)} ${agree(sold, ['has', 'have'])} been sold at least once`,
        )
      : say(
          lang,
          `${formatNumber(sold, lang)} ${agree(sold, ['tiene', 'tienen'])} ventas`,
          `${formatNumber(sold, lang)} ${agree(sold, ['has', 'have'])} sold`,
        );
  const when = entities.period ? ` ${describePeriod(entities.period, lang)}` : '';
  const text =
    inScope === undefined
      ? say(
          lang,
          `Hay ${countOf(registered, lang, counted.noun)} en el catálogo${catalogueScope}; ${everSold}.`,
          `There ${agree(registered, ['is', 'are'])} ${countOf(registered, lang, counted.noun)} in the catalogue${catalogueScope}; ${everSold}.`,
        )
      : say(
          lang,
          `${countOf(inScope, lang, counted.noun)} ${agree(inScope, ['se vendió', 'se vendieron'])}${when}${scopeWords(entities, lang)}, de ${formatNumber(registered, lang)} en el catálogo; ${everSold}.`,
          `${countOf(inScope, lang, counted.noun)} sold${when}${scopeWords(entities, lang)}, of ${formatNumber(registered, lang)} in the catalogue; ${everSold}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      say(lang, 'catálogo de productos', 'product catalogue'),
      ...describeFilters(entities, lang),
      ...(entities.period ? [describePeriod(entities.period, lang)] : []),
    ],
    data: {
      ...(attribute === undefined ? {} : { attribute }),
      registered,
      sold,
      ...(inScope === undefined ? {} : { sold_in_scope: inScope }),
    },
  };
};
