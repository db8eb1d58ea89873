import type { ChatEntities, ChatPeriod, ChatThreshold, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { capitalize, formatPercent, say } from '../format.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { describePeriod, periodRange } from './filters.ts';
import { periodFigures, type PeriodFigures } from './period-figures.ts';
import type { ChatToolbox } from './toolbox.ts';

/** A period's total and the one before it, in words and figures. */
export interface PeriodTotal {
  readonly text: string;
  readonly current: PeriodFigures & { readonly period: ChatPeriod };
  readonly previous: PeriodFigures & { readonly period: ChatPeriod };
}

/** "un 12,2 % más que" / "up 12.2% on": the change of units against the period before. */
function changeWords(now: number, before: number, lang: Lang): string {
  if (before <= 0) return say(lang, 'sin ventas en', 'with no sales in');
  const change = now / before - 1;
  const pct = formatPercent(Math.abs(change), lang);
  if (pct === formatPercent(0, lang)) return say(lang, 'lo mismo que', 'the same as');
  return change > 0
    ? say(lang, `un ${pct} más que`, `up ${pct} on`)
    : say(lang, `un ${pct} menos que`, `down ${pct} on`);
}

const MET: Readonly<Record<ChatThreshold['op'], (x: number, bar: number) => boolean>> = {
  gt: (x, bar) => x > bar,
  gte: (x, bar) => x >= bar,
  lt: (x, bar) => x < bar,
  lte: (x, bar) => x <= bar,
};

/** "¿Vendimos más de 500 unidades?" is a yes/no question: "Sí. " or "No. " before the total. */
function verdict(bar: ChatThreshold | undefined, now: PeriodFigures, lang: Lang): string {
  if (!bar || bar.of === 'products') return '';
  return MET[bar.op](now[bar.of], bar.value) ? say(lang, 'Sí. ', 'Yes. ') : 'No. ';
}

/**
 * "La semana pasada (…) se vendieron 512 unidades de envase LATA en 40 pedidos de 35 clientes, un
 * 12,2 % más que la semana anterior (…: 456 unidades, 38 pedidos, 33 clientes).": what a question
 * about a period's sales asks first. `of` names what is counted (" de envase LATA"), or is empty.
 */
export async function periodTotal(
  box: ChatToolbox,
  entities: ChatEntities,
  period: ChatPeriod,
  of: string,
  lang: Lang,
): Promise<PeriodTotal> {
  const before = previousPeriod(period, lang);
  const now = await periodFigures(box, entities, period);
  const then = await periodFigures(box, entities, before);
  const figures = (f: PeriodFigures) =>
    [
      countOf(f.units, lang, NOUN.unit),
      countOf(f.orders, lang, NOUN.order),
      countOf(f.customers, lang, NOUN.customer),
    ].join(', ');
  const text = say(
    lang,
    `${capitalize(describePeriod(period, lang))} se ${now.units === 1 ? 'vendió' : 'vendieron'} ${countOf(now.units, lang, NOUN.unit)}${of} en ${countOf(now.orders, lang, NOUN.order)} de ${countOf(now.customers, lang, NOUN.customer)}, ${changeWords(now.units, then.units, lang)} ${before.label} (${periodRange(before, lang)}${then.units > 0 ? `: ${figures(then)}` : ''}).`,
    `${capitalize(describePeriod(period, lang))}: ${countOf(now.units, lang, NOUN.unit)}${of} sold in ${countOf(now.orders, lang, NOUN.order)} from ${countOf(now.customers, lang, NOUN.customer)}, ${changeWords(now.units, then.units, lang)} ${before.label} (${periodRange(before, lang)}${then.units > 0 ? `: ${figures(then)}` : ''}).`,
  );
  return {
    text: `${verdict(entities.threshold, now, lang)}${text}`,
    current: { ...now, period },
    previous: { ...then, period: before },
  };
}
