import { nextFireTime } from '@sodai/pipeline';
import type { Lang } from '../../contract/api.ts';
import { agree } from '../count-words.ts';
import { formatInstant, formatNumber, formatPercent, say } from '../format.ts';
import { DEFAULT_POLICY, type OperatingPolicy } from '../operating-policy.ts';
import type { PolicyTopic } from '../understanding/policy-question.ts';
import { batchToTell } from './batch-to-tell.ts';
import type { ChatToolbox, Tool } from './toolbox.ts';

/** The policy a tool reads: the server's, or the defaults of one started with no settings. */
export const policyOf = (box: ChatToolbox): OperatingPolicy => box.policy ?? DEFAULT_POLICY;

const f1 = (value: number, lang: Lang) => formatNumber(value, lang, 3);
const weeks = (n: number, lang: Lang) =>
  `${formatNumber(n, lang)} ${say(lang, agree(n, ['semana', 'semanas']), agree(n, ['week', 'weeks']))}`;
const days = (n: number, lang: Lang) =>
  `${formatNumber(n, lang)} ${say(lang, agree(n, ['día', 'días']), agree(n, ['day', 'days']))}`;

/** "The weekly run (schedule @weekly, next on …)", from the weekly DAG when this server reads it. */
function weeklyRun(box: ChatToolbox, lang: Lang): string {
  const dag = box.pipeline?.dags.find((d) => d.id === 'weekly');
  const next = dag?.schedule ? nextFireTime(dag, box.now()) : null;
  if (!dag?.schedule || !next) return say(lang, 'La corrida semanal', 'The weekly run');
  const at = formatInstant(next, lang);
  return say(
    lang,
    `La corrida semanal (calendario ${dag.schedule}; la próxima el ${at} UTC)`,
    `The weekly run (schedule ${dag.schedule}; next on ${at} UTC)`,
  );
}

/** What a new model must beat to serve. */
function gateRule(p: OperatingPolicy, lang: Lang): string {
  const margin = f1(p.gate.marginF1, lang);
  const ndcg = f1(p.gate.ndcgTolerance, lang);
  return say(
    lang,
    `Un modelo nuevo pasa a servir solo si, en una semana de prueba que no vio al entrenar, supera en al menos ${margin} de F1 a la mejor regla simple (por ejemplo «compró en 3 de las últimas 8 semanas») y al modelo en servicio, y su NDCG@5 (el orden de las recomendaciones) no queda más de ${ndcg} por debajo del de este; si no, sigue el modelo en servicio.`,
    `A new model goes into service only if, on a test week it did not see in training, it beats the best simple rule (such as "bought in 3 of the last 8 weeks") and the serving model by at least ${margin} F1, and its NDCG@5 (the order of the recommendations) is no more than ${ndcg} below the serving model's; otherwise the serving model stays.`,
  );
}

/** When the weekly run trains a challenger. */
export function retrainRule(box: ChatToolbox, p: OperatingPolicy, lang: Lang): string {
  const age = weeks(p.retrain.maxAgeWeeks, lang);
  const drift = p.retrain.onDrift
    ? say(
        lang,
        'cuando el chequeo de drift dice que los datos cambiaron, ',
        'when the drift check says the data changed, ',
      )
    : '';
  const driftOff = p.retrain.onDrift
    ? ''
    : say(
        lang,
        ' El drift solo se informa y abre una alerta: no reentrena (model.retrainOnDrift está apagado).',
        ' Drift is only reported and alerted: it does not retrain (model.retrainOnDrift is off).',
      );
  return say(
    lang,
    `${weeklyRun(box, lang)} decide cada semana si reentrenar: entrena un modelo nuevo cuando no hay modelo en servicio o este usa otras variables, ${drift}o cuando el modelo en servicio tiene ${age} de datos o más desde su entrenamiento; si no, se queda con él.${driftOff}`,
    `${weeklyRun(box, lang)} decides every week whether to retrain: it trains a new model when none serves or the serving one takes other features, ${drift}or when the serving model is ${age} of data old or more; otherwise it keeps it.${driftOff}`,
  );
}

/** Where an alert goes once opened. */
function whereAlertsGo(p: OperatingPolicy, lang: Lang): string {
  if (!p.alerts.enabled)
    return say(
      lang,
      'Las alertas están apagadas en la configuración (alerts.enabled).',
      'Alerts are switched off in the configuration (alerts.enabled).',
    );
  return p.alerts.webhook
    ? say(
        lang,
        'Cada alerta se envía al webhook configurado y queda en la bandeja de alertas de la interfaz hasta que se resuelve.',
        'Each alert is sent to the configured webhook and stays in the UI alert inbox until it resolves.',
      )
    : say(
        lang,
        'Cada alerta queda en la bandeja de alertas de la interfaz y en el log hasta que se resuelve (no hay webhook configurado: alerts.webhook lo agrega).',
        'Each alert stays in the UI alert inbox and the log until it resolves (no webhook is configured: alerts.webhook adds one).',
      );
}

