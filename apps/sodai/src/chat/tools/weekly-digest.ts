import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { against, capitalize, formatDay, formatNumber, formatPercent, say } from '../format.ts';
import { scorerLabel } from '../scorer-label.ts';
import { addDays, daysBetween, lastCompleteWeek } from '../understanding/days.ts';
import { previousPeriod } from '../understanding/periods.ts';
import { noTransactions } from './answers.ts';
import { describeFilters, describePeriod, scopeWords } from './filters.ts';
import { comparePeriodsTool, topProductsTool } from './market.ts';
import type { PeriodFigures } from './period-figures.ts';
import type { Tool, ToolRequest } from './toolbox.ts';

const NOUN_ACTIVE = {
  es: ['cliente activo', 'clientes activos'],
  en: ['active customer', 'active customers'],
} as const;

/**
 * The period a digest covers: the one the question names when it is over and at least a week long
 * ("resumen de la semana pasada", "resumen de marzo"), else the last complete Monday–Sunday week in
 * the data (a week still running would compare a few days with a whole week).
 */
export function digestPeriod(req: ToolRequest): ChatPeriod | undefined {
  const last = req.vocab.lastDay;
  if (!last) return undefined;
  const named = req.entities.period;
  if (named && named.to <= last && daysBetween(named.from, named.to) >= 6) return named;
  const week = lastCompleteWeek(last);
  // The data may end before its first complete week: then the week up to its last day.
  const from = req.vocab.firstDay && week.from < req.vocab.firstDay ? addDays(last, -6) : week.from;
  return {
    from,
    to: from === week.from ? week.to : last,
    label: say(req.lang, 'la última semana completa', 'the last complete week'),
  };
}

/** The figures of one side of the period comparison's data. */
function figuresOf(side: unknown): PeriodFigures {
  const f = (side ?? {}) as Partial<PeriodFigures>;
  return { units: f.units ?? 0, orders: f.orders ?? 0, customers: f.customers ?? 0 };
}

/** "+5,2 %", "−3,1 %", or "—" when there was nothing before to compare with. */
function change(now: number, before: number, lang: Lang): string {
  if (before <= 0) return '—';
  const c = now / before - 1;
  return `${c > 0 ? '+' : ''}${formatPercent(c, lang)}`;
}

/**
 * A short digest of the last complete week ("resumen de la semana", "how was last week?"): units,
 * orders and active customers against the week before (the period comparison's figures and table),
 * the three best sellers (the best sellers' ranking), the model serving now with its last F1 scored
 * on a real week, and how many alerts are open. Any catalogue or customer-type filter named narrows
 * the sales figures.
 */
