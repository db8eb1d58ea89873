import type { ChatEntities, ChatPeriod, Lang } from '../../contract/api.ts';
import type { SqlValue } from '../data-source.ts';
import { addDays, mondayOf } from '../understanding/days.ts';
import { customerTypeWords, formatDay, formatLitres, packageWords, say } from '../format.ts';
import type { Place } from '../understanding/place-words.ts';
import type { ToolRequest } from './toolbox.ts';
import type { ExcludableEntity } from '../understanding/excluded-kind.ts';
import { ATTRIBUTE_COLUMN, valueWords } from './attribute-words.ts';
import type { KindsTogether } from '../understanding/two-kinds-words.ts';

/**
 * A question's entities and the region or zone of the customers it names: a place is a column of
 * the customers table the contract's entities do not carry, so the tools that filter by it are given
 * it here ({@link placed}) and the others say they cannot (see place-scope.ts).
 */
export type ScopedEntities = ChatEntities & {
  readonly place?: Place;
  readonly excluded?: Excluded;
  readonly either?: KindsTogether;
};

/** A value left out of what is counted ("ventas de abril sin contar las botellas"). */
export interface Excluded {
  readonly entity: ExcludableEntity;
  readonly value: string;
}

/**
 * The request's entities with the place it names, for a tool that filters by region or zone, and the
 * two kinds of product it ranks together ("los mejores clientes de latas y botellas").
 */
export function placed(req: ToolRequest): ScopedEntities {
  if (!req.place && !req.kindsTogether) return req.entities;
  return {
    ...req.entities,
    ...(req.place ? { place: req.place } : {}),
    ...(req.kindsTogether ? { either: req.kindsTogether } : {}),
  };
}

/**
 * {@link placed} and the value the question leaves out when nothing it keeps leaves it out
 * already, for a tool that counts without it (and says so with `exclusionApplied`). Other tools
 * are not given it: their answers say it is included (exclusion-note.ts).
 */
export function placedLeavingOut(req: ToolRequest): ScopedEntities {
  const e = placed(req);
  const x = req.excludedKind;
  return x && !x.applied ? { ...e, excluded: { entity: x.entity, value: x.value } } : e;
}

/** The sales lines with their product and customer: what `joinFilters` conditions are written over. */
export const FROM = 'transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)';

/** The `[from, to]` condition over `t.purchase_date` with the two dates at `$n`, `$n+1`. */
export const withinDates = (n: number): string =>
  `t.purchase_date >= $${n}::DATE AND t.purchase_date < $${n + 1}::DATE + 1`;

/** A SQL condition with its parameters, numbered from `$first`. */
export interface SqlFilter {
  readonly where: string;
  readonly params: readonly SqlValue[];
}

/**
 * The product and customer conditions a question names, over `products p` and `customers c`.
 * Parameters are numbered after `firstParam - 1` existing ones.
 */