/** How data that stop arriving are noticed. */
function staleDataRule(p: OperatingPolicy, lang: Lang): string {
  const lag = p.alerts.staleDataLagDays;
  const lagEs = lag === undefined ? '' : ` o cuando la última fecha de compra queda ${days(lag, lang)} atrás`;
  const lagEn = lag === undefined ? '' : ` or when the newest purchase date falls ${days(lag, lang)} behind`;
  return say(
    lang,
    `Si pasan ${days(p.alerts.staleDataDays, lang)} sin un lote nuevo${lagEs}, se abre la alerta «datos desactualizados»; una semana sin ninguna compra entre semanas con datos abre «semanas sin datos».`,
    `When ${days(p.alerts.staleDataDays, lang)} pass without a new batch${lagEn}, the "stale data" alert opens; a week with no purchase at all between weeks with data opens "weeks with no data".`,
  );
}

/** How a model that gets worse is noticed. */
function degradationRule(p: OperatingPolicy, lang: Lang): string {
  const n = weeks(p.alerts.realizedBelowRuleWeeks, lang);
  const drop = f1(p.alerts.realizedBelowTestF1, lang);
  const gate = formatNumber(p.alerts.gateRejectionsInARow, lang);
  return say(
    lang,
    `Cada semana, cuando llegan las compras, la corrida semanal compara las predicciones de la semana anterior con lo que de verdad se compró, por versión del modelo (F1 real). Se abre una alerta si el F1 real de la versión en servicio queda bajo el de la mejor regla simple ${n} seguidas, o más de ${drop} bajo el F1 que tuvo en su semana de prueba; y otra si la compuerta rechaza ${gate} modelos nuevos seguidos.`,
    `Every week, when the purchases arrive, the weekly run scores the previous week's predictions against what was actually bought, per model version (realized F1). An alert opens when the serving version's realized F1 stays below the best simple rule's for ${n} in a row, or falls more than ${drop} below the F1 it had on its test week; another when the gate refuses ${gate} new models in a row.`,
  );
}

/** The last batch that landed, said as the state of things now. */
async function lastBatchNow(box: ChatToolbox, lang: Lang): Promise<string> {
  const told = await batchToTell(box, 'ingested');
  if (!told || told.batch.outcome !== 'ingested')
    return say(lang, ' Todavía no se ha cargado ningún lote.', ' No batch has been loaded yet.');
  const at = formatInstant(new Date(told.batch.finishedAt), lang);
  const upTo = told.batch.dateMax
    ? say(lang, `, con datos hasta el ${told.batch.dateMax}`, `, with data up to ${told.batch.dateMax}`)
    : '';
  return say(
    lang,
    ` El último lote se cargó el ${at}${upTo}.`,
    ` The last batch was loaded on ${at}${upTo}.`,
  );
}

/** Open alerts now, in one sentence (none when this server reads no alerts). */
async function openAlertsNow(box: ChatToolbox, lang: Lang): Promise<string> {
  if (!box.alerts) return '';
  const open = (await box.alerts.open()).length;
  if (open === 0) return say(lang, ' Ahora no hay ninguna alerta abierta.', ' No alert is open now.');
  return say(
    lang,
    ` Ahora ${agree(open, ['hay una alerta abierta', `hay ${formatNumber(open, lang)} alertas abiertas`])}: pregunte «¿hay alertas?» para verlas.`,
    ` ${agree(open, ['One alert is', `${formatNumber(open, lang)} alerts are`])} open now: ask "any alerts?" to see them.`,
  );
}

