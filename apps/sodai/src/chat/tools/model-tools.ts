import { FEATURES } from '../../contract/feature-vector.ts';
import { testMetrics, versionRecord } from './champion-record.ts';
import { formatDay, formatInstant, formatNumber, formatPercent, say } from '../format.ts';
import { noModel, notAnswered, table } from './answers.ts';
import { explainTool } from './sales-advice.ts';
import { ruleServingNote, scorerLabel } from '../scorer-label.ts';
import type { Tool, ToolRequest } from './toolbox.ts';
import { describeTraining } from './training-span.ts';
import { driftChangesSentence, driftChangesTable, whatChangedSentence } from './drift-changes.ts';

const servingGone = (req: ToolRequest) =>
  noModel(req.lang, say(req.lang, 'no hay campeón cargado', 'no champion is loaded'));

/** The champion: version, when it was registered and promoted, what it was trained and tested on. */
export const modelInfoTool: Tool = async (box, req) => {
  const { lang } = req;
  const model = box.serving.current();
  if (!model) return servingGone(req);
  if (model.servedBy.kind === 'rule') {
    return {
      text: ruleServingNote(model, lang),
      answered: true,
      basedOn: [say(lang, 'registro de modelos (alias champion)', 'model registry (champion alias)')],
      data: { model_version: null, rule: model.servedBy.rule.name, threshold: model.threshold },
    };
  }
  const record = await versionRecord(box, model.version);
  const metrics = await testMetrics(box, record);
  const training = describeTraining(record?.description, lang);
  const trainedOn = training ? ` ${training}` : '';
  const f1 =
    metrics.test_f1 !== undefined
      ? say(
          lang,
          ` En su semana de prueba obtuvo F1 = ${formatNumber(metrics.test_f1, lang, 3)}.`,
          ` On its test week it scored F1 = ${formatNumber(metrics.test_f1, lang, 3)}.`,
        )
      : '';
  const text = say(
    lang,
    `El modelo campeón es la versión ${model.version}, registrada el ${formatInstant(model.registeredAt, lang)} y sirviendo desde el ${formatInstant(model.loadedAt, lang)}; recomienda a partir de una probabilidad de ${formatPercent(model.threshold, lang)}.${trainedOn}${f1}`,
    `The champion model is version ${model.version}, registered on ${formatInstant(model.registeredAt, lang)} and serving since ${formatInstant(model.loadedAt, lang)}; it recommends from a ${formatPercent(model.threshold, lang)} probability.${trainedOn}${f1}`,
  );
  return {
    text,
    answered: true,
    basedOn: [say(lang, 'registro de modelos (alias champion)', 'model registry (champion alias)')],
    table: table(
      [
        [say(lang, 'Dato', 'Item'), false],
        [say(lang, 'Valor', 'Value'), false],
      ],
      [
        [say(lang, 'Versión', 'Version'), String(model.version)],
        [say(lang, 'Registrada', 'Registered'), formatInstant(model.registeredAt, lang)],
        [say(lang, 'Umbral de decisión', 'Decision threshold'), formatPercent(model.threshold, lang)],
        [
          say(lang, 'Semana predicha', 'Predicted week'),
          model.features.cutoff ? formatDay(model.features.cutoff, lang) : '—',
        ],
        ...(metrics.test_f1 !== undefined ? [['F1 (test)', formatNumber(metrics.test_f1, lang, 3)]] : []),
      ],
    ),
    data: {
      model_version: model.version,
      threshold: model.threshold,
      test_f1: metrics.test_f1 ?? null,
      description: record?.description ?? null,
    },
  };
};

