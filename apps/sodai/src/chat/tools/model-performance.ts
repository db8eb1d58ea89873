import type { Lang } from '../../contract/api.ts';
import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import { table } from './answers.ts';
import { testMetrics, testWeek, versionRecord } from './champion-record.ts';
import { describePeriod } from './filters.ts';
import type { Tool } from './toolbox.ts';

/** What training measured on the week it held out, as the registry recorded it. */
interface HeldOutWeek {
  readonly version: number;
  readonly week: string | undefined;
  readonly f1: number;
  readonly precision: number | undefined;
  readonly recall: number | undefined;
  /** F1 above the best rule on the same week, and its bootstrap interval (95 %). */
  readonly gain: number | undefined;
  readonly gainLow: number | undefined;
  readonly gainHigh: number | undefined;
}

const f3 = (x: number, lang: Lang) => formatNumber(x, lang, 3);

/**
 * "En la semana de prueba que el entrenamiento dejó aparte (la del 6 may 2024), el modelo v3 obtuvo
 * F1 = 0,412, precisión 0,38 y recall 0,45: 0,052 de F1 más que la mejor regla (…)."
 */
function heldOutWords(h: HeldOutWeek, lang: Lang): string {
  const week = h.week
    ? say(lang, ` (la del ${formatDay(h.week, lang)})`, ` (the week of ${formatDay(h.week, lang)})`)
    : '';
  const parts = [
    `F1 = ${f3(h.f1, lang)}`,
    ...(h.precision === undefined
      ? []
      : [say(lang, `precisión ${f3(h.precision, lang)}`, `precision ${f3(h.precision, lang)}`)]),
    ...(h.recall === undefined ? [] : [`recall ${f3(h.recall, lang)}`]),
  ];
  const scores =
    parts.length === 1
      ? parts[0]!
      : `${parts.slice(0, -1).join(', ')} ${say(lang, 'y', 'and')} ${parts.at(-1)!}`;
  const interval =
    h.gainLow !== undefined && h.gainHigh !== undefined
      ? say(
          lang,
          ` (intervalo del 95 %: ${f3(h.gainLow, lang)} a ${f3(h.gainHigh, lang)})`,
          ` (95% interval ${f3(h.gainLow, lang)} to ${f3(h.gainHigh, lang)})`,
        )
      : '';
  const gain =
    h.gain === undefined
      ? ''
      : say(
          lang,
          `: ${f3(Math.abs(h.gain), lang)} de F1 ${h.gain >= 0 ? 'más' : 'menos'} que la mejor regla${interval}`,
          `, ${f3(Math.abs(h.gain), lang)} F1 ${h.gain >= 0 ? 'above' : 'below'} the best rule${interval}`,
        );
  return say(
    lang,
    `En la semana de prueba que el entrenamiento dejó aparte${week}, el modelo v${h.version} obtuvo ${scores}${gain}.`,
    `On the test week training held out${week}, model v${h.version} scored ${scores}${gain}.`,
  );
}

/**
 * How good the model is. Realized weeks (predictions against the purchases that followed) come first
 * when measured; until then the champion's scores on the week training held out, said to be that,
 * with its gain over the best rule. Neither: says so.
 */
export const modelPerformanceTool: Tool = async (box, req) => {
  const { lang } = req;
  const model = box.serving.current();
  const record = model ? await versionRecord(box, model.version) : undefined;
  const m = await testMetrics(box, record);
  const heldOut: HeldOutWeek | undefined =
    model && m.test_f1 !== undefined
      ? {
          version: model.version,
          week: testWeek(record),
          f1: m.test_f1,
          precision: m.test_precision,
          recall: m.test_recall,
          gain: m.f1_gain_vs_best_baseline,
          gainLow: m.f1_gain_ci_low,
          gainHigh: m.f1_gain_ci_high,
        }
      : undefined;
  const heldOutText = heldOut ? heldOutWords(heldOut, lang) : '';
  const heldOutData = heldOut ? { ...heldOut, week: heldOut.week ?? null } : null;
  const weeks = box.performance ? await box.performance.weeks({ limit: 12 }) : [];
  if (weeks.length === 0) {
    const notMeasured = say(
      lang,
      `El desempeño real (predicciones frente a compras reales) todavía no se mide${req.entities.period ? ` para ${describePeriod(req.entities.period, lang)}` : ''}.`,
      `Realized performance (predictions against actual purchases) is not measured yet${req.entities.period ? ` for ${describePeriod(req.entities.period, lang)}` : ''}.`,
    );
    const noTest = say(
      lang,
      ' Tampoco hay métricas de prueba del entrenamiento registradas para el modelo que sirve.',
      ' Nor are there test metrics from training recorded for the serving model.',
    );
    return {
      text: heldOut ? `${heldOutText} ${notMeasured}` : `${notMeasured}${noTest}`,
      answered: heldOut !== undefined,
      basedOn: [
        say(
          lang,
          'registro de modelos: métricas de la semana de prueba del entrenamiento',
          "model registry: metrics of training's test week",
        ),
      ],
      data: { realized: null, test: heldOutData, model_version: model?.version ?? null },
    };
  }
  const wanted = req.entities.period
    ? weeks.filter((w) => w.week >= req.entities.period!.from && w.week <= req.entities.period!.to)
    : weeks;
  const last = (wanted.length ? wanted : weeks).at(-1)!;
  const realized = say(
    lang,
    `En la semana del ${formatDay(last.week, lang)} el modelo v${last.modelVersion} tuvo F1 = ${f3(last.f1, lang)} (precisión ${f3(last.precision, lang)}, recall ${f3(last.recall, lang)}) sobre ${countOf(last.pairs, lang, NOUN.pair)}.`,
    `In the week of ${formatDay(last.week, lang)} model v${last.modelVersion} scored F1 = ${f3(last.f1, lang)} (precision ${f3(last.precision, lang)}, recall ${f3(last.recall, lang)}) over ${countOf(last.pairs, lang, NOUN.pair)}.`,
  );
  return {
    text: heldOut ? `${realized} ${heldOutText}` : realized,
    answered: true,
    basedOn: [say(lang, 'desempeño real medido semana a semana', 'realized performance, week by week')],
    table: table(
      [
        [say(lang, 'Semana', 'Week'), false],
        [say(lang, 'Versión', 'Version'), true],
        ['F1', true],
        [say(lang, 'Precisión', 'Precision'), true],
        ['Recall', true],
      ],
      weeks.map((w) => [
        formatDay(w.week, lang),
        String(w.modelVersion),
        f3(w.f1, lang),
        f3(w.precision, lang),
        f3(w.recall, lang),
      ]),
    ),
    chart: {
      kind: 'line',
      title: say(lang, 'F1 real por semana', 'Realized F1 by week'),
      labels: weeks.map((w) => w.week),
      series: [{ name: 'F1', values: weeks.map((w) => w.f1) }],
    },
    data: { realized: weeks.map((w) => ({ ...w })), week: last.week, f1: last.f1, test: heldOutData },
  };
};