/** Every alert rule with its threshold. */
function alertRules(p: OperatingPolicy, lang: Lang): string {
  const a = p.alerts;
  const rules = say(
    lang,
    [
      `el F1 real del modelo bajo el de la mejor regla simple ${weeks(a.realizedBelowRuleWeeks, lang)} seguidas, o más de ${f1(a.realizedBelowTestF1, lang)} bajo su F1 de prueba`,
      'deriva de los datos (drift) en la corrida semanal',
      'una corrida semanal que falla',
      'un lote rechazado por la validación o filas que llegaron tarde y no se cargaron',
      `${days(a.staleDataDays, lang)} sin un lote nuevo, o semanas sin datos entre semanas con datos`,
      `la compuerta que rechaza ${formatNumber(a.gateRejectionsInARow, lang)} modelos nuevos seguidos`,
      `la API con más de ${formatPercent(a.apiMaxErrorRate, lang)} de errores o un p99 de más de ${formatNumber(a.apiMaxP99Ms, lang)} ms en ${formatNumber(a.apiWindowMinutes, lang)} minutos`,
      'registros de predicciones perdidos',
    ].join('; '),
    [
      `the model's realized F1 below the best simple rule's for ${weeks(a.realizedBelowRuleWeeks, lang)} in a row, or more than ${f1(a.realizedBelowTestF1, lang)} below its test F1`,
      'data drift in the weekly run',
      'a weekly run that fails',
      'a batch refused by validation, or source rows that arrived late and were not loaded',
      `${days(a.staleDataDays, lang)} without a new batch, or weeks with no data between weeks with data`,
      `the gate refusing ${formatNumber(a.gateRejectionsInARow, lang)} new models in a row`,
      `the API with more than ${formatPercent(a.apiMaxErrorRate, lang)} errors or a p99 above ${formatNumber(a.apiMaxP99Ms, lang)} ms over ${formatNumber(a.apiWindowMinutes, lang)} minutes`,
      'prediction log records dropped',
    ].join('; '),
  );
  return say(lang, `Se abre una alerta por: ${rules}.`, `An alert opens for: ${rules}.`);
}

/** What the data team can do at once, without waiting for the policy. */
const FORCE_RETRAIN = {
  es: ' Para reentrenar sin esperar: sodai run weekly --retrain force.',
  en: ' To retrain without waiting: sodai run weekly --retrain force.',
} as const;

const BASED_ON = {
  es: 'configuración del servidor (model y alerts) y calendario del DAG semanal',
  en: 'server configuration (model and alerts) and the weekly DAG schedule',
} as const;

/**
 * How the platform behaves, from its configuration (and, where it helps, how things stand now):
 * when the model is retrained, when a new one serves, what happens when data stop arriving or the
 * model gets worse, and which alerts exist ("¿cada cuánto se reentrena el modelo?", "what happens
 * if a week's file doesn't arrive?", "¿cuándo me avisan si algo falla?").
 */
export function policyTool(topic: PolicyTopic): Tool {
  return async (box, req) => {
    const { lang } = req;
    const p = policyOf(box);
    const serving = box.serving.current();
    const servingNow = serving
      ? say(lang, ` Ahora sirve la versión ${serving.version}.`, ` Version ${serving.version} serves now.`)
      : say(lang, ' Ahora no sirve ningún modelo.', ' No model serves now.');
    const parts: Record<PolicyTopic, () => Promise<string>> = {
      retrain: async () => `${retrainRule(box, p, lang)} ${gateRule(p, lang)}${servingNow}`,
      promotion: async () => `${gateRule(p, lang)} ${retrainRule(box, p, lang)}${servingNow}`,
      missing_data: async () =>
        say(
          lang,
          'Si no llega un lote nuevo no se pierde nada: el modelo en servicio sigue y sus predicciones siguen siendo las de la última semana con datos; la corrida semanal no carga nada nuevo y no cambia el modelo por eso. ',
          'If no new batch arrives nothing is lost: the serving model stays and its predictions stay those of the last week with data; the weekly run loads nothing new and does not change the model for it. ',
        ) +
        `${staleDataRule(p, lang)} ${whereAlertsGo(p, lang)} ${say(lang, 'Cuando el lote llega, se carga una sola vez y la corrida siguiente predice la semana nueva.', 'When the batch arrives it is loaded once and the next run predicts the new week.')}${await lastBatchNow(box, lang)}`,
      model_worse: async () =>
        `${degradationRule(p, lang)} ${whereAlertsGo(p, lang)} ${retrainRule(box, p, lang)}${servingNow}${await openAlertsNow(box, lang)}${FORCE_RETRAIN[lang]}`,
      alerts: async () => `${alertRules(p, lang)} ${whereAlertsGo(p, lang)}${await openAlertsNow(box, lang)}`,
    };
    return {
      text: await parts[topic](),
      answered: true,
      basedOn: [say(lang, BASED_ON.es, BASED_ON.en)],
      data: {
        topic,
        max_age_weeks: p.retrain.maxAgeWeeks,
        retrain_on_drift: p.retrain.onDrift,
        gate_margin_f1: p.gate.marginF1,
        stale_data_days: p.alerts.staleDataDays,
        realized_below_rule_weeks: p.alerts.realizedBelowRuleWeeks,
        alerts_enabled: p.alerts.enabled,
      },
    };
  };
}