/** What drives predictions: one pair's contributions, or the model's overall feature importance. */
export const predictionDriversTool: Tool = async (box, req) => {
  if (req.entities.customer_id !== undefined && req.entities.product_id !== undefined)
    return explainTool(box, req);
  const { lang } = req;
  const model = box.serving.current()?.acquire();
  if (!model) return servingGone(req);
  try {
    if (!model.booster) {
      return {
        text: ruleServingNote(model, lang),
        answered: true,
        basedOn: [scorerLabel(model, lang)],
        data: { model_version: null, importance: [] },
      };
    }
    const gain = model.booster.featureImportance('total_gain');
    const total = Object.values(gain).reduce((a, b) => a + b, 0);
    const ranked = Object.entries(gain)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, value]) => ({
        name,
        label: FEATURES.find((f) => f.name === name)?.label[lang] ?? name,
        share: total > 0 ? value / total : 0,
      }));
    const text = say(
      lang,
      `Lo que más pesa en las predicciones del modelo v${model.version}: ${ranked
        .slice(0, 5)
        .map((r) => `${r.label} (${formatPercent(r.share, lang)})`)
        .join(
          ', ',
        )}. Para un cliente y un producto concretos, pregunte "¿por qué recomiendas el producto X al cliente Y?".`,
      `What weighs most in model v${model.version}'s predictions: ${ranked
        .slice(0, 5)
        .map((r) => `${r.label} (${formatPercent(r.share, lang)})`)
        .join(', ')}. For one customer and product, ask "why do you recommend product X to customer Y?".`,
    );
    return {
      text,
      answered: true,
      basedOn: [
        say(
          lang,
          `modelo v${model.version}: ganancia total por variable`,
          `model v${model.version}: total gain by feature`,
        ),
      ],
      table: table(
        [
          [say(lang, 'Variable', 'Feature'), false],
          [say(lang, 'Peso', 'Weight'), true],
        ],
        ranked.map((r) => [r.label, formatPercent(r.share, lang)]),
      ),
      chart: {
        kind: 'bar',
        title: say(lang, 'Importancia de las variables', 'Feature importance'),
        labels: ranked.map((r) => r.label),
        series: [
          { name: say(lang, 'peso', 'weight'), values: ranked.map((r) => Number(r.share.toFixed(4))) },
        ],
      },
      data: {
        model_version: model.version,
        importance: ranked.map((r) => ({ feature: r.name, share: r.share })),
      },
    };
  } finally {
    model.release();
  }
};

/** The latest drift verdict. */
export const driftStatusTool: Tool = async (box, req) => {
  const { lang } = req;
  const latest = await box.drift?.latest();
  if (!latest) {
    return notAnswered(
      say(
        lang,
        'Todavía no hay ningún chequeo de drift: se hace en la corrida semanal, cuando llega un lote nuevo.',
        'There is no drift check yet: the weekly run does one when a new batch lands.',
      ),
      [say(lang, '¿Cuándo es la próxima corrida?', 'When is the next run?')],
    );
  }
  const verdict = latest.drifted
    ? say(
        lang,
        `Sí: se detectó drift en la semana del ${formatDay(latest.week, lang)}`,
        `Yes: drift was detected in the week of ${formatDay(latest.week, lang)}`,
      )
    : say(
        lang,
        `No: la semana del ${formatDay(latest.week, lang)} no muestra drift`,
        `No: the week of ${formatDay(latest.week, lang)} shows no drift`,
      );
  const features = driftChangesSentence(latest, lang);
  const changes = driftChangesTable(latest, lang);
  return {
    text: req.whatChanged
      ? whatChangedSentence(latest, formatDay(latest.week, lang), lang)
      : `${verdict}${latest.championVersion !== null ? say(lang, ` frente a la referencia del modelo v${latest.championVersion}`, ` against model v${latest.championVersion}'s reference`) : ''}.${features}`,
    answered: true,
    basedOn: [
      say(
        lang,
        `reporte de drift del ${formatInstant(latest.checkedAt, lang)}`,
        `drift report of ${formatInstant(latest.checkedAt, lang)}`,
      ),
    ],
    ...(changes ? { table: changes } : {}),
    data: {
      week: latest.week,
      drifted: latest.drifted,
      drifted_features: latest.driftedFeatures,
      champion_version: latest.championVersion,
    },
  };
};
