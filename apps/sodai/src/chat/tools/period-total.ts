import type { ChatPeriod, ChatThreshold, Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { capitalize, formatPercent, say } from '../format.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { meetsBar } from './bar.ts';
import { likeForLike } from './like-for-like.ts';
import { describePeriod, periodRange, scopeWords, type ScopedEntities } from './filters.ts';
import { periodFigures, type PeriodFigures } from './period-figures.ts';
import type { ChatToolbox } from './toolbox.ts';

/** A period's total and the one before it, in words and figures. */
export interface PeriodTotal {
  readonly text: string;
  readonly current: PeriodFigures & { readonly period: ChatPeriod };
  readonly previous: PeriodFigures & { readonly period: ChatPeriod };
}

/**
 * How the units (or litres) moved against the period before, as the answer rounds it: "same" when the change
 * reads 0 %; nothing when that period ends before the data begin or sold nothing.
 */
function movement(
  now: number,
  before: number,
  noData: boolean,
  lang: Lang,
): { readonly moved: 'up' | 'down' | 'same'; readonly pct: string } | undefined {
  if (noData || before <= 0) return undefined;
  const change = now / before - 1;
  const pct = formatPercent(Math.abs(change), lang);
  return { moved: pct === formatPercent(0, lang) ? 'same' : change > 0 ? 'up' : 'down', pct };
}

/**
 * "un 12,2 % más que" / "up 12.2% on": the change of units against the period before; "sin datos
 * para" when that period ends before the data begin (its zero is no fact about the business).
 */
function changeWords(now: number, before: number, noData: boolean, lang: Lang): string {
  if (noData) return say(lang, 'sin datos para', 'with no data for');
  const m = movement(now, before, noData, lang);
  if (!m) return say(lang, 'sin ventas en', 'with no sales in');
  if (m.moved === 'same') return say(lang, 'lo mismo que', 'the same as');
  return m.moved === 'up'
    ? say(lang, `un ${m.pct} más que`, `up ${m.pct} on`)
    : say(lang, `un ${m.pct} menos que`, `down ${m.pct} on`);
}

/** "¿Vendimos más de 500 unidades?" is a yes/no question: "Sí. " or "No. " before the total. */
function verdict(bar: ChatThreshold | undefined, now: PeriodFigures, lang: Lang): string {
  if (!bar || bar.of === 'products') return '';
  return meetsBar(now[bar.of], bar) ? say(lang, 'Sí. ', 'Yes. ') : 'No. ';
}

/**
 * "¿Creció este mes?" is a yes/no question on the change: "Sí. " when it moved the way asked, "No. "
 * when it moved the other way or stayed the same, nothing when the period before has no data.
 */
function changeVerdict(
  asked: 'up' | 'down' | undefined,
  now: number,
  before: number,
  noData: boolean,
  lang: Lang,
): string {
  const m = asked ? movement(now, before, noData, lang) : undefined;
  if (!m) return '';
  return m.moved === asked ? say(lang, 'Sí. ', 'Yes. ') : 'No. ';
}

/**
 * "La semana pasada (…) se vendieron 512 unidades (envase LATA) en 40 pedidos de 35 clientes, un
 * 12,2 % más que la semana anterior (…: 456 unidades, 38 pedidos, 33 clientes).": what a question
 * about a period's sales asks first. One customer's is said as what it bought ("el cliente 1002
 * compró 40 unidades en 5 pedidos, …").
 */
export async function periodTotal(
  box: ChatToolbox,
  entities: ScopedEntities,
  period: ChatPeriod,
  lang: Lang,
  data: { readonly firstDay: string | null; readonly lastDay: string | null },
  inLitres = false,
  changeAsked?: 'up' | 'down',
): Promise<PeriodTotal> {
  // "Ventas de mayo" on data to the 19th: May so far against the same days of April, said so.
  const { earlier: before, note } = likeForLike(period, previousPeriod(period, lang), data.lastDay, lang);
  const dataFrom = data.firstDay;
  const now = await periodFigures(box, entities, period, inLitres);
  const then = await periodFigures(box, entities, before, inLitres);
  const customer = entities.customer_id;
  // "¿Cuántos litros …?": the volume leads, its units beside it, and the change is of litres.
  const litres = (f: PeriodFigures) => countOf(f.litres ?? 0, lang, NOUN.litre, 1);
  const figures = (f: PeriodFigures) =>
    [
      ...(inLitres ? [litres(f)] : []),
      countOf(f.units, lang, NOUN.unit),
      countOf(f.orders, lang, NOUN.order),
      ...(customer === undefined ? [countOf(f.customers, lang, NOUN.customer)] : []),
    ].join(', ');
  const product =
    entities.product_id === undefined
      ? ''
      : say(lang, ` del producto ${entities.product_id}`, ` of product ${entities.product_id}`);
  const of = `${product}${scopeWords({ ...entities, customer_id: undefined }, lang)}`;
  const when = capitalize(describePeriod(period, lang));
  const beforeData = dataFrom !== null && before.to < dataFrom;
  const measure = (f: PeriodFigures) => (inLitres ? (f.litres ?? 0) : f.units);
  const against = `${changeWords(measure(now), measure(then), beforeData, lang)} ${before.label} (${periodRange(before, lang)}${then.units > 0 ? `: ${figures(then)}` : ''})`;
  const units = inLitres
    ? `${litres(now)} (${countOf(now.units, lang, NOUN.unit)})`
    : countOf(now.units, lang, NOUN.unit);
  const orders = countOf(now.orders, lang, NOUN.order);
  const text =
    customer === undefined
      ? say(
          lang,
          `${when} se ${agree(now.units, ['vendió', 'vendieron'])} ${units}${of} en ${orders} de ${countOf(now.customers, lang, NOUN.customer)}, ${against}.`,
          `${when}: ${units}${of} sold in ${orders} from ${countOf(now.customers, lang, NOUN.customer)}, ${against}.`,
        )
      : say(
          lang,
          `${when} el cliente ${customer} compró ${units}${of} en ${orders}, ${against}.`,
          `${when}: customer ${customer} bought ${units}${of} in ${orders}, ${against}.`,
        );
  return {
    text: `${verdict(entities.threshold, now, lang)}${changeVerdict(changeAsked, measure(now), measure(then), beforeData, lang)}${text}${note}`,
    current: { ...now, period },
    previous: { ...then, period: before },
  };
}