export const weeklyDigestTool: Tool = async (box, req) => {
  const { lang } = req;
  const week = digestPeriod(req);
  if (!week) return noTransactions(lang);
  const before = previousPeriod(week, lang);
  const { customer_id: _c, product_id: _p, count: _n, compare_to: _t, ...filters } = req.entities;
  const compared = await comparePeriodsTool(box, {
    ...req,
    entities: { ...filters, period: week, compare_to: before },
  });
  const top = await topProductsTool(box, {
    ...req,
    entities: { ...filters, period: week, count: 3 },
    offset: 0,
  });
  const x = figuresOf(compared.data.current);
  const y = figuresOf(compared.data.previous);
  // The ranking's figures, with the description its table already wrote for each row.
  const best = ((top.data.products ?? []) as { product: number; units: number }[]).map((p, i) => ({
    ...p,
    description: top.table?.rows[i]?.[2] ?? '',
  }));

  const model = box.serving.current()?.acquire();
  let served: string;
  let modelVersion: number | null = null;
  let lastF1: { week: string; f1: number } | null = null;
  try {
    if (!model) served = say(lang, 'ningún modelo está sirviendo todavía', 'no model is serving yet');
    else {
      modelVersion = model.servedBy.kind === 'model' ? model.version : null;
      const scored =
        modelVersion !== null && box.performance
          ? await box.performance.weeks({ modelVersion, limit: 1 })
          : [];
      const f1 = scored.at(-1);
      if (f1) lastF1 = { week: f1.week, f1: f1.f1 };
      served = say(
        lang,
        `en servicio: ${scorerLabel(model, lang)}, ${f1 ? `con F1 = ${formatNumber(f1.f1, lang, 3)} en la última semana real medida (la del ${formatDay(f1.week, lang)})` : 'todavía sin F1 medido sobre compras reales'}`,
        `serving: ${scorerLabel(model, lang)}, ${f1 ? `with F1 = ${formatNumber(f1.f1, lang, 3)} on the last real week scored (the week of ${formatDay(f1.week, lang)})` : 'with no F1 scored on real purchases yet'}`,
      );
    }
  } finally {
    model?.release();
  }
  const alerts = box.alerts ? (await box.alerts.open()).length : null;
  const alertWords =
    alerts === null
      ? say(
          lang,
          'las alertas no están configuradas en este servidor',
          'alerts are not set up on this server',
        )
      : alerts === 0
        ? say(lang, 'no hay alertas abiertas', 'there are no open alerts')
        : say(
            lang,
            `hay ${countOf(alerts, lang, { es: ['alerta abierta', 'alertas abiertas'], en: ['open alert', 'open alerts'] })} («¿hay alertas?» las detalla)`,
            `there ${alerts === 1 ? 'is' : 'are'} ${countOf(alerts, lang, { es: ['alerta abierta', 'alertas abiertas'], en: ['open alert', 'open alerts'] })} ("any alerts?" lists them)`,
          );
  const scope = scopeWords(filters, lang);
  const sellers = best
    .map((b) =>
      say(
        lang,
        `producto ${b.product} (${b.description}) con ${countOf(b.units, lang, NOUN.unit)}`,
        `product ${b.product} (${b.description}) with ${countOf(b.units, lang, NOUN.unit)}`,
      ),
    )
    .join('; ');
  const text = say(
    lang,
    `Resumen de ${describePeriod(week, lang)}${scope}: ${countOf(x.units, lang, NOUN.unit)} (${change(x.units, y.units, lang)} ${against(before.label, lang)}), ${countOf(x.orders, lang, NOUN.order)} (${change(x.orders, y.orders, lang)}) y ${countOf(x.customers, lang, NOUN_ACTIVE)} (${change(x.customers, y.customers, lang)}). ${best.length ? `Lo más vendido: ${sellers}.` : 'No hubo ventas.'} ${capitalize(served)}; ${alertWords}.`,
    `Digest of ${describePeriod(week, lang)}${scope}: ${countOf(x.units, lang, NOUN.unit)} (${change(x.units, y.units, lang)} ${against(before.label, lang)}), ${countOf(x.orders, lang, NOUN.order)} (${change(x.orders, y.orders, lang)}) and ${countOf(x.customers, lang, NOUN_ACTIVE)} (${change(x.customers, y.customers, lang)}). ${best.length ? `Best sellers: ${sellers}.` : 'There were no sales.'} ${capitalize(served)}; ${alertWords}.`,
  );
  return {
    text,
    answered: true,
    basedOn: [
      describePeriod(week, lang),
      describePeriod(before, lang),
      ...describeFilters(filters, lang),
      say(lang, 'unidades netas de devoluciones', 'units net of returns'),
    ],
    ...(compared.table ? { table: compared.table } : {}),
    ...(compared.chart ? { chart: compared.chart } : {}),
    data: {
      period: week,
      previous_period: before,
      current: x,
      previous: y,
      top_products: best.map((b) => ({ product: b.product, units: b.units })),
      model_version: modelVersion,
      last_f1: lastF1,
      open_alerts: alerts,
    },
    products: best.map((b) => b.product),
  };
};