export function catalogFilter(e: ScopedEntities, firstParam = 1): SqlFilter {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, value: SqlValue) => {
    params.push(value);
    parts.push(sql.replace('?', `$${firstParam + params.length - 1}`));
  };
  if (e.brand !== undefined) add('p.brand = ?', e.brand);
  if (e.category !== undefined) add('p.category = ?', e.category);
  if (e.sub_category !== undefined) add('p.sub_category = ?', e.sub_category);
  if (e.segment !== undefined) add('p.segment = ?', e.segment);
  if (e.package !== undefined) add('p.package = ?', e.package);
  if (e.size_litres !== undefined) add('abs(p.size - ?) < 0.0005', e.size_litres);
  if (e.customer_type !== undefined) add('c.customer_type = ?', e.customer_type);
  if (e.place?.region !== undefined) add('c.region_id = ?', e.place.region);
  if (e.place?.zone !== undefined) add('c.zone_id = ?', e.place.zone);
  if (e.excluded) add(`${ATTRIBUTE_COLUMN[e.excluded.entity]} IS DISTINCT FROM ?`, e.excluded.value);
  if (e.either) {
    params.push(...e.either.values);
    const n = firstParam + params.length - 2;
    parts.push(`${ATTRIBUTE_COLUMN[e.either.attribute]} IN ($${n}, $${n + 1})`);
  }
  return { where: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** The period condition over `t.purchase_date`. */
export function periodFilter(p: ChatPeriod | undefined, firstParam: number): SqlFilter {
  if (!p) return { where: 'TRUE', params: [] };
  return {
    where: `t.purchase_date >= $${firstParam}::DATE AND t.purchase_date < $${firstParam + 1}::DATE + 1`,
    params: [p.from, p.to],
  };
}

/** The filters in words, for "based on": "marca Brand 7, botellas de 0,25 L, restaurantes". */
export function describeFilters(e: ScopedEntities, lang: Lang): string[] {
  const out: string[] = [];
  if (e.brand !== undefined) out.push(say(lang, `marca ${e.brand}`, `brand ${e.brand}`));
  if (e.category !== undefined) out.push(say(lang, `categoría ${e.category}`, `category ${e.category}`));
  if (e.sub_category !== undefined)
    out.push(say(lang, `subcategoría ${e.sub_category}`, `sub-category ${e.sub_category}`));
  if (e.segment !== undefined) out.push(say(lang, `segmento ${e.segment}`, `segment ${e.segment}`));
  // "Latas", "cans": the package as people say it, not its code in the data ("LATA").
  if (e.package !== undefined) out.push(packageWords(e.package, lang, true));
  if (e.size_litres !== undefined)
    out.push(
      say(lang, `tamaño ${formatLitres(e.size_litres, lang)}`, `size ${formatLitres(e.size_litres, lang)}`),
    );
  if (e.customer_type !== undefined) out.push(customerTypeWords(e.customer_type, lang));
  if (e.place?.region !== undefined)
    out.push(say(lang, `región ${e.place.region}`, `region ${e.place.region}`));
  if (e.place?.zone !== undefined) out.push(say(lang, `zona ${e.place.zone}`, `zone ${e.place.zone}`));
  if (e.excluded) {
    const words = valueWords(e.excluded.entity, e.excluded.value, lang);
    out.push(say(lang, `sin ${words}`, `excluding ${words}`));
  }
  if (e.either) {
    const [a, b] = e.either.values.map((v) => valueWords(e.either!.attribute, v, lang));
    out.push(say(lang, `${a} y ${b}`, `${a} and ${b}`));
  }
  return out;
}

/** The product and customer named, then the filters, in words: "producto 12, cliente 1002, marca Brand 7". */
export function describeSubject(e: ScopedEntities, lang: Lang): string[] {
  return [
    ...(e.product_id !== undefined ? [say(lang, `producto ${e.product_id}`, `product ${e.product_id}`)] : []),
    ...(e.customer_id !== undefined
      ? [say(lang, `cliente ${e.customer_id}`, `customer ${e.customer_id}`)]
      : []),
    ...describeFilters(e, lang),
  ];
}

/**
 * What a series is of, after its noun: " de marca Brand 7", " de marca Brand 7 sin latas", " sin
 * latas", or nothing. The value left out follows what is kept, never after "de": "ventas semanales
 * de sin latas" reads as if "sin latas" were a product.
 */
export function ofSubject(e: ScopedEntities, lang: Lang): string {
  const { excluded, ...kept } = e;
  const subject = describeSubject(kept, lang);
  const of = subject.length ? say(lang, ` de ${subject.join(', ')}`, ` of ${subject.join(', ')}`) : '';
  return excluded ? `${of} ${describeFilters({ excluded }, lang).join('')}` : of;
}

/** The filters of a question in parentheses (" (envase LATA, restaurantes)"), or nothing. */
export function scopeWords(e: ScopedEntities, lang: Lang): string {
  const f = describeFilters(e, lang);
  return f.length ? ` (${f.join(', ')})` : '';
}

/** "23 dic 2024 – 29 dic 2024", or the one day. */
export function periodRange(p: ChatPeriod, lang: Lang): string {
  return p.from === p.to ? formatDay(p.from, lang) : `${formatDay(p.from, lang)} – ${formatDay(p.to, lang)}`;
}

/** "la semana pasada (23 dic 2024 – 29 dic 2024)"; a label that names its dates is said alone. */
export function describePeriod(p: ChatPeriod, lang: Lang): string {
  const namesItsDates = p.label.includes(formatDay(p.from, lang)) && p.label.includes(formatDay(p.to, lang));
  return namesItsDates ? p.label : `${p.label} (${periodRange(p, lang)})`;
}

/** Every filter the question named, joined. */
export function joinFilters(e: ScopedEntities, firstParam = 1): SqlFilter {
  const catalog = catalogFilter(e, firstParam);
  const period = periodFilter(e.period, firstParam + catalog.params.length);
  return { where: `${catalog.where} AND ${period.where}`, params: [...catalog.params, ...period.params] };
}

/**
 * {@link joinFilters} and the one product or customer a question names ("ventas del 20012 el mes
 * pasado" counts that product only).
 */
export function joinFiltersAndIds(e: ScopedEntities, firstParam = 1): SqlFilter {
  const f = joinFilters(e, firstParam);
  const params = [...f.params];
  let where = f.where;
  for (const [column, id] of [
    ['product_id', e.product_id],
    ['customer_id', e.customer_id],
  ] as const) {
    if (id === undefined) continue;
    params.push(id);
    where += ` AND t.${column} = $${firstParam + params.length - 1}`;
  }
  return { where, params };
}

/** The period a question means, or the default: the `weeks` weeks up to the last day of data. */
export function periodOrWeeks(req: ToolRequest, weeks: number): ChatPeriod | undefined {
  if (req.entities.period) return req.entities.period;
  const last = req.vocab.lastDay;
  if (!last) return undefined;
  return {
    from: addDays(last, 1 - 7 * weeks),
    to: last,
    label: say(req.lang, `las últimas ${weeks} semanas`, `the last ${weeks} weeks`),
  };
}

/**
 * The period a question means, or the default: the `weeks` Monday-to-Sunday weeks up to the last
 * day of data, the last one possibly partial (what a weekly series shows, so its first week is whole).
 */
export function periodOrCalendarWeeks(req: ToolRequest, weeks: number, last: string): ChatPeriod {
  return (
    req.entities.period ?? {
      from: addDays(mondayOf(last), -7 * (weeks - 1)),
      to: last,
      label: say(req.lang, `las últimas ${weeks} semanas`, `the last ${weeks} weeks`),
    }
  );
}

/** The period a question means, or the default: the four weeks up to the last day of data. */
export function periodOr4Weeks(req: ToolRequest): ChatPeriod | undefined {
  return periodOrWeeks(req, 4);
}
